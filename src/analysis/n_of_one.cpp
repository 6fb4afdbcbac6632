#include "analysis/n_of_one.hpp"

#include <cmath>

#include "analysis/descriptive.hpp"
#include "analysis/distributions.hpp"

namespace daybreak::analysis {
namespace {

// Sign patterns whose |mean| ties the observed one within rounding count as "at least".
constexpr double kTieTolerance = 1e-9;

}  // namespace

BlockPairAnalysis analyze_block_pairs(std::span<const PairOutcomes> pairs, std::span<const double> thresholds,
                                      double level) {
  BlockPairAnalysis r;
  r.pairs = pairs.size();
  for (const auto& p : pairs) {
    if (p.a.empty() || p.b.empty()) continue;
    r.differences.push_back(mean(p.a) - mean(p.b));
  }
  const std::size_t m = r.differences.size();
  r.complete_pairs = m;
  if (m == 0) return r;
  r.estimate = mean(r.differences);

  // The randomisation distribution, exactly: all 2^m sign patterns.
  r.assignments = std::size_t{1} << m;
  r.smallest_possible_p = 2.0 / static_cast<double>(r.assignments);
  const double observed = std::fabs(r.estimate);
  std::size_t extreme = 0;
  for (std::size_t pattern = 0; pattern < r.assignments; ++pattern) {
    double sum = 0.0;
    for (std::size_t j = 0; j < m; ++j) sum += ((pattern >> j) & 1U) != 0 ? -r.differences[j] : r.differences[j];
    if (std::fabs(sum / static_cast<double>(m)) >= observed - kTieTolerance) ++extreme;
  }
  r.randomization_p_value = static_cast<double>(extreme) / static_cast<double>(r.assignments);

  const double sd = standard_deviation(r.differences);
  r.estimable = m >= 2 && sd > 0.0;
  if (!r.estimable) return r;
  r.df = static_cast<double>(m - 1);
  r.standard_error = sd / std::sqrt(static_cast<double>(m));
  const double half = t_quantile((1.0 + level) / 2.0, r.df) * r.standard_error;
  r.lower = r.estimate - half;
  r.upper = r.estimate + half;
  r.t_p_value = two_sided_t_p(r.estimate / r.standard_error, r.df);
  for (const double threshold : thresholds) {
    ThresholdChance c;
    c.threshold = threshold;
    c.a_lower = t_cdf((-threshold - r.estimate) / r.standard_error, r.df);
    c.a_higher = t_cdf_upper((threshold - r.estimate) / r.standard_error, r.df);
    r.chances.push_back(c);
  }
  return r;
}

Verdict judge(const BlockPairAnalysis& a, double mic, std::size_t min_pairs) {
  if (a.complete_pairs < min_pairs || !a.estimable) return Verdict::too_little_data;
  if (a.upper < -mic) return Verdict::a_better_important;
  if (a.lower > mic) return Verdict::b_better_important;
  if (a.upper < 0.0) return a.lower > -mic ? Verdict::a_better_small : Verdict::a_better_unclear_size;
  if (a.lower > 0.0) return a.upper < mic ? Verdict::b_better_small : Verdict::b_better_unclear_size;
  if (a.lower > -mic && a.upper < mic) return Verdict::no_important_difference;
  return Verdict::inconclusive;
}

}  // namespace daybreak::analysis
