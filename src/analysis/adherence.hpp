// Adherence: how often the guided routines were done, from plain session
// records (the sessions capability provides them; insights work without).
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "analysis/diary_series.hpp"

namespace daybreak::analysis {

enum class Routine { morning, evening };

// One guided session: which day, which routine, and whether it was finished.
struct RoutineSession {
  LocalDate day;
  Routine routine = Routine::evening;
  bool completed = false;
};

// When the counts are made: `today` and the days after it are not over, so
// they are not counted yet (a day just begun is not a day missed).
struct AdherenceCalendar {
  LocalDate today;
};

// A week from its Monday: its counted days are those in the range, from the
// first session on, and over by `today`.
struct WeekCount {
  LocalDate monday;
  int completed = 0;  // finished on the counted days
  int days = 0;       // counted days, 0 to 7
  int to_come = 0;    // days of the week in the range not over yet
  int later = 0;      // finished on those days (today's so far)
  [[nodiscard]] bool in_progress() const { return to_come > 0; }
};

inline constexpr std::size_t kAdherenceWeeksShown = 8;
// [D] A weekly rate needs a week of counted days: one day's session is not
// "7 a week".
inline constexpr int kMinAdherenceDays = 7;

struct Adherence {
  bool has_sessions = false;  // false: no session data at all
  std::size_t completed = 0;  // in the range
  std::size_t started = 0;
  // The rate: sessions finished on the counted days (from the first session,
  // or the range's start, to the last day over), per 7 of those days.
  std::size_t counted = 0;
  int days = 0;
  std::optional<double> per_week;  // counted / days * 7, from kMinAdherenceDays counted days
  std::optional<LocalDate> counted_from;
  std::optional<LocalDate> counted_to;
  std::size_t later = 0;          // finished on days of the range not over yet
  std::vector<WeekCount> recent;  // the last kAdherenceWeeksShown weeks of the range from the first session's
                                  // week, oldest first
};

// `sessions` is nullopt when no session data exists (not: none done).
[[nodiscard]] Adherence analyze_adherence(const DiarySeries& series,
                                          const std::optional<std::vector<RoutineSession>>& sessions,
                                          const AdherenceCalendar& calendar);

// The days of the range on which an evening routine was completed, from the
// first session on (before it, "not done" would only mean "not yet started").
struct EveningRoutineDays {
  LocalDate first;
  std::vector<LocalDate> done;
};
[[nodiscard]] std::optional<EveningRoutineDays> evening_routine_days(
    const std::optional<std::vector<RoutineSession>>& sessions);

}  // namespace daybreak::analysis
