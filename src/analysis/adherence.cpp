#include "analysis/adherence.hpp"

#include <algorithm>
#include <map>

namespace daybreak::analysis {
namespace {

LocalDate monday_of(LocalDate d) {
  const std::chrono::weekday wd{std::chrono::sys_days{d}};
  return add_days(d, -static_cast<int>((wd.c_encoding() + 6) % 7));
}

}  // namespace

Adherence analyze_adherence(const DiarySeries& series, const std::optional<std::vector<RoutineSession>>& sessions,
                            const AdherenceCalendar& calendar) {
  Adherence a;
  if (!sessions || sessions->empty()) return a;
  a.has_sessions = true;
  // Days count from the first session ever played (the range's start if that
  // was before it): the days before someone began the program are not days
  // they missed. They count up to the last day that is over: the day the
  // counts are made has only begun.
  const LocalDate first_ever = std::min_element(sessions->begin(), sessions->end(), [](const auto& x, const auto& y) {
                                 return x.day < y.day;
                               })->day;
  const LocalDate start = std::max(series.from, first_ever);
  const LocalDate last_over = std::min(series.to, add_days(calendar.today, -1));
  // Nor are the days daybreak held the program for safety.
  std::map<LocalDate, Hold> held;
  for (const HeldDay& h : calendar.held) held.emplace(h.day, h.hold);
  auto hold_of = [&](LocalDate d) -> std::optional<Hold> {
    if (d < start || d > last_over) return std::nullopt;
    const auto it = held.find(d);
    return it == held.end() ? std::nullopt : std::optional<Hold>(it->second);
  };
  auto counted = [&](LocalDate d) { return d >= start && d <= last_over && !held.contains(d); };
  // A completed session counts, waits for its day to be over, or was done
  // on a day held for safety: the range's counters and each week's alike.
  const auto tally = [&](LocalDate day, auto& counted_n, auto& later_n, auto& held_n) {
    if (counted(day)) {
      ++counted_n;
    } else if (day > last_over) {
      ++later_n;
    } else if (hold_of(day)) {
      ++held_n;
    }
  };
  for (const auto& s : *sessions) {
    if (s.day < series.from || s.day > series.to) continue;
    ++a.started;
    if (!s.completed) continue;
    ++a.completed;
    tally(s.day, a.counted, a.later, a.held_completed);
  }
  for (const auto& [day, hold] : held) {
    if (hold_of(day)) ++(hold == Hold::locked ? a.locked_days : a.paused_days);
  }
  if (start <= last_over) {
    a.days = days_between(start, last_over) + 1 - a.paused_days - a.locked_days;
    if (a.days >= kMinAdherenceDays) a.per_week = static_cast<double>(a.counted) / a.days * 7;
    a.counted_from = start;
    a.counted_to = last_over;
  }
  const LocalDate last_monday = monday_of(series.to);
  for (int i = static_cast<int>(kAdherenceWeeksShown) - 1; i >= 0; --i) {
    const LocalDate monday = add_days(last_monday, -7 * i);
    if (add_days(monday, 6) < start) continue;
    WeekCount w{monday};
    for (int k = 0; k < 7; ++k) {
      const LocalDate d = add_days(monday, k);
      if (counted(d)) {
        ++w.days;
      } else if (d > last_over && d >= start && d <= series.to) {
        ++w.to_come;
      } else if (const auto h = hold_of(d)) {
        ++(*h == Hold::locked ? w.locked : w.paused);
      }
    }
    for (const auto& s : *sessions) {
      if (!s.completed || s.day < monday || s.day > add_days(monday, 6) || s.day < series.from || s.day > series.to)
        continue;
      tally(s.day, w.completed, w.later, w.held_completed);
    }
    a.recent.push_back(w);
  }
  return a;
}

std::string_view held_words(int paused, int locked) {
  if (paused > 0 && locked > 0) return "paused or locked for safety";
  if (locked > 0) return "locked for safety";
  if (paused > 0) return "paused for safety";
  return "";
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
