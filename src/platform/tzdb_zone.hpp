// Time zones through Howard Hinnant's date/tz: any number may coexist, so this
// suits a server with many people, and it is the reference the C library's
// zone (zones.hpp) is tested against. First use reads the whole tzdata tree.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"
#include "platform/zone_provider.hpp"

namespace daybreak {

class TzdbZone final : public TimeZone {
 public:
  explicit TzdbZone(std::string_view name);  // throws std::invalid_argument for an unknown zone
  [[nodiscard]] std::string_view name() const override { return name_; }
  [[nodiscard]] std::chrono::seconds offset(Instant t) const override;

 private:
  std::string name_;
  const void* zone_;  // const date::time_zone*, kept out of this header
};

// Every installed zone name, sorted.
[[nodiscard]] std::vector<std::string> known_zones();

// Every installed zone, each loaded on first use and kept: for a server whose
// people live in different zones (the later clinic server). Thread-safe.
class TzdbZoneProvider final : public ZoneProvider {
 public:
  [[nodiscard]] const TimeZone* find(std::string_view name) const override;
  [[nodiscard]] std::vector<std::string> names() const override { return known_zones(); }

 private:
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::unique_ptr<TzdbZone>, std::less<>> zones_;
};

}  // namespace daybreak
