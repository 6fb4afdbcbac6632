// Where the level of a series shifted: PELT (Killick, Fearnhead and Eckley
// 2012, JASA 107:1590) over segments that each hold a level or a straight
// line, and the procedure that turns it into statements such as "your
// mornings shifted from about 3 to about 5".
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace daybreak::analysis {

// The exact minimiser of  sum over segments of the squared deviations from the
// segment mean + penalty * (number of changes), every segment at least
// `min_segment` long. Returns the index where each new segment starts (empty:
// no change). Ties go to the earliest change, as a first-minimum search over
// all splits (optimal partitioning) would choose.
[[nodiscard]] std::vector<std::size_t> pelt_mean(std::span<const double> y, double penalty, std::size_t min_segment);

// The same, where each segment is either a level (its mean) or a straight
// line in `x` (least squares), whichever costs less, a line paying
// `slope_penalty` for its slope:
//   sum over segments of min(RSS(level), RSS(line) + slope_penalty) + penalty * changes.
// The pruning allows for the slope's price (Killick et al.'s constant K =
// -slope_penalty: splitting a line segment can cost one more slope). `x` is
// strictly increasing.
[[nodiscard]] std::vector<std::size_t> pelt_level_or_line(std::span<const double> x, std::span<const double> y,
                                                          double penalty, double slope_penalty,
                                                          std::size_t min_segment);

struct MeanSegment {
  std::size_t begin = 0;  // first index
  std::size_t end = 0;    // one past the last
  double mean = 0.0;      // of the values
  double slope = 0.0;     // of its least-squares line, per unit of x; 0: the segment is a level
  double first = 0.0;     // the fitted value at its first and last x (the mean for a level)
  double last = 0.0;
  // It begins with a step from the segment before (always, between levels).
  // Where a line meets its neighbour without one, the two make a bend: a fall
  // that levels off, say.
  bool step = false;
  [[nodiscard]] bool sloped() const { return slope != 0.0; }
};

struct ShiftOptions {
  std::size_t min_segment = 14;  // two weeks of mornings: shorter runs are flare-ups, not shifts
  double min_shift = 1.0;        // smallest change people notice on a 0-10 scale (Salaffi 2004, Eur J Pain 8:283)
  // penalty = factor * log(n) * long-run variance: 3 log(n) per shift is the
  // leading term of the modified BIC (Zhang and Siegmund 2007, Biometrics
  // 63:22). With the BIC's 2 log(n), 4-7% of diaries of AR(0.5) noise showed a
  // false shift; with 3 log(n), 0-3% (docs/insights.md).
  double penalty_factor = 3.0;
  // Segments may be straight lines (a steady rise or fall) as well as levels:
  // without lines a steady fall is cut into a staircase of "shifts"
  // (Beaulieu and Killick 2018, J Climate 31:9519, who choose between
  // mean-shift and trend-shift models by an information criterion the same
  // way). A slope costs slope_penalty_factor * log(n) * long-run variance:
  // the BIC's log(n) per parameter (Schwarz 1978) times 1.5, the margin the
  // shift's 3 log(n) keeps over the BIC's 2 log(n) for a level and its place.
  // Calibration, and the price at 1 and 2: docs/insights.md.
  bool lines = true;
  double slope_penalty_factor = 1.5;
  int max_iterations = 10;
  double max_lag1 = 0.8;  // cap on the lag-1 autocorrelation used to scale the penalty
};

struct ShiftFit {
  std::vector<MeanSegment> segments;  // in order; one segment means no shift found
  double noise_variance = 0.0;        // the noise estimate behind the last penalty
  double lag1 = 0.0;                  // its lag-1 autocorrelation, clamped to [0, max_lag1]
  double penalty = 0.0;               // the penalty of the last fit
  double slope_penalty = 0.0;         // and the price of a slope (0 without lines)
  int iterations = 0;
};

// Finds shifts in the level of `y` (observations in time order, at the
// strictly increasing times `x`):
//  1. estimate the noise as AR(1) from the first differences, which a shift
//     disturbs only once and a steady trend not at all: phi = 1 + 2
//     corr(dy_t, dy_t+1), clamped to [0, max_lag1], and variance
//     s2 = var(dy) / (2 (1 - phi));
//  2. with v = s2 (1 + phi) / (1 - phi), the long-run variance of AR(1) noise
//     (so that slow wandering from day-to-day correlation is not mistaken for
//     a shift or a slope), run PELT with penalty = penalty_factor * log(n) * v,
//     each segment a level or (options.lines) a line for
//     slope_penalty_factor * log(n) * v more;
//  3. re-estimate s2 (denominator n - parameters) and phi from the residuals
//     around the fitted segments, and repeat 2-3 until the changes stop
//     moving (at most max_iterations);
//  4. merge neighbouring levels whose means differ by less than min_shift
//     (the closest pair first) and recompute their means;
//  5. where a line meets a neighbour, call the boundary a step only if the
//     fitted values either side differ by at least min_shift and the two
//     segments fit better than the best continuous bend over both (a line
//     joined to a level or to another line, its corner anywhere in them) by
//     at least the penalty: else it is a bend. Without this, a fall that
//     levels off reads as a step back up, as the line's end overshoots into
//     a dip that happens to follow the corner.
// It assumes shifts are few and weeks apart, as a back's course is: many large
// switches would inflate the first noise estimate and hide themselves.
// Calibration (bench/shift_calibration.cpp, bench/RESULTS.md) and its
// history: docs/insights.md.
[[nodiscard]] ShiftFit detect_shifts(std::span<const double> x, std::span<const double> y,
                                     const ShiftOptions& options = {});

// Levels only (options.lines ignored), at x = 0, 1, 2, ...: the method before
// lines were allowed, kept as the reference of the calibration and of
// tests/analysis/golden.R. In simulations (365 mornings of AR(0.7) noise, no
// shift) it reported a shift in 2 of 100 series, and found a 3 -> 5 shift in
// 99 of 100 series of 200 mornings with AR(0.4) noise.
[[nodiscard]] ShiftFit detect_mean_shifts(std::span<const double> y, const ShiftOptions& options = {});

}  // namespace daybreak::analysis
