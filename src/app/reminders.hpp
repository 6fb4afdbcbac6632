// Calendar reminders: the times the person sets for their
// morning routine (before getting up), morning log, evening routine, weekly
// safety check and a running experiment's condition, and the reminders and
// iCalendar file made from them.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "app/app_error.hpp"
#include "domain/reminder.hpp"
#include "store/store.hpp"

namespace daybreak {

struct ReminderTimes {
  Minutes morning_routine{6 * 60 + 30};  // in bed, before getting up: the alarm's time
  Minutes morning_log{7 * 60 + 30};
  Minutes evening_routine{21 * 60};
  std::chrono::weekday safety_day{std::chrono::Monday};
  Minutes safety_time{9 * 60};
  Minutes experiment{21 * 60 + 30};  // tonight's condition, the evening before the night
};

// What `daybreak reminders` may change; text as typed ("06:30", "mon 09:00").
struct ReminderChange {
  std::optional<std::string> morning_routine;
  std::optional<std::string> morning_log;
  std::optional<std::string> evening_routine;
  std::optional<std::string> safety_check;
  std::optional<std::string> experiment;
  [[nodiscard]] bool empty() const {
    return !morning_routine && !morning_log && !evening_routine && !safety_check && !experiment;
  }
};

[[nodiscard]] ReminderTimes reminder_times(const Store& store, UserId user);
// The times as text, every one given: "06:30", "mon 09:00".
[[nodiscard]] ReminderChange reminder_words(const ReminderTimes& times);

// Checks every value (all problems at once; each named by its member,
// "morning_log") and stores the new times; each reminder whose time changed
// gets a higher SEQUENCE and a new DTSTAMP.
[[nodiscard]] AppResult<ReminderTimes> set_reminder_times(Store& store, Instant now, UserId user,
                                                          const ReminderChange& change);

// The diary's time zone changed (in `tx`, before it commits): every reminder's
// events now stand in the new zone, so each gets a higher SEQUENCE and a new
// DTSTAMP, or a calendar that trusts SEQUENCE would keep the old zone's times.
void reminders_follow_zone(StoreWriter& tx, UserId user, Instant now);

// The person's reminders as they stand: the four of the times above, and two
// for each experiment (one per condition, each skipping the other's nights).
[[nodiscard]] std::vector<Reminder> person_reminders(const Store& store, UserId user, const TimeZone& zone);

// The iCalendar file of those reminders; `alarm_minutes` adds a display alarm.
[[nodiscard]] AppResult<std::string> reminders_ics(const Store& store, UserId user, const TimeZone& zone,
                                                   std::optional<int> alarm_minutes, std::string_view version);

inline constexpr int kMaxAlarmMinutes = 24 * 60;

// What daybreak's own schedule gives from `from` to `to` (both included), each
// with the UID its VEVENT has: what calendar programs must expand the file to.
struct UpcomingReminder {
  std::string uid;
  std::string summary;
  Instant start;
};
[[nodiscard]] std::vector<UpcomingReminder> upcoming_reminders(const Store& store, UserId user, const TimeZone& zone,
                                                               LocalDate from, LocalDate to);

}  // namespace daybreak
