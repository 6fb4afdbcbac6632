// The numbers the progression rule runs on, each named and sourced, in one
// place. A `config.toml` in the data directory may change them
// (content/progression_config.hpp reads it); check() says what is allowed.
#pragma once

#include "domain/field_error.hpp"

namespace daybreak {

// The rule is the pain-monitoring model of Silbernagel et al. 2007 (Achilles
// tendinopathy, Am J Sports Med 35:897), adapted to next-morning back pain as
// proposed in clinical-facts.md section 9. It has not been tested in back pain.
inline constexpr std::string_view kAdaptedFrom =
    "This rule is adapted from a model tested in Achilles tendon pain (Silbernagel 2007), not yet in back "
    "pain: your own mornings guide it, and you are the judge of comfort.";
// The same, as a clinician reads it of the person they look after.
inline constexpr std::string_view kAdaptedFromToClinician =
    "This rule is adapted from a model tested in Achilles tendon pain (Silbernagel 2007), not yet in back "
    "pain: the person's own mornings guide it, and they are the judge of comfort.";

struct ProgressionConfig {
  // Pain during an exercise may reach, not pass, this (0-10). clinical-facts.md 9:
  // Silbernagel 2007 [C]; the session player asks and warns above it.
  int pain_during_ceiling = 5;
  // Pain after the session may reach this, and must settle by the next
  // morning. clinical-facts.md 9: Silbernagel 2007 [C].
  int pain_after_ceiling = 5;
  // Next-morning pain this far above the baseline steps back: the minimal
  // important change of the 0-10 scale. clinical-facts.md 4: Farrar 2001,
  // Ostelo 2008 [C].
  int morning_pain_rise = 2;
  // Next-morning stiffness this many minutes above the baseline steps back.
  // clinical-facts.md 9 [U]: "choose & tune"; 30 min is the Berlin criterion's
  // cut-off (clinical-facts.md 11, Rudwaleit 2006).
  int stiffness_rise_minutes = 30;
  // The baseline is the median of this many logged mornings before the
  // session. clinical-facts.md 9 [D]; a multi-day baseline, clinical-facts.md 4 [D].
  int baseline_mornings = 7;
  // With fewer mornings than this there is no baseline, and the routine
  // repeats. A design choice [D]: three is the fewest whose median is not one day.
  int min_baseline_mornings = 3;
  // Mornings older than this many days before the session do not count
  // towards the baseline: they no longer say how the back is. [D] design choice.
  int baseline_lookback_days = 28;
  // Sessions in a row with pain and stiffness at or below the baseline before
  // stepping up. clinical-facts.md 9 [D].
  int good_sessions_to_step_up = 2;
  // Days that must pass between two steps up of a routine. clinical-facts.md 9
  // [D]: "max once per 3-7 days"; we take the low end, tunable.
  int min_days_between_step_ups = 3;
  // The weekly check compares the mean of the last this-many days' mornings
  // with the same span before. clinical-facts.md 9 [P]: morning pain and
  // stiffness must not rise from week to week (secondary sources).
  int weekly_days = 7;
  // How much the mean must rise to count as rising, in tenths of a point (5
  // is half a point) and in minutes. [D] design choice, tunable (0: any rise):
  // a week of whole-number mornings moves its mean in steps of 1/7 point, so
  // a single morning one point worse would otherwise step back; half of the
  // smallest change people perceive (1 point, Salaffi 2004, clinical-facts.md 4).
  int weekly_pain_rise_tenths = 5;
  int weekly_stiffness_rise_minutes = 10;
  // Each of the two spans needs at least this many logged mornings for the
  // weekly check to be made. [D] design choice: a mean of fewer is one bad day.
  int weekly_min_mornings = 4;

  // Every value out of its allowed range, named by its config key.
  [[nodiscard]] FieldErrors check() const;
  bool operator==(const ProgressionConfig&) const = default;
};

}  // namespace daybreak
