// Where mornings are heading: the recent trend of each morning measure
// (Theil-Sen slope, Hamed-Rao corrected Mann-Kendall test) and the shifts in
// its level over the whole range (PELT).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "analysis/change_points.hpp"
#include "analysis/diary_series.hpp"
#include "analysis/mann_kendall.hpp"
#include "analysis/theil_sen.hpp"

namespace daybreak::analysis {

// The trend looks at the last 12 weeks of the range: long enough to see a
// direction through day-to-day noise, recent enough to be where mornings are
// heading now (older changes show as shifts).
inline constexpr int kTrendWindowDays = 84;
inline constexpr std::size_t kMinTrendMornings = 14;
inline constexpr double kTrendAlpha = 0.05;

enum class MorningMeasure { pain, stiffness_minutes, stiffness_severity };

[[nodiscard]] std::string_view measure_key(MorningMeasure m);    // "pain"
[[nodiscard]] std::string_view measure_label(MorningMeasure m);  // "morning pain"
[[nodiscard]] std::string_view measure_unit(MorningMeasure m);   // "points" or "minutes"
[[nodiscard]] std::optional<double> measure_of(const DayRecord& day, MorningMeasure m);

struct Trend {
  LocalDate from;  // the window
  LocalDate to;
  std::size_t mornings = 0;
  bool enough = false;       // mornings >= kMinTrendMornings
  TheilSen slope;            // per day, with the interval from the corrected Var(S)
  MannKendall test;          // Hamed-Rao corrected
  double start_level = 0.0;  // the Theil-Sen line at the first and last day of the window
  double end_level = 0.0;
};

struct Shift {
  LocalDate first_day;  // the first morning of the new level
  double before = 0.0;
  double after = 0.0;
};

struct ShiftHistory {
  std::size_t mornings = 0;
  bool enough = false;  // mornings >= 2 * the minimum segment
  std::vector<Shift> shifts;
  std::vector<MeanSegment> segments;  // indices into the mornings in order
  std::vector<LocalDate> segment_from;
  std::vector<LocalDate> segment_to;
  ShiftFit fit;
};

struct MeasureOutlook {
  MorningMeasure measure = MorningMeasure::pain;
  std::size_t mornings = 0;  // in the whole range
  Trend trend;
  ShiftHistory history;
};

[[nodiscard]] MeasureOutlook analyze_measure(const DiarySeries& series, MorningMeasure measure);

}  // namespace daybreak::analysis
