// Where a server gets the time zones of the people it serves, by IANA name.
// The local `daybreak serve` serves one person in one zone, fixed at start-up
// (SingleZoneProvider over the C library's ProcessZone); a server for many
// people would hand out many (TzdbZoneProvider, in tzdb_zone.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"

namespace daybreak {

class ZoneProvider {
 public:
  virtual ~ZoneProvider() = default;
  // The zone named `name`, or nullptr when this provider cannot serve it.
  [[nodiscard]] virtual const TimeZone* find(std::string_view name) const = 0;
  // Every zone it can serve, sorted: the choices a person has here.
  [[nodiscard]] virtual std::vector<std::string> names() const = 0;
};

// One zone for the life of the process. The C library keeps one zone per
// process ($TZ), and changing it while threads call localtime_r is a data
// race; fixed before the first thread starts, reading it is thread-safe.
class SingleZoneProvider final : public ZoneProvider {
 public:
  explicit SingleZoneProvider(const TimeZone& zone) : zone_(zone) {}
  [[nodiscard]] const TimeZone* find(std::string_view name) const override {
    return name == zone_.name() ? &zone_ : nullptr;
  }
  [[nodiscard]] std::vector<std::string> names() const override { return {std::string(zone_.name())}; }
  [[nodiscard]] const TimeZone& zone() const { return zone_; }

 private:
  const TimeZone& zone_;
};

}  // namespace daybreak
