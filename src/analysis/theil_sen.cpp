#include "analysis/theil_sen.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "analysis/descriptive.hpp"
#include "analysis/distributions.hpp"

namespace daybreak::analysis {
namespace {

// Every pairwise slope, into `slopes` (cleared first; its buffer is reused).
void pairwise_slopes(std::span<const double> t, std::span<const double> y, std::vector<double>& slopes) {
  slopes.clear();
  const std::size_t n = std::min(t.size(), y.size());
  slopes.reserve(n * (n - 1) / 2);
  for (std::size_t i = 0; i + 1 < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      if (t[j] != t[i]) slopes.push_back((y[j] - y[i]) / (t[j] - t[i]));
    }
  }
}

std::vector<double> pairwise_slopes(std::span<const double> t, std::span<const double> y) {
  std::vector<double> slopes;
  pairwise_slopes(t, y, slopes);
  return slopes;
}

// The median of `x`, as median() gives it (the middle two averaged), by
// selection rather than sorting: the bootstrap takes one per draw, and a
// full sort of every draw's slopes was nearly all of the insights' time.
// Reorders `x`.
double median_in_place(std::vector<double>& x) {
  const auto mid = x.begin() + static_cast<std::ptrdiff_t>(x.size() / 2);
  std::nth_element(x.begin(), mid, x.end());
  if (x.size() % 2 == 1) return *mid;
  const double below = *std::max_element(x.begin(), mid);
  return below + 0.5 * (*mid - below);
}

// The k-th smallest (1-based, clamped to the valid range) of `sorted`.
double order_statistic(const std::vector<double>& sorted, double k) {
  const double clamped = std::clamp(k, 1.0, static_cast<double>(sorted.size()));
  return sorted[static_cast<std::size_t>(clamped) - 1];
}

}  // namespace

double theil_sen_slope(std::span<const double> t, std::span<const double> y) {
  std::vector<double> slopes;
  pairwise_slopes(t, y, slopes);
  return slopes.empty() ? 0.0 : median_in_place(slopes);
}

TheilSen theil_sen(std::span<const double> t, std::span<const double> y, double variance_s, double level) {
  TheilSen fit;
  auto slopes = pairwise_slopes(t, y);
  if (slopes.empty()) return fit;
  std::sort(slopes.begin(), slopes.end());
  fit.pairs = slopes.size();
  fit.slope = median(slopes);
  fit.intercept = median(y) - fit.slope * median(t);
  const double n = static_cast<double>(slopes.size());
  const double c = normal_quantile((1.0 + level) / 2.0) * std::sqrt(variance_s);
  // nearbyint rounds halves to even, as R's round() does.
  fit.lower = order_statistic(slopes, std::nearbyint((n - c) / 2.0));
  fit.upper = order_statistic(slopes, std::nearbyint((n + c) / 2.0 + 1.0));
  return fit;
}

void smoothed_bootstrap_interval(std::span<const double> t, std::span<const double> y, TheilSen& fit, double rounding,
                                 double level, int draws) {
  const std::size_t n = std::min(t.size(), y.size());
  if (n < 3 || draws < 1) return;
  // Block length n^(1/3), the usual order for the moving-block bootstrap (Kuensch 1989).
  const auto block = std::max<std::size_t>(2, static_cast<std::size_t>(std::cbrt(static_cast<double>(n)) + 0.5));
  std::vector<double> residuals(n);
  for (std::size_t i = 0; i < n; ++i) residuals[i] = y[i] - (fit.intercept + fit.slope * t[i]);
  std::mt19937_64 engine(20261202);
  std::uniform_int_distribution<std::size_t> start(0, n - std::min(block, n));
  std::uniform_real_distribution<double> jitter(-rounding, rounding);
  std::vector<double> resampled(n);
  std::vector<double> pairs;  // one draw's pairwise slopes, the buffer reused
  std::vector<double> slopes;
  slopes.reserve(static_cast<std::size_t>(draws));
  for (int d = 0; d < draws; ++d) {
    for (std::size_t i = 0; i < n;) {
      const std::size_t from = start(engine);
      for (std::size_t k = 0; k < block && i < n; ++k, ++i) {
        resampled[i] = fit.intercept + fit.slope * t[i] + residuals[from + k] + jitter(engine);
      }
    }
    pairwise_slopes(t.first(n), resampled, pairs);
    slopes.push_back(pairs.empty() ? 0.0 : median_in_place(pairs));
  }
  std::sort(slopes.begin(), slopes.end());
  const double m = static_cast<double>(slopes.size());
  fit.lower = order_statistic(slopes, std::floor(m * (1.0 - level) / 2.0) + 1.0);
  fit.upper = order_statistic(slopes, std::ceil(m * (1.0 + level) / 2.0));
  fit.resampled = true;
}

}  // namespace daybreak::analysis
