// The analysis of a personal (n-of-1) experiment with a block-pair design:
// each pair of periods holds both conditions in random order, so the pair is
// the unit of comparison (Kravitz, Duan et al., AHRQ 2014, ch. 4).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace daybreak::analysis {

// The outcomes of one pair of periods that were kept for analysis (after the
// washout nights), under condition A and under condition B.
struct PairOutcomes {
  std::vector<double> a;
  std::vector<double> b;
};

struct ThresholdChance {
  double threshold = 0.0;  // a change of at least this much...
  double a_lower = 0.0;    // ...with A lower than B (probability, 0-1)
  double a_higher = 0.0;   // ...with A higher than B
};

struct BlockPairAnalysis {
  std::size_t pairs = 0;            // pairs given
  std::size_t complete_pairs = 0;   // with at least one outcome under each condition
  std::vector<double> differences;  // per complete pair: mean(A) - mean(B)
  bool estimable = false;           // at least two complete pairs whose differences vary

  // Mean of the pair differences with a paired t interval on complete_pairs - 1
  // degrees of freedom (in simulations the paired comparison of period means
  // kept its error rate even with 20% carryover: Chen and Chen 2014, PLoS ONE 9:e87752).
  double estimate = 0.0;
  double standard_error = 0.0;
  double df = 0.0;
  double lower = 0.0;
  double upper = 0.0;
  double t_p_value = 1.0;

  // Exact randomisation test: under "the condition makes no difference", each
  // pair's order was a coin flip, so each difference was as likely to have the
  // other sign. p = share of the 2^m sign patterns whose |mean| is at least the
  // observed |mean|. Its smallest possible value is 2/2^m.
  double randomization_p_value = 1.0;
  std::size_t assignments = 0;
  double smallest_possible_p = 1.0;

  // Probability that the true mean difference is at least each threshold, in
  // either direction, under the reference prior p(mu, sigma^2) ~ 1/sigma^2 on
  // the pair differences: the posterior of mu is then Student t with m - 1
  // degrees of freedom around the estimate, scaled by its standard error.
  std::vector<ThresholdChance> chances;
};

[[nodiscard]] BlockPairAnalysis analyze_block_pairs(std::span<const PairOutcomes> pairs,
                                                    std::span<const double> thresholds, double level = 0.95);

// A plain verdict, judged by where the interval lies against 0 and the minimal
// important change `mic` (the rule of equivalence testing).
enum class Verdict {
  too_little_data,          // fewer complete pairs than needed, or no spread to judge by
  a_better_important,       // the whole interval is below -mic
  a_better_unclear_size,    // below 0, reaching past -mic: better, importance uncertain
  a_better_small,           // below 0 and above -mic: better, by less than an important change
  no_important_difference,  // includes 0, inside (-mic, mic)
  b_better_small,           // mirror images for B
  b_better_unclear_size,
  b_better_important,
  inconclusive,  // includes 0 and reaches past -mic or mic: compatible with both
};

// Lower outcome values are better (pain). `min_pairs` complete pairs are needed.
[[nodiscard]] Verdict judge(const BlockPairAnalysis& analysis, double mic, std::size_t min_pairs);

}  // namespace daybreak::analysis
