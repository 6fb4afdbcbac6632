#include "server/api_context.hpp"

#include <fmt/format.h>

#include "app/diary.hpp"
#include "platform/zones.hpp"
#include "server/responses.hpp"

namespace daybreak {

namespace {

User local_user(const Store& store) {
  auto user = store.read()->find_user(kLocalUser);
  if (!user) throw StoreError(StoreError::Kind::not_found, "the local person's profile is missing");
  return std::move(*user);
}

}  // namespace

User ApiContext::user(const http::Request& request) const { return person(request, store_.version()); }

Caller ApiContext::caller(const http::Request& request) const {
  const StoreVersion version = store_.version();
  User u = person(request, version);
  const TimeZone& z = zone(u.time_zone);
  return Caller{std::move(u), z, clock_.now(), version};
}

User ApiContext::person(const http::Request&, StoreVersion version) const {
  return local_user_.get(version, [this] { return local_user(store_); });
}

const TimeZone& ApiContext::zone(std::string_view name) const {
  if (const TimeZone* z = zones_.find(name)) return *z;
  // The profile names a zone this server was not started with: its diary days
  // would fall on the wrong dates, so nothing is read or written until then.
  const auto served = zones_.names();
  const std::string which = served.size() == 1 ? served.front() : "the zones installed here";
  throw http::ProblemError(http::problem(
      409, "zone-not-served", "Time zone not served",
      fmt::format("daybreak serve keeps diary days in {}, the time zone it started with, but the profile now says "
                  "'{}'. Stop daybreak serve and start it again to use {}.",
                  which, name, name),
      http::Json{{"time_zone", name}, {"served", served}}));
}

std::optional<std::string> ApiContext::zone_refusal(std::string_view name) const {
  if (zones_.find(name) != nullptr) return std::nullopt;
  const auto served = zones_.names();
  if (!is_known_zone(name) || served.size() != 1) {
    return "an IANA time zone installed here, such as Europe/Oslo or America/New_York";
  }
  return fmt::format(
      "{}, the zone daybreak serve started with; to move to another, stop it, run `daybreak profile --time-zone "
      "ZONE` and start it again",
      served.front());
}

}  // namespace daybreak
