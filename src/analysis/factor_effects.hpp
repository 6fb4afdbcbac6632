// What goes with better mornings: for each factor of the diary, how
// next-morning pain differed, with intervals that respect day-to-day
// correlation, a minimum sample, and false-discovery-rate control across all
// comparisons. Observational: these are hypotheses, not causes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/adherence.hpp"
#include "analysis/diary_series.hpp"
#include "analysis/hac_regression.hpp"

namespace daybreak::analysis {

// Below these, no number is shown: with a day-to-day spread of about 1.5
// points, fewer than 10 mornings per group give an interval wider than the
// 2-point minimal important change, so it could not tell anything apart
// (a design choice; see docs/insights.md).
inline constexpr std::size_t kMinMorningsPerLevel = 10;
inline constexpr std::size_t kMinMorningsNumeric = 20;
inline constexpr std::size_t kMinDistinctValues = 3;
// Benjamini-Hochberg false discovery rate across all comparisons shown.
inline constexpr double kFalseDiscoveryRate = 0.05;

enum class FactorKind { categorical, binary, numeric };

// One factor's exposures, each tied to the morning it may have affected.
struct FactorSeries {
  std::string key;    // stable name for scripts: "sleep_position", "factor:caffeine"
  std::string label;  // for people: "sleep position"
  FactorKind kind = FactorKind::categorical;
  bool exploratory = false;  // no published evidence links it with back pain
  bool night = true;         // from the night before the morning (else the day before)
  double per = 1.0;          // numeric: the effect is given per this much
  std::string per_label;     // "each extra hour of sitting"
  std::string per_unit;      // "hour": the table says "per hour"
  struct Point {
    LocalDate morning;
    std::string level;   // categorical and binary ("yes"/"no")
    double value = 0.0;  // numeric
  };
  std::vector<Point> points;
};

// The factors the diary can tell about, with the lags of diary_series.hpp.
// `evening_routines` (from session data, when any exists) adds "evening
// routine done".
[[nodiscard]] std::vector<FactorSeries> diary_factors(const DiarySeries& series,
                                                      const std::optional<EveningRoutineDays>& evening_routines);

struct Comparison {
  std::size_t factor = 0;   // index into FactorEffects::factors
  std::string level;        // categorical/binary: this level against the others; numeric: empty
  std::string other;        // the level compared with, when there are exactly two
  std::size_t n = 0;        // mornings at this level (numeric: mornings with a value)
  std::size_t n_other = 0;  // mornings at the other levels (numeric: 0)
  double mean = 0.0;        // next-morning pain at this level (numeric: overall)
  double mean_other = 0.0;
  std::optional<Estimate> effect;  // level minus others, or the slope per `per`; HAC over days
  std::string withheld;            // why no number is shown
  std::string withheld_short;      // the same in a few words, for tables
  double q_value = 1.0;            // Benjamini-Hochberg over every comparison with an effect
  bool stands_out = false;         // q_value <= kFalseDiscoveryRate
};

struct FactorEffects {
  std::vector<FactorSeries> factors;  // points cleared after analysis
  std::vector<std::size_t> mornings;  // per factor: mornings with both exposure and outcome
  std::vector<Comparison> comparisons;
  std::size_t tested = 0;  // comparisons with an effect: the size of the BH family
};

// Each comparison is a least-squares fit of next-morning pain on an indicator
// (categorical: this level against all other mornings with the factor known;
// binary: yes against no) or on the value (numeric), with Newey-West standard
// errors over calendar days (window newey_west_lag(n)) and t intervals.
[[nodiscard]] FactorEffects analyze_factors(const DiarySeries& series, std::vector<FactorSeries> factors);

// The comparison of `effects` for the factor `key` and `level` (empty for numeric), if any.
[[nodiscard]] const Comparison* find_comparison(const FactorEffects& effects, std::string_view key,
                                                std::string_view level);

}  // namespace daybreak::analysis
