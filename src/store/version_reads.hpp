// A version read shared by the requests that ask for it at the same time, as
// a group commit shares one flush among writes: while one read is on its way
// to the database, the requests that ask meanwhile wait and go together in
// the next one, a single round trip for all of them. Each request is answered
// by a read that began after it asked, so it sees every write acknowledged
// before it asked, through any server: the promise of reading the version
// afresh is kept, and the database answers a busy server's requests in a few
// reads instead of one each.
#pragma once

#include <atomic>
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

  explicit VersionReads(Read read) : read_(std::move(read)) {}

  // The version from a read that began after this call. A read that failed
  // throws its error to every request it was for.
  [[nodiscard]] std::int64_t get();

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

  Read read_;
  mutable std::mutex mutex_;
  std::shared_ptr<Batch> gathering_;  // the next read's requests, not yet sent
  bool reading_ = false;              // a read is on its way
};

}  // namespace daybreak
