// Least squares with standard errors that respect day-to-day correlation
// (Newey and West 1987, Econometrica 55:703): a run of bad days counts for
// less than the same number of independent days, and the intervals say so.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace daybreak::analysis {

struct Regression {
  std::vector<double> coefficients;
  std::vector<double> standard_errors;  // heteroskedasticity and autocorrelation consistent
  std::size_t n = 0;
  double df = 0.0;  // n - k: degrees of freedom for the t quantiles
  int max_lag = 0;  // the Bartlett window, in days
};

// y on the k columns of `x` (n rows, row-major), by QR. `day` holds each row's
// calendar day number (a day apart = 1; the time taken grows with the span of
// days); rows may share a day (several periods of one day) and days may be
// missing. The covariance is
//   (X'X)^-1 [ sum_i sum_j w(|day_i - day_j|) u_i u_j x_i x_j' ] (X'X)^-1 * n/(n-k)
// with Bartlett weights w(d) = 1 - d/(max_lag+1) for d <= max_lag, else 0: on
// consecutive days this is exactly Newey-West; with gaps, lags are counted in
// days, not rows. nullopt when n <= k or the columns are collinear.
[[nodiscard]] std::optional<Regression> hac_regression(std::span<const double> x, std::size_t k,
                                                       std::span<const double> y, std::span<const std::int64_t> day,
                                                       int max_lag);

// Newey and West (1994, Rev Econ Stud 61:631) rule for the window: floor(4 (n/100)^(2/9)).
[[nodiscard]] int newey_west_lag(std::size_t n);

struct Estimate {
  double value = 0.0;
  double standard_error = 0.0;
  double lower = 0.0;  // value -+ t(df, (1+level)/2) * standard_error
  double upper = 0.0;
  double p_value = 1.0;  // two-sided, t with df degrees of freedom
  double df = 0.0;
};

[[nodiscard]] Estimate coefficient(const Regression& fit, std::size_t j, double level = 0.95);

}  // namespace daybreak::analysis
