#include "app/week_glance.hpp"

#include <algorithm>

namespace daybreak {

WeekRead read_week(const Store& store, UserId user, const TimeZone& zone, Instant now) {
  WeekRead w;
  WeekGlance& g = w.glance;
  const LocalDate today = zone.date_of(now);
  const LocalDate first = add_days(today, -(g.days - 1));
  auto tx = store.read();
  w.entries = tx->entries_between(user, first, today);
  for (const auto& e : w.entries) {
    if (e.period == Period::morning) ++g.mornings_logged;
  }
  // A day either side covers every zone's offset; the local date decides.
  for (const auto& s : tx->sessions_between(user, now - std::chrono::days{g.days + 1}, now + std::chrono::days{1})) {
    const LocalDate day = zone.date_of(s.started_at);
    if (day < first || day > today) continue;
    ++g.sessions;
    if (day == today && std::find(g.done_today.begin(), g.done_today.end(), s.routine) == g.done_today.end()) {
      g.done_today.push_back(s.routine);
    }
  }
  return w;
}

}  // namespace daybreak
