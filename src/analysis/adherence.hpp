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

struct WeekCount {
  LocalDate monday;
  int completed = 0;
};

inline constexpr std::size_t kAdherenceWeeksShown = 8;

struct Adherence {
  bool has_sessions = false;  // false: no session data at all
  std::size_t completed = 0;  // in the range
  std::size_t started = 0;
  double per_week = 0.0;  // completed per week, from the first session's week (or the range's) to its end
  int weeks = 0;          // the weeks per_week counts
  std::optional<LocalDate> counted_from;  // the Monday they count from
  std::vector<WeekCount> recent;          // the last kAdherenceWeeksShown weeks of the range from the first session's
                                          // week, oldest first
};

// `sessions` is nullopt when no session data exists (not: none done).
[[nodiscard]] Adherence analyze_adherence(const DiarySeries& series,
                                          const std::optional<std::vector<RoutineSession>>& sessions);

// The days of the range on which an evening routine was completed, from the
// first session on (before it, "not done" would only mean "not yet started").
struct EveningRoutineDays {
  LocalDate first;
  std::vector<LocalDate> done;
};
[[nodiscard]] std::optional<EveningRoutineDays> evening_routine_days(
    const std::optional<std::vector<RoutineSession>>& sessions);

}  // namespace daybreak::analysis
