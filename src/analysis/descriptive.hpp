// Descriptive statistics over plain numbers: the building blocks the methods
// share, each defined as R defines it so golden values compare directly.
#pragma once

#include <span>
#include <vector>

namespace daybreak::analysis {

[[nodiscard]] double mean(std::span<const double> x);
// Sample variance (denominator n - 1); 0 for fewer than two values.
[[nodiscard]] double variance(std::span<const double> x);
[[nodiscard]] double standard_deviation(std::span<const double> x);
// The middle value; the mean of the two middle values for an even count.
[[nodiscard]] double median(std::span<const double> x);
// R's default quantile (type 7): linear interpolation between order statistics.
[[nodiscard]] double quantile(std::span<const double> x, double p);
// Autocorrelation at lags 1..max_lag as R's acf(): centred on the mean, each
// lag divided by the lag-0 sum of squares. All zeros when x is constant.
[[nodiscard]] std::vector<double> autocorrelation(std::span<const double> x, std::size_t max_lag);
// Ranks 1..n, ties sharing their average rank (R's rank(), ties "average").
[[nodiscard]] std::vector<double> ranks(std::span<const double> x);

}  // namespace daybreak::analysis
