// The distributions the methods need, from Boost.Math, behind a small surface
// so that only one file compiles Boost's headers.
#pragma once

namespace daybreak::analysis {

// Standard normal.
[[nodiscard]] double normal_quantile(double p);
// Student's t with `df` degrees of freedom (df > 0).
[[nodiscard]] double t_cdf(double t, double df);
// 1 - t_cdf(t, df), computed without cancellation for small tail probabilities.
[[nodiscard]] double t_cdf_upper(double t, double df);
[[nodiscard]] double t_quantile(double p, double df);
// Two-sided p-values.
[[nodiscard]] double two_sided_normal_p(double z);
[[nodiscard]] double two_sided_t_p(double t, double df);

}  // namespace daybreak::analysis
