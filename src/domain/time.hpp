// The time model: instants are UTC, diary days are local calendar dates in the
// person's time zone, and "now" comes from a Clock that the caller hands in.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace daybreak {

using Instant = std::chrono::sys_seconds;       // a moment, UTC, whole seconds
using LocalDate = std::chrono::year_month_day;  // a calendar date where the person lives
using LocalTime = std::chrono::local_seconds;   // a wall-clock reading, no zone attached
using Minutes = std::chrono::minutes;

class Clock {
 public:
  virtual ~Clock() = default;
  [[nodiscard]] virtual Instant now() const = 0;
};

// How a wall-clock reading maps to instants: once, twice (clocks went back),
// or not at all (clocks went forward). For `nonexistent`, `first` and `second`
// are the readings under the offsets before and after the change.
struct LocalResolution {
  enum class Kind { unique, ambiguous, nonexistent };
  Kind kind = Kind::unique;
  Instant first;   // the earlier instant
  Instant second;  // equal to first when unique
};

// A time zone's rules. Implementations live in platform/ (they read tzdata).
class TimeZone {
 public:
  virtual ~TimeZone() = default;
  [[nodiscard]] virtual std::string_view name() const = 0;
  // UTC offset in force at `t`.
  [[nodiscard]] virtual std::chrono::seconds offset(Instant t) const = 0;

  [[nodiscard]] LocalTime to_local(Instant t) const { return LocalTime{t.time_since_epoch() + offset(t)}; }
  [[nodiscard]] LocalDate date_of(Instant t) const {
    return LocalDate{std::chrono::floor<std::chrono::days>(to_local(t)).time_since_epoch() + std::chrono::sys_days{}};
  }
  // Which instants show `local` on a wall clock here. Assumes offset changes are
  // more than a day apart, which holds for every zone in tzdata since 1970.
  [[nodiscard]] LocalResolution resolve(LocalTime local) const;
};

// Calendar helpers. Parsing is strict: fixed widths, real dates only.
[[nodiscard]] std::optional<LocalDate> parse_date(std::string_view text);  // 2026-11-23
// Why `text`, written YYYY-MM-DD, is no day on the calendar ("2026 has no
// 29 February", "there is no month 13"); nullopt when it is a day or is not
// written YYYY-MM-DD at all.
[[nodiscard]] std::optional<std::string> calendar_problem(std::string_view text);
// What a refused date allows: `rule`, with the calendar problem of `text` in
// brackets when it has one ("a date written YYYY-MM-DD (2026 has no 29
// February)"), so a well-written impossible date is not told to be written
// the way it already is.
[[nodiscard]] std::string date_rule(std::string_view text, std::string_view rule);
// Diary days from `from` to `to` (both included; none: no bound on that side).
struct DayRange {
  std::optional<LocalDate> from;
  std::optional<LocalDate> to;
};

[[nodiscard]] std::string format_date(LocalDate d);       // 2026-11-23
[[nodiscard]] std::string format_long_date(LocalDate d);  // Monday 23 November 2026
// The one table of day and month names: "Monday", "November", "Nov".
[[nodiscard]] std::string_view weekday_name(LocalDate d);
[[nodiscard]] std::string_view month_name(LocalDate d);
[[nodiscard]] std::string_view short_month_name(LocalDate d);
[[nodiscard]] std::optional<Minutes> parse_clock(std::string_view text);  // 07:30 -> 450 min
[[nodiscard]] std::string format_clock(LocalTime t);                      // 07:30
// RFC 3339 with 'Z' or a numeric offset; seconds optional.
[[nodiscard]] std::optional<Instant> parse_instant(std::string_view text);
// The wall clock where it was written, when `text` is a date and time with a
// numeric offset (2026-08-31T23:00+09:30 -> 23:00 on 31 August); nullopt for
// 'Z', which says nothing of where, and for anything parse_instant refuses.
[[nodiscard]] std::optional<LocalTime> written_wall_clock(std::string_view text);
[[nodiscard]] std::string format_utc(Instant t);  // 2026-11-23T06:30:00Z
// 2026-11-23T07:30:00+01:00; in UTC ('Z') where the offset is not whole minutes.
[[nodiscard]] std::string format_with_offset(Instant t, const TimeZone& zone);

[[nodiscard]] inline LocalTime at(LocalDate d, Minutes since_midnight) {
  return LocalTime{std::chrono::sys_days{d}.time_since_epoch() + since_midnight};
}
[[nodiscard]] inline LocalDate add_days(LocalDate d, int days) {
  return LocalDate{std::chrono::sys_days{d} + std::chrono::days{days}};
}
// Days since 1970-01-01: a number to regress on or to bucket by.
[[nodiscard]] inline std::int64_t day_number(LocalDate d) {
  return std::chrono::sys_days{d}.time_since_epoch().count();
}
[[nodiscard]] inline int days_between(LocalDate from, LocalDate to) {
  return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

}  // namespace daybreak
