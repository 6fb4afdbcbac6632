// The Theil-Sen slope: the median of the slopes between every pair of days.
// Up to 29% of the days can be wild without moving it much, which suits pain
// diaries with their odd very bad morning.
#pragma once

#include <cstddef>
#include <span>

namespace daybreak::analysis {

struct TheilSen {
  double slope = 0.0;      // change in y per unit of t (per day for diary series)
  double intercept = 0.0;  // median(y) - slope * median(t) (Conover 1980)
  double lower = 0.0;      // confidence interval for the slope
  double upper = 0.0;
  std::size_t pairs = 0;   // number of pairwise slopes (pairs with distinct t)
  bool resampled = false;  // the interval is smoothed_bootstrap_interval()'s
};

// Sen (1968) with its distribution-free interval: with C = z * sqrt(variance_s),
// the bounds are the round((N - C)/2)-th and round((N + C)/2 + 1)-th of the N
// ordered pairwise slopes (as R's trend::sens.slope). Passing the Hamed-Rao
// corrected Var(S) widens the interval for serially correlated days.
// Needs at least two points; t must be strictly increasing.
[[nodiscard]] TheilSen theil_sen(std::span<const double> t, std::span<const double> y, double variance_s,
                                 double level = 0.95);

// Whole-point scores tie so often that Sen's interval can collapse to a single
// value ("0.0 to 0.0 a month"), which reads as certainty, or have an end pinned
// at exactly 0 by the tied pairs. This interval comes
// from a smoothed moving-block bootstrap instead: blocks of `block` residuals
// around the fitted line, drawn with replacement and kept in order within a
// block (so day-to-day correlation survives), each value given uniform
// noise of +-`rounding` (a whole-point score stands for anything that
// rounds to it), the Theil-Sen slope of each of `draws` resamples, and their
// (1 - level)/2 and (1 + level)/2 quantiles. Deterministic: a fixed seed.
// Sets lower, upper and resampled on `fit`.
void smoothed_bootstrap_interval(std::span<const double> t, std::span<const double> y, TheilSen& fit,
                                 double rounding = 0.5, double level = 0.95, int draws = 999);

// Only the slope (the median of pairwise slopes).
[[nodiscard]] double theil_sen_slope(std::span<const double> t, std::span<const double> y);

}  // namespace daybreak::analysis
