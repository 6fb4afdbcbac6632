// Calendar reminders: what recurs when, as plain values, and the
// occurrences they give in a range of days. The iCalendar file
// (report/ical.hpp) is written from the same values, and the tests check
// that calendar programs expand it to exactly these occurrences.
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/time.hpp"

namespace daybreak {

struct Reminder {
  std::string key;  // stable: "morning-routine", "experiment-3-A"; the UID is derived from it
  std::string summary;
  std::string description;
  Minutes time{0};                             // the wall-clock time, every day it falls on
  LocalDate first_day;                         // the first day it may fall on
  std::optional<LocalDate> last_day;           // the last (none: for ever)
  std::optional<std::chrono::weekday> weekly;  // on this weekday only; none: every day
  std::vector<LocalDate> except;               // days it skips
  int duration_minutes = 10;
  int sequence = 0;  // rises each time the reminder changes
  Instant stamp;     // when it last changed
};

struct Occurrence {
  const Reminder* reminder = nullptr;
  Instant start;
};

// The days a reminder falls on, from `from` to `to` (both included).
[[nodiscard]] std::vector<LocalDate> reminder_days(const Reminder& reminder, LocalDate from, LocalDate to);

// When `time` on `day` happens in `zone`. A time the clocks skip is read with
// the offset before the change, and one they repeat is the first (RFC 5545 3.3.5).
[[nodiscard]] Instant reminder_instant(LocalDate day, Minutes time, const TimeZone& zone);

// Every occurrence from `from` to `to`, in time order (then in list order).
[[nodiscard]] std::vector<Occurrence> occurrences(std::span<const Reminder> reminders, LocalDate from, LocalDate to,
                                                  const TimeZone& zone);

}  // namespace daybreak
