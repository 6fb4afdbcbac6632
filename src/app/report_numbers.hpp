// The few numbers the clinician report needs that no other use case gives:
// the mean of the first and of the last 7 logged mornings, the 7-day mean of
// the chart, the worst pain of those days, and the progression decisions of
// a date range. Added for the clinician report beside the existing use cases, which the
// report calls for everything else.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "analysis/diary_series.hpp"
#include "analysis/morning_trend.hpp"
#include "progression/record.hpp"
#include "store/store.hpp"

namespace daybreak {

// The baseline is the mean of the first 7 logged mornings of the range and
// "now" the mean of the last 7; the two are compared only when they do not
// overlap (14 mornings or more). Means of a week rather than single days, as
// clinical-facts.md 11 advises for day-to-day variability.
inline constexpr std::size_t kReportWindowMornings = 7;
// The chart's line: the mean of the mornings logged in the 7 days ending on
// each day, drawn when at least 4 of them were logged.
inline constexpr int kRollingDays = 7;
inline constexpr std::size_t kRollingMinMornings = 4;

struct MorningWindow {
  double mean = 0;
  double worst = 0;  // the highest pain of any period on those days (pain only)
  std::size_t mornings = 0;
  LocalDate first;
  LocalDate last;
};

struct MorningChange {
  std::size_t mornings = 0;  // logged in the range with this measure
  std::optional<MorningWindow> first;
  std::optional<MorningWindow> last;
  [[nodiscard]] bool comparable() const { return mornings >= 2 * kReportWindowMornings; }
};

[[nodiscard]] MorningChange morning_change(const analysis::DiarySeries& series, analysis::MorningMeasure measure);

// One value per day of the series (nullopt where too few mornings were logged).
[[nodiscard]] std::vector<std::optional<double>> rolling_morning_mean(const analysis::DiarySeries& series);

// The highest pain of any period in the range, and its first day.
struct WorstPain {
  double pain = 0;
  LocalDate day;
};
[[nodiscard]] std::optional<WorstPain> worst_pain(const analysis::DiarySeries& series);

// The decisions of `program` dated from `from` to `to`, oldest first.
[[nodiscard]] std::vector<DecisionRecord> decisions_between(const Store& store, UserId user, std::string_view program,
                                                            LocalDate from, LocalDate to);

}  // namespace daybreak
