#include "store/version_reads.hpp"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <climits>

namespace daybreak {
namespace {

// The kernel's futex on a batch's state, without the spinning that
// std::atomic::wait does first (sched_yield calls: on this machine's two cores,
// four for each request, and the reads ran a tenth slower; bench/RESULTS.md).
void wait_while(std::atomic<int>& state, int value) {
  static_assert(sizeof(std::atomic<int>) == sizeof(int) && std::atomic<int>::is_always_lock_free);
  syscall(SYS_futex, reinterpret_cast<int*>(&state), FUTEX_WAIT_PRIVATE, value, nullptr, nullptr, 0);
}

void wake(std::atomic<int>& state, int how_many) {
  syscall(SYS_futex, reinterpret_cast<int*>(&state), FUTEX_WAKE_PRIVATE, how_many, nullptr, nullptr, 0);
}

}  // namespace

std::int64_t VersionReads::get(std::int64_t at_least) {
  std::shared_ptr<Batch> batch;
  bool lead = false;
  {
    const std::lock_guard lock(mutex_);
    if (max_age_ > Clock::duration::zero() && known_ && newest_ >= at_least && Clock::now() - asked_ <= max_age_) {
      return newest_;
    }
    if (!gathering_) gathering_ = std::make_shared<Batch>();
    batch = gathering_;
    ++batch->requests;
    if (!reading_) {  // none on its way: this request sends the read now
      reading_ = true;
      gathering_.reset();
      batch->state.store(sent, std::memory_order_relaxed);
      lead = true;
    }
  }
  // A read already on its way began before this request asked: it cannot
  // answer for it. This batch is sent once that read is back, by whichever of
  // its requests is woken to.
  while (!lead) {
    int state = batch->state.load(std::memory_order_acquire);
    if (state == done) break;
    if (state == your_turn) {
      lead = batch->state.compare_exchange_strong(state, sent, std::memory_order_acq_rel);
      continue;
    }
    wait_while(batch->state, state);
  }
  if (lead) send(*batch);
  if (batch->failed) std::rethrow_exception(batch->failed);
  return batch->version;
}

void VersionReads::send(Batch& batch) {
  const Clock::time_point asked = Clock::now();
  try {
    batch.version = read_();
  } catch (...) {
    batch.failed = std::current_exception();
  }
  // The requests that asked while it was on its way go next, in a read that
  // begins after the last of them asked (none can join it once it is taken).
  std::shared_ptr<Batch> next;
  bool others = false;  // the batch's count is final: it left gathering_ under the lock before it was sent
  {
    const std::lock_guard lock(mutex_);
    if (!batch.failed) learned_locked(batch.version, asked);
    others = batch.requests > 1;
    next = std::move(gathering_);
    gathering_.reset();
    reading_ = next != nullptr;
  }
  batch.state.store(done, std::memory_order_release);
  if (others) wake(batch.state, INT_MAX);  // a read for its sender alone wakes nobody
  if (next) {
    next->state.store(your_turn, std::memory_order_release);
    wake(next->state, 1);
  }
}

void VersionReads::learned(std::int64_t version, Clock::time_point asked) {
  const std::lock_guard lock(mutex_);
  learned_locked(version, asked);
}

void VersionReads::learned_locked(std::int64_t version, Clock::time_point asked) {
  // The version only grows, and a greater one covers every write a smaller
  // one does; the newest beginning says since when nothing acknowledged can
  // be missing.
  newest_ = known_ ? std::max(newest_, version) : version;
  asked_ = known_ ? std::max(asked_, asked) : asked;
  known_ = true;
}

int VersionReads::gathered() const {
  const std::lock_guard lock(mutex_);
  return gathering_ ? gathering_->requests : 0;
}

}  // namespace daybreak
