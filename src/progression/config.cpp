#include "progression/config.hpp"

#include <string>

namespace daybreak {
namespace {

void in_range(FieldErrors& errors, std::string_view key, int value, int lo, int hi) {
  if (value >= lo && value <= hi) return;
  errors.push_back({std::string(key), std::to_string(value),
                    "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi)});
}

}  // namespace

FieldErrors ProgressionConfig::check() const {
  FieldErrors e;
  // Ceilings below 1 would step back after any pain at all; 10 would never.
  in_range(e, "pain_during_ceiling", pain_during_ceiling, 1, 9);
  in_range(e, "pain_after_ceiling", pain_after_ceiling, 1, 9);
  in_range(e, "morning_pain_rise", morning_pain_rise, 1, 5);
  in_range(e, "stiffness_rise_minutes", stiffness_rise_minutes, 5, 240);
  in_range(e, "baseline_mornings", baseline_mornings, 3, 28);
  in_range(e, "min_baseline_mornings", min_baseline_mornings, 1, baseline_mornings);
  in_range(e, "baseline_lookback_days", baseline_lookback_days, baseline_mornings, 365);
  in_range(e, "good_sessions_to_step_up", good_sessions_to_step_up, 1, 10);
  in_range(e, "min_days_between_step_ups", min_days_between_step_ups, 1, 28);
  in_range(e, "weekly_days", weekly_days, 3, 28);
  in_range(e, "weekly_pain_rise_tenths", weekly_pain_rise_tenths, 0, 30);
  in_range(e, "weekly_stiffness_rise_minutes", weekly_stiffness_rise_minutes, 0, 120);
  in_range(e, "weekly_min_mornings", weekly_min_mornings, 1, weekly_days);
  return e;
}

}  // namespace daybreak
