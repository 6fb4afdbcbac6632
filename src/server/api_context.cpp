#include "server/api_context.hpp"

#include "app/diary.hpp"
#include "domain/utc_zone.hpp"
#include "platform/zones.hpp"

namespace daybreak {

Caller ApiContext::caller(const http::Request&) const {
  auto user = store_.read()->find_user(kLocalUser);
  if (!user) throw StoreError(StoreError::Kind::not_found, "the local person's profile is missing");
  const TimeZone& z = zone(user->time_zone);
  return Caller{std::move(*user), z, clock_.now()};
}

const TimeZone& ApiContext::zone(std::string_view name) const {
  const std::lock_guard lock(zones_mutex_);
  if (const auto it = zones_.find(name); it != zones_.end()) return *it->second;
  if (!is_known_zone(name)) return utc_zone();
  auto [it, inserted] = zones_.emplace(std::string(name), std::make_unique<TzdbZone>(name));
  return *it->second;
}

bool ApiContext::zone_exists(std::string_view name) const { return is_known_zone(name); }

}  // namespace daybreak
