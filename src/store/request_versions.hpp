// The store's versions one request has read (the database's, a person's),
// kept for the rest of that request on its thread, so that each is read from
// the database once however many kept views ask; a write the request commits
// forgets them (it moved them). The server opens one per request; without
// one, every version is read afresh. A store may also keep one read
// transaction open for the request's reads (PgStore): it is ended when the
// request ends.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace daybreak {

class RequestVersions {
 public:
  RequestVersions();
  ~RequestVersions();
  RequestVersions(const RequestVersions&) = delete;
  RequestVersions& operator=(const RequestVersions&) = delete;

  // `who`: a person's id, or 0 for the whole database's version.
  [[nodiscard]] static std::optional<std::int64_t> find(std::int64_t who);
  static void keep(std::int64_t who, std::int64_t version);
  // After a commit on this thread.
  static void forget();
  // The store's version the request's client says it has seen (its last
  // write's, from the cookie that write's answer set): the request is to see
  // at least that. 0: none said.
  static void must_see(std::int64_t store_version);
  [[nodiscard]] static std::int64_t seen_by_client();
  // The store's version a commit of this request moved it to (PgStore), for
  // the answer to give its client; 0: none.
  static void committed(std::int64_t store_version);
  [[nodiscard]] static std::int64_t committed_version();
  // Whether a request is open on this thread.
  [[nodiscard]] static bool open();
  // `end` runs when this thread's request ends (once, however often asked).
  static void end_with_request(void (*end)() noexcept);

 private:
  RequestVersions* previous_;
  std::vector<std::pair<std::int64_t, std::int64_t>> kept_;
  void (*end_)() noexcept = nullptr;
  std::int64_t must_see_ = 0;
  std::int64_t committed_ = 0;
};

}  // namespace daybreak
