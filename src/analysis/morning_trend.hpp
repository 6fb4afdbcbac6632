// Where mornings are heading: the recent trend of each morning measure
// (Theil-Sen slope, Hamed-Rao corrected Mann-Kendall test) and the shifts in
// its level over the whole range (PELT over levels and steady slopes).
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
  double before = 0.0;  // the fitted levels either side of the step
  double after = 0.0;
};

// Beyond two years of mornings, shifts are sought in weekly means (Monday to
// Sunday, weeks with at least kMinMorningsPerWeek mornings, segments of at
// least two weeks, as for days), provided those weeks hold at least half the
// mornings: clinical-facts.md 11 advises weekly summaries over single days for
// their day-to-day variability, and PELT, which takes time in proportion to
// n^2 when there are few shifts, stays fast over ten years (520 weeks).
inline constexpr std::size_t kDailyShiftLimit = 730;
inline constexpr std::size_t kMinMorningsPerWeek = 3;
inline constexpr std::size_t kMinWeeksPerSegment = 2;

struct ShiftHistory {
  std::size_t mornings = 0;
  bool enough = false;  // mornings >= 2 * the minimum segment
  bool weekly = false;  // searched in weekly means
  std::vector<Shift> shifts;
  std::vector<MeanSegment> segments;  // indices into the series searched (mornings or weeks); slopes per day
  std::vector<LocalDate> segment_from;
  std::vector<LocalDate> segment_to;
  std::vector<std::size_t> segment_mornings;  // mornings behind each segment
  ShiftFit fit;
  double min_shift = 0.0;   // the smallest change reported as a shift
  double first_mean = 0.0;  // the mean of the first two weeks of mornings
  double last_mean = 0.0;   // and of the last two weeks
};

struct MeasureOutlook {
  MorningMeasure measure = MorningMeasure::pain;
  std::size_t mornings = 0;  // in the whole range
  Trend trend;
  ShiftHistory history;
};

[[nodiscard]] MeasureOutlook analyze_measure(const DiarySeries& series, MorningMeasure measure);

}  // namespace daybreak::analysis
