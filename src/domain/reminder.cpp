#include "domain/reminder.hpp"

#include <algorithm>

namespace daybreak {

std::vector<LocalDate> reminder_days(const Reminder& r, LocalDate from, LocalDate to) {
  std::vector<LocalDate> days;
  const LocalDate first = std::max(from, r.first_day);
  const LocalDate last = r.last_day ? std::min(to, *r.last_day) : to;
  for (LocalDate d = first; d <= last; d = add_days(d, 1)) {
    if (r.weekly && std::chrono::weekday{std::chrono::sys_days{d}} != *r.weekly) continue;
    if (std::find(r.except.begin(), r.except.end(), d) != r.except.end()) continue;
    days.push_back(d);
  }
  return days;
}

Instant reminder_instant(LocalDate day, Minutes time, const TimeZone& zone) {
  return zone.resolve(at(day, time)).first;
}

std::vector<Occurrence> occurrences(std::span<const Reminder> reminders, LocalDate from, LocalDate to,
                                    const TimeZone& zone) {
  std::vector<Occurrence> out;
  for (const auto& r : reminders) {
    for (const LocalDate d : reminder_days(r, from, to)) out.push_back({&r, reminder_instant(d, r.time, zone)});
  }
  std::stable_sort(out.begin(), out.end(), [](const Occurrence& a, const Occurrence& b) { return a.start < b.start; });
  return out;
}

}  // namespace daybreak
