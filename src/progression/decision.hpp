// The progression rule itself: from a session day's numbers (baseline, next
// morning, pain during and after, the streak so far) to step up, repeat or
// step back, with every reason that applied. Pure: dates and readings are
// parameters, so the same inputs always give the same decision.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/choices.hpp"
#include "domain/time.hpp"
#include "exercise/vocabulary.hpp"
#include "progression/config.hpp"

namespace daybreak {

enum class Verdict : std::uint8_t {
  step_up,    // one level up
  repeat,     // stay
  step_back,  // one level down (fewer reps, shorter holds, or the easier variant)
  paused,     // a safety flag is open: nothing moves
  set,        // a level or stage set by hand (an override)
  propose,    // the stage's exit criteria are met: the next stage is offered
  move,       // the person confirmed: the next stage begins
};

template <>
struct Vocabulary<Verdict> {
  static constexpr std::string_view kind = "verdict";
  static constexpr std::array<std::string_view, 7> names = {"step_up", "repeat",  "step_back", "paused",
                                                            "set",     "propose", "move"};
};

// Why a decision came out as it did. Declared in order of weight: the first
// reason of a decision is the one its sentence leads with.
enum class Why : std::uint8_t {
  safety_pause,       // an emergency or urgent flag is open
  pain_during_high,   // an exercise hurt more than the ceiling
  stopped_for_pain,   // the session was stopped for pain
  pain_after_high,    // pain after the session passed the ceiling
  morning_pain_up,    // next-morning pain >= baseline + rise
  stiffness_up,       // next-morning stiffness >= baseline + rise
  weekly_rise,        // the week's mean morning pain or stiffness rose
  no_next_morning,    // no morning entry the day after: never read as good news
  no_baseline,        // too few mornings logged before the session
  stiffness_unknown,  // pain was fine but stiffness was not logged or had not eased
  above_baseline,     // above the baseline, below the step-back threshold
  good_once,          // at or below baseline, but not yet enough sessions in a row
  too_soon,           // enough good sessions, but the last step up was too recent
  good_streak,        // enough good sessions in a row: step up
  at_top,             // would step up, but every exercise is at its top level
  at_bottom,          // would step back, but every exercise is at its gentlest level
  by_hand,            // an override
  exit_met,           // the stage's exit criteria are met
  confirmed,          // the person confirmed the stage change
};

template <>
struct Vocabulary<Why> {
  static constexpr std::string_view kind = "reason";
  static constexpr std::array<std::string_view, 19> names = {
      "safety_pause",   "pain_during_high", "stopped_for_pain", "pain_after_high", "morning_pain_up",
      "stiffness_up",   "weekly_rise",      "no_next_morning",  "no_baseline",     "stiffness_unknown",
      "above_baseline", "good_once",        "too_soon",         "good_streak",     "at_top",
      "at_bottom",      "by_hand",          "exit_met",         "confirmed"};
};

// One logged morning, as the rule reads it.
struct MorningReading {
  LocalDate date;
  int pain = 0;
  std::optional<int> stiffness_minutes;
  bool still_stiff = false;  // stiffness had not eased when logged: minutes are a lower bound
  bool operator==(const MorningReading&) const = default;
};

// The person's usual morning: medians of the last logged mornings before the session.
struct Baseline {
  int mornings = 0;                 // mornings the pain median is over
  std::optional<double> pain;       // none with fewer than min_baseline_mornings
  int stiffness_mornings = 0;       // mornings with eased stiffness minutes
  std::optional<double> stiffness;  // minutes; none with fewer than min_baseline_mornings
  std::optional<LocalDate> first;   // the span the mornings came from
  std::optional<LocalDate> last;
  bool operator==(const Baseline&) const = default;
};

// `mornings` in date order, any span; uses those dated on or before `day`,
// not older than the lookback, the last `baseline_mornings` of them.
[[nodiscard]] Baseline baseline_before(std::span<const MorningReading> mornings, LocalDate day,
                                       const ProgressionConfig& config);

[[nodiscard]] double median(std::vector<double> values);  // of a non-empty list

// The weekly check: the mean of the mornings of the span ending on `last_day`
// against the span before it.
struct WeeklyCheck {
  LocalDate last_day;
  int this_mornings = 0;
  int previous_mornings = 0;
  double this_pain = 0;
  double previous_pain = 0;
  std::optional<double> this_stiffness;  // none when a span has too few stiffness readings
  std::optional<double> previous_stiffness;

  bool pain_rising = false;       // by at least weekly_pain_rise_tenths
  bool stiffness_rising = false;  // by at least weekly_stiffness_rise_minutes

  [[nodiscard]] bool rising() const { return pain_rising || stiffness_rising; }
  bool operator==(const WeeklyCheck&) const = default;
};

// nullopt when either span has fewer than weekly_min_mornings mornings.
[[nodiscard]] std::optional<WeeklyCheck> weekly_check(std::span<const MorningReading> mornings, LocalDate last_day,
                                                      const ProgressionConfig& config);

// Everything one decision is made from, stored with it.
struct DecisionInputs {
  RoutineKind routine = RoutineKind::morning;
  LocalDate session_date;
  int sessions = 0;  // sessions of this routine that day
  Baseline baseline;
  std::optional<MorningReading> next_morning;  // the morning after the session day
  std::optional<int> pain_during;              // the highest comfort-check rating that day
  std::vector<std::string> painful_exercises;  // exercises rated above the ceiling
  bool stopped_for_pain = false;
  std::optional<int> pain_after;  // highest diary pain after the session, before the next morning
  int good_sessions_before = 0;   // sessions in a row at or below baseline before this day
  std::optional<LocalDate> last_step_up;
  std::optional<WeeklyCheck> weekly;  // when a weekly check was due and could be made
  bool progression_allowed = true;
  std::string safety_note;  // why progression is paused, when it is
  bool operator==(const DecisionInputs&) const = default;
};

// What the rule says before the ladder is consulted.
struct RuleVerdict {
  Verdict verdict = Verdict::repeat;
  ChoiceSet<Why> reasons;
  int good_sessions_after = 0;
  // A step back from pain during only: only the exercises that hurt step back.
  bool only_painful_exercises = false;
  bool offer_flare = false;  // the morning was bad: offer the flare-day routine today
  bool operator==(const RuleVerdict&) const = default;
};

[[nodiscard]] RuleVerdict decide(const DecisionInputs& in, const ProgressionConfig& config);

// Whether the session day's decision can wait no longer for the next morning:
// true once that morning is logged, or the day after it has begun.
[[nodiscard]] bool next_morning_overdue(LocalDate session_date, LocalDate today);

}  // namespace daybreak
