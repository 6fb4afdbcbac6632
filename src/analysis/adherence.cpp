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
  std::optional<LocalDate> first;
  for (const auto& s : *sessions) {
    if (s.day < series.from || s.day > series.to) continue;
    ++a.started;
    if (s.completed) ++a.completed;
    if (!first || s.day < *first) first = s.day;
  }
  if (first) {
    const int weeks = days_between(monday_of(*first), monday_of(series.to)) / 7 + 1;
    a.per_week = static_cast<double>(a.completed) / weeks;
  }
  const LocalDate last_monday = monday_of(series.to);
  for (int i = static_cast<int>(kAdherenceWeeksShown) - 1; i >= 0; --i) {
    const LocalDate monday = add_days(last_monday, -7 * i);
    if (add_days(monday, 6) < series.from) continue;
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
