// Reminders as an iCalendar file (RFC 5545): one recurring VEVENT per
// reminder with a stable UID, TZID times with the zone's VTIMEZONE built
// from the tz database through TimeZone, CRLF lines folded at 75 octets,
// and a VALARM only when asked for.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "domain/reminder.hpp"
#include "report/stable_id.hpp"

namespace daybreak {

struct CalendarOptions {
  std::string_view version;          // daybreak's, for PRODID
  std::optional<int> alarm_minutes;  // a display alarm this many minutes before; none: no alarm
};

// UIDs are names under `person`, so each reminder keeps its UID in every file.
[[nodiscard]] std::string reminders_calendar(std::span<const Reminder> reminders, const TimeZone& zone,
                                             const Uuid& person, const CalendarOptions& options);

// The UID of reminder `key`: "<uuid>@daybreak", the same in every file.
[[nodiscard]] std::string reminder_uid(const Uuid& person, std::string_view key);

// RFC 5545 3.3.11 TEXT escaping: backslash, semicolon, comma and line breaks.
[[nodiscard]] std::string ical_text(std::string_view text);
// Folds one content line at 75 octets (never inside a UTF-8 character) and ends it with CRLF.
void append_ical_line(std::string& out, std::string_view line);

}  // namespace daybreak
