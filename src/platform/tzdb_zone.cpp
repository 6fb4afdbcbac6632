#include "platform/tzdb_zone.hpp"

#include <stdexcept>

#include <date/tz.h>

#include "platform/zones.hpp"

namespace daybreak {

TzdbZone::TzdbZone(std::string_view name) : name_(name), zone_(nullptr) {
  if (!is_known_zone(name)) throw std::invalid_argument("unknown time zone: " + name_);
  zone_ = date::locate_zone(name_);
}

std::chrono::seconds TzdbZone::offset(Instant t) const {
  return static_cast<const date::time_zone*>(zone_)->get_info(t).offset;
}

std::vector<std::string> known_zones() {
  std::vector<std::string> names;
  for (const auto& zone : date::get_tzdb().zones) names.push_back(zone.name());
  return names;
}

const TimeZone* TzdbZoneProvider::find(std::string_view name) const {
  const std::lock_guard lock(mutex_);
  if (const auto it = zones_.find(name); it != zones_.end()) return it->second.get();
  if (!is_known_zone(name)) return nullptr;
  return zones_.emplace(std::string(name), std::make_unique<TzdbZone>(name)).first->second.get();
}

}  // namespace daybreak
