// Time zones from the system's tzdata, and how to find the person's zone.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"

namespace daybreak {

// True if `name` is an IANA zone installed on this system ("Europe/Oslo").
[[nodiscard]] bool is_known_zone(std::string_view name);
// The system's zone: $TZ if it names a zone, else /etc/localtime, else "UTC".
[[nodiscard]] std::string system_zone_name(const char* tz_env);

// The C library's zone, selected for the whole process through $TZ. It reads
// one tzdata file and nothing else. Howard Hinnant's date/tz (TzdbZone, in
// tzdb_zone.hpp) reads the whole tzdata tree on first use, about 2 ms, most
// of a CLI command's budget. Only one may exist at a time; the CLI makes one.
class ProcessZone final : public TimeZone {
 public:
  explicit ProcessZone(std::string_view name);  // throws std::invalid_argument for an unknown zone
  ~ProcessZone() override;
  ProcessZone(const ProcessZone&) = delete;
  ProcessZone& operator=(const ProcessZone&) = delete;
  [[nodiscard]] std::string_view name() const override { return name_; }
  [[nodiscard]] std::chrono::seconds offset(Instant t) const override;

 private:
  std::string name_;
  std::string saved_tz_;
  bool had_tz_ = false;
};

}  // namespace daybreak
