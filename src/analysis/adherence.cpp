#include "analysis/adherence.hpp"

#include <algorithm>

namespace daybreak::analysis {
namespace {

LocalDate monday_of(LocalDate d) {
  const std::chrono::weekday wd{std::chrono::sys_days{d}};
  return add_days(d, -static_cast<int>((wd.c_encoding() + 6) % 7));
}

}  // namespace

Adherence analyze_adherence(const DiarySeries& series, const std::optional<std::vector<RoutineSession>>& sessions) {
  Adherence a;
  if (!sessions || sessions->empty()) return a;
  a.has_sessions = true;
  for (const auto& s : *sessions) {
    if (s.day < series.from || s.day > series.to) continue;
    ++a.started;
    if (s.completed) ++a.completed;
  }
  // Weeks count from the first session ever played (the range's start if
  // that was before it): the weeks before someone began the program are not
  // weeks they missed.
  const LocalDate first_ever = std::min_element(sessions->begin(), sessions->end(), [](const auto& x, const auto& y) {
                                 return x.day < y.day;
                               })->day;
  const LocalDate start = std::max(series.from, first_ever);
  if (start <= series.to) {
    a.weeks = days_between(monday_of(start), monday_of(series.to)) / 7 + 1;
    a.per_week = static_cast<double>(a.completed) / a.weeks;
    a.counted_from = monday_of(start);
  }
  const LocalDate last_monday = monday_of(series.to);
  for (int i = static_cast<int>(kAdherenceWeeksShown) - 1; i >= 0; --i) {
    const LocalDate monday = add_days(last_monday, -7 * i);
    if (add_days(monday, 6) < start) continue;
    WeekCount w{monday, 0};
    for (const auto& s : *sessions) {
      if (s.completed && s.day >= monday && s.day <= add_days(monday, 6) && s.day >= series.from &&
          s.day <= series.to) {
        ++w.completed;
      }
    }
    a.recent.push_back(w);
  }
  return a;
}

std::optional<EveningRoutineDays> evening_routine_days(const std::optional<std::vector<RoutineSession>>& sessions) {
  if (!sessions || sessions->empty()) return std::nullopt;
  EveningRoutineDays e;
  e.first = std::min_element(sessions->begin(), sessions->end(), [](const auto& a, const auto& b) {
              return a.day < b.day;
            })->day;
  for (const auto& s : *sessions) {
    if (s.routine == Routine::evening && s.completed) e.done.push_back(s.day);
  }
  std::sort(e.done.begin(), e.done.end());
  e.done.erase(std::unique(e.done.begin(), e.done.end()), e.done.end());
  return e;
}

}  // namespace daybreak::analysis
