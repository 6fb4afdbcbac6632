// Adherence: how often the guided routines were done, from plain session
// records (the sessions capability provides them; insights work without).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
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

// A day daybreak held the program for safety (a warning sign waiting for a
// clinician): locked, no session at all; paused, only the flare-day routine.
enum class Hold : std::uint8_t { paused, locked };
struct HeldDay {
  LocalDate day;
  Hold hold = Hold::paused;
};

// When the counts are made: `today` and the days after it are not over, so
// they are not counted yet (a day just begun is not a day missed); and the
// days held for safety, which are not counted either (daybreak refused the
// sessions, the person did not miss them).
struct AdherenceCalendar {
  LocalDate today;
  std::vector<HeldDay> held = {};  // any order; a day at most once
};

// A week from its Monday: its counted days are those in the range, from the
// first session on, over by `today` and not held for safety.
struct WeekCount {
  LocalDate monday;
  int completed = 0;  // finished on the counted days
  int days = 0;       // counted days, 0 to 7
  int to_come = 0;    // days of the week in the range not over yet
  int later = 0;      // finished on those days (today's so far)
  int paused = 0;     // days over, from the first session, held for safety
  int locked = 0;
  int held_completed = 0;  // finished on those days (the flare-day routine, while paused)
  [[nodiscard]] bool in_progress() const { return to_come > 0; }
  [[nodiscard]] int held() const { return paused + locked; }
};

inline constexpr std::size_t kAdherenceWeeksShown = 8;
// [D] A weekly rate needs a week of counted days: one day's session is not
// "7 a week".
inline constexpr int kMinAdherenceDays = 7;

struct Adherence {
  bool has_sessions = false;  // false: no session data at all
  bool shared = true;         // false: the sessions are not the reader's to see (a clinician not shown the program)
  std::size_t completed = 0;  // in the range
  std::size_t started = 0;
  // The rate: sessions finished on the counted days (from the first session,
  // or the range's start, to the last day over), per 7 of those days.
  std::size_t counted = 0;
  int days = 0;
  std::optional<double> per_week;  // counted / days * 7, from kMinAdherenceDays counted days
  std::optional<LocalDate> counted_from;
  std::optional<LocalDate> counted_to;
  std::size_t later = 0;  // finished on days of the range not over yet
  int paused_days = 0;    // days from counted_from to counted_to held for safety, not counted
  int locked_days = 0;
  std::size_t held_completed = 0;  // finished on those days
  std::vector<WeekCount> recent;   // the last kAdherenceWeeksShown weeks of the range from the first session's
                                   // week, oldest first
};

// `sessions` is nullopt when no session data exists (not: none done).
[[nodiscard]] Adherence analyze_adherence(const DiarySeries& series,
                                          const std::optional<std::vector<RoutineSession>>& sessions,
                                          const AdherenceCalendar& calendar);

// "paused for safety", "locked for safety" or "paused or locked for safety"
// (empty when neither), for days held so.
[[nodiscard]] std::string_view held_words(int paused, int locked);

// The days of the range on which an evening routine was completed, from the
// first session on (before it, "not done" would only mean "not yet started").
struct EveningRoutineDays {
  LocalDate first;
  std::vector<LocalDate> done;
};
[[nodiscard]] std::optional<EveningRoutineDays> evening_routine_days(
    const std::optional<std::vector<RoutineSession>>& sessions);

}  // namespace daybreak::analysis
