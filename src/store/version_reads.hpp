// A version read shared by the requests that ask for it at the same time, as
// a group commit shares one flush among writes: while one read is on its way
// to the database, the requests that ask meanwhile wait and go together in
// the next one, a single round trip for all of them. Each request is answered
// by a read that began after it asked, so it sees every write acknowledged
// before it asked, through any server: the promise of reading the version
// afresh is kept, and the database answers a busy server's requests in a few
// reads instead of one each.
//
// With a maximum age (a server's --fresh-within), a request is answered with
// no read at all by what a read that began at most that long ago learned, if
// it is at least the version the request says it has seen (the cookie a
// write's answer sets): a person's own writes are seen at once through any
// server, everyone else's within the age.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>

namespace daybreak {

class VersionReads {
 public:
  // One read of the version, one round trip.
  using Read = std::function<std::int64_t()>;

  using Clock = std::chrono::steady_clock;

  explicit VersionReads(Read read, Clock::duration max_age = {}) : read_(std::move(read)), max_age_(max_age) {}

  // The version from a read that began after this call, or, with a maximum
  // age, from one that began at most that long before it if that read learned
  // `at_least` or more. A read that failed throws its error to every request
  // it was for.
  [[nodiscard]] std::int64_t get(std::int64_t at_least = 0);

  // A version learned otherwise (a commit's own, at `asked`): as if a read
  // that began then had answered it.
  void learned(std::int64_t version, Clock::time_point asked);

  // How many requests wait for the next read (not yet sent).
  [[nodiscard]] int gathered() const;

 private:
  // A batch's requests wait on its state (the kernel's futex: a request
  // asleep costs one call, and a read's answer wakes all of its requests with
  // one more), not on a condition variable whose waking would send them all
  // through one mutex.
  enum State : int { gathering, your_turn, sent, done };
  struct Batch {
    int requests = 0;
    std::int64_t version = 0;
    std::exception_ptr failed;
    std::atomic<int> state{gathering};
  };

  // Sends `batch`, then hands the batch gathered meanwhile to one of its
  // requests, and wakes `batch`'s.
  void send(Batch& batch);

  // Under mutex_: keeps the newest version learned and when the newest read
  // that learned one began (either covers every write acknowledged before it).
  void learned_locked(std::int64_t version, Clock::time_point asked);

  Read read_;
  Clock::duration max_age_;
  mutable std::mutex mutex_;
  std::shared_ptr<Batch> gathering_;  // the next read's requests, not yet sent
  bool reading_ = false;              // a read is on its way
  bool known_ = false;                // a version was learned
  std::int64_t newest_ = 0;           // the newest version learned
  Clock::time_point asked_{};         // when the newest read that learned one began
};

}  // namespace daybreak
