// What every route module works with: the store, the clock, time zones, and
// who is asking. One ApiContext serves all requests, from any thread.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "domain/time.hpp"
#include "platform/tzdb_zone.hpp"
#include "server/http.hpp"
#include "store/sqlite_store.hpp"

namespace daybreak {

// The person a request acts for, with their zone and the request's "now".
struct Caller {
  User user;
  const TimeZone& zone;
  Instant now;

  [[nodiscard]] LocalDate today() const { return zone.date_of(now); }
  [[nodiscard]] WriteMeta meta() const { return {now, Actor{user.id, "api"}}; }
};

class ApiContext {
 public:
  ApiContext(SqliteStore& store, const Clock& clock, std::string version)
      : store_(store), clock_(clock), version_(std::move(version)) {}

  [[nodiscard]] SqliteStore& store() const { return store_; }
  [[nodiscard]] Instant now() const { return clock_.now(); }
  [[nodiscard]] const std::string& version() const { return version_; }

  // Who is asking. Until people sign in (a later issue), every request acts
  // for the local person; authentication replaces this one function.
  [[nodiscard]] Caller caller(const http::Request& request) const;

  // A zone by IANA name, loaded once (TzdbZone: many zones may coexist in a
  // server); UTC for a name not installed here.
  [[nodiscard]] const TimeZone& zone(std::string_view name) const;
  [[nodiscard]] bool zone_exists(std::string_view name) const;

 private:
  SqliteStore& store_;
  const Clock& clock_;
  std::string version_;
  mutable std::mutex zones_mutex_;
  mutable std::map<std::string, std::unique_ptr<TzdbZone>, std::less<>> zones_;
};

}  // namespace daybreak
