// Time zones through Howard Hinnant's date/tz: any number may coexist, so this
// suits a server with many people, and it is the reference the C library's
// zone (zones.hpp) is tested against. First use reads the whole tzdata tree.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"

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

}  // namespace daybreak
