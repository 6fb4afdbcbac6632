// UTC as a TimeZone: for stored records and for tests that need no real zone.
#pragma once

#include "domain/time.hpp"

namespace daybreak {

class UtcZone final : public TimeZone {
 public:
  [[nodiscard]] std::string_view name() const override { return "UTC"; }
  [[nodiscard]] std::chrono::seconds offset(Instant) const override { return std::chrono::seconds{0}; }
};

[[nodiscard]] inline const TimeZone& utc_zone() {
  static const UtcZone zone;
  return zone;
}

}  // namespace daybreak
