#include "analysis/mann_kendall.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include "analysis/descriptive.hpp"
#include "analysis/distributions.hpp"

namespace daybreak::analysis {
namespace {

double sign(double v) { return (v > 0.0) - (v < 0.0); }

void finish(MannKendall& mk) {
  const double v = mk.variance * mk.correction;
  if (v <= 0.0 || mk.s == 0.0) {
    mk.z = 0.0;
    mk.p_value = 1.0;
    return;
  }
  mk.z = (mk.s - sign(mk.s)) / std::sqrt(v);
  mk.p_value = two_sided_normal_p(mk.z);
}

}  // namespace

MannKendall mann_kendall(std::span<const double> y) {
  MannKendall mk;
  const std::size_t n = y.size();
  mk.n = n;
  if (n < 2) return mk;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) mk.s += sign(y[j] - y[i]);
  }
  const auto nd = static_cast<double>(n);
  double v = nd * (nd - 1.0) * (2.0 * nd + 5.0);
  std::map<double, double> ties;
  for (const double value : y) ties[value] += 1.0;
  for (const auto& [value, count] : ties) v -= count * (count - 1.0) * (2.0 * count + 5.0);
  mk.variance = v / 18.0;
  finish(mk);
  return mk;
}

double hamed_rao_correction(std::span<const double> t, std::span<const double> y, double slope, double level) {
  const std::size_t n = y.size();
  if (n < 3) return 1.0;
  std::vector<double> detrended(n);
  for (std::size_t i = 0; i < n; ++i) detrended[i] = y[i] - slope * t[i];
  const auto r = autocorrelation(ranks(detrended), kHamedRaoLags);
  const auto nd = static_cast<double>(n);
  const double bound = normal_quantile((1.0 + level) / 2.0) / std::sqrt(nd);
  double sum = 0.0;
  for (std::size_t k = 1; k <= kHamedRaoLags && k < n; ++k) {
    const double rk = r[k - 1];
    if (std::fabs(rk) <= bound) continue;
    const auto kd = static_cast<double>(k);
    sum += (nd - kd) * (nd - kd - 1.0) * (nd - kd - 2.0) * rk;
  }
  const double factor = 1.0 + 2.0 / (nd * (nd - 1.0) * (nd - 2.0)) * sum;
  return std::max(1.0, factor);
}

MannKendall mann_kendall_hamed_rao(std::span<const double> t, std::span<const double> y, double slope) {
  MannKendall mk = mann_kendall(y);
  mk.correction = hamed_rao_correction(t, y, slope);
  finish(mk);
  return mk;
}

}  // namespace daybreak::analysis
