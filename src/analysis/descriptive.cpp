#include "analysis/descriptive.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace daybreak::analysis {

double mean(std::span<const double> x) {
  if (x.empty()) return 0.0;
  return std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(x.size());
}

double variance(std::span<const double> x) {
  if (x.size() < 2) return 0.0;
  const double m = mean(x);
  double ss = 0.0;
  for (const double v : x) ss += (v - m) * (v - m);
  return ss / static_cast<double>(x.size() - 1);
}

double standard_deviation(std::span<const double> x) { return std::sqrt(variance(x)); }

double median(std::span<const double> x) { return quantile(x, 0.5); }

double quantile(std::span<const double> x, double p) {
  if (x.empty()) return 0.0;
  std::vector<double> sorted(x.begin(), x.end());
  std::sort(sorted.begin(), sorted.end());
  const double h = (static_cast<double>(sorted.size()) - 1.0) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

std::vector<double> autocorrelation(std::span<const double> x, std::size_t max_lag) {
  std::vector<double> r(max_lag, 0.0);
  const std::size_t n = x.size();
  const double m = mean(x);
  double denominator = 0.0;
  for (const double v : x) denominator += (v - m) * (v - m);
  if (denominator == 0.0) return r;
  for (std::size_t k = 1; k <= max_lag && k < n; ++k) {
    double sum = 0.0;
    for (std::size_t t = 0; t + k < n; ++t) sum += (x[t] - m) * (x[t + k] - m);
    r[k - 1] = sum / denominator;
  }
  return r;
}

std::vector<double> ranks(std::span<const double> x) {
  std::vector<std::size_t> order(x.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  std::vector<double> r(x.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && x[order[j + 1]] == x[order[i]]) ++j;
    const double average = (static_cast<double>(i) + static_cast<double>(j)) / 2.0 + 1.0;
    for (std::size_t k = i; k <= j; ++k) r[order[k]] = average;
    i = j + 1;
  }
  return r;
}

}  // namespace daybreak::analysis
