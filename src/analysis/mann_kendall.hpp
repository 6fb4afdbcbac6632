// The Mann-Kendall trend test, with the Hamed-Rao correction for serial
// correlation: a day of bad pain tends to be followed by another, and the
// plain test would then find "trends" in noise far too often.
#pragma once

#include <cstddef>
#include <span>

namespace daybreak::analysis {

struct MannKendall {
  std::size_t n = 0;
  double s = 0.0;           // Kendall's S: pairs going up minus pairs going down
  double variance = 0.0;    // Var(S) for independent data, corrected for ties
  double correction = 1.0;  // Hamed-Rao variance factor n/n*s (1 = none)
  double z = 0.0;           // (S -+ 1) / sqrt(variance * correction), with continuity correction
  double p_value = 1.0;     // two-sided, normal approximation
};

// The plain test (Mann 1945, Kendall 1975) of the values in time order.
[[nodiscard]] MannKendall mann_kendall(std::span<const double> y);

// Hamed and Rao (1998, J Hydrol 204:182-196) variance factor n/n*s =
// 1 + 2/(n(n-1)(n-2)) * sum over lags k = 1..3 of (n-k)(n-k-1)(n-k-2) r(k),
// where r(k) is the lag-k autocorrelation of the ranks of y - slope * t,
// counted only where significant at `level` (|r| > z/sqrt(n)): the three-lag
// form of R's modifiedmk::mmkh3lag. Summing all n - 1 lags (mmkh) lets the
// downward bias of long-lag sample autocorrelations cancel the real short-range
// correlation of a short diary: on 84 AR(0.6) mornings it gives 0.96 where
// three lags give 3.8. Floored at 1: the correction never claims more
// certainty than independent days would give. `t` are the days observed.
inline constexpr std::size_t kHamedRaoLags = 3;
[[nodiscard]] double hamed_rao_correction(std::span<const double> t, std::span<const double> y, double slope,
                                          double level = 0.95);

// The test with Var(S) multiplied by hamed_rao_correction(t, y, slope).
[[nodiscard]] MannKendall mann_kendall_hamed_rao(std::span<const double> t, std::span<const double> y, double slope);

}  // namespace daybreak::analysis
