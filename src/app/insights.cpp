#include "app/insights.hpp"

#include <map>

#include <fmt/format.h>

#include "clinical/safety_holds.hpp"

namespace daybreak {

std::optional<std::vector<analysis::RoutineSession>> routine_sessions(StoreReader& reader, UserId user,
                                                                      const TimeZone& zone) {
  // Every session ever played; the analysis picks the range's weeks.
  const auto outlines = reader.session_outlines(user);
  if (outlines.empty()) return std::nullopt;
  std::vector<analysis::RoutineSession> out;
  out.reserve(outlines.size());
  for (const SessionOutline& s : outlines) {
    // The flare-day routine stands in for the morning routine on a bad morning.
    const auto routine = s.routine == RoutineKind::evening ? analysis::Routine::evening : analysis::Routine::morning;
    out.push_back({zone.date_of(s.started_at), routine, s.completed});
  }
  return out;
}

std::vector<analysis::HeldDay> held_days(StoreReader& reader, UserId user, const TimeZone& zone, LocalDate from,
                                         LocalDate to) {
  std::map<LocalDate, analysis::Hold> days;
  for (const SafetyHold& h : safety_holds(reader.screening_events(user))) {
    const auto hold = h.status == SafetyStatus::locked ? analysis::Hold::locked : analysis::Hold::paused;
    const LocalDate last = h.to ? std::min(to, zone.date_of(*h.to)) : to;
    for (LocalDate d = std::max(from, zone.date_of(h.from)); d <= last; d = add_days(d, 1)) {
      const auto [it, added] = days.emplace(d, hold);
      if (!added && hold == analysis::Hold::locked) it->second = hold;
    }
  }
  std::vector<analysis::HeldDay> out;
  out.reserve(days.size());
  for (const auto& [day, hold] : days) out.push_back({day, hold});
  return out;
}

AppResult<analysis::Insights> insights(const Store& store, UserId user, const TimeZone& zone, LocalDate today,
                                       const InsightsRequest& request) {
  const LocalDate to = request.to.value_or(today);
  auto reader = store.read();
  LocalDate from = to;
  if (request.from) {
    from = *request.from;
  } else if (const auto first = reader->first_entry_date(user)) {
    from = std::min(*first, to);
  }
  if (from > to) {
    return fail(invalid("the range is empty",
                        {{"from", format_date(from), fmt::format("a day on or before --to ({})", format_date(to))}}));
  }
  // The evening before the range may hold medication taken before its first night.
  const auto entries = reader->entries_between(user, add_days(from, -1), to);
  const auto sessions = request.sessions ? routine_sessions(*reader, user, zone) : std::nullopt;
  analysis::AdherenceCalendar calendar{today, {}};
  if (sessions && request.safety) calendar.held = held_days(*reader, user, zone, from, to);
  auto built = analysis::build_insights(entries, from, to, zone, sessions, calendar);
  built.voice = request.voice;
  built.adherence.shared = request.sessions;  // not "no sessions recorded" to one not shown them
  return built;
}

}  // namespace daybreak
