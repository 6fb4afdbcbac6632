#include "analysis/theil_sen.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <system_error>
#include <thread>
#include <utility>
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

// The Theil-Sen slope of one bootstrap draw `r` (n values at the times whose
// pairwise 1 / (t[j] - t[i]) are `apart`, pairs in (i, j) order): exactly
// median_in_place() of its pairwise slopes, in fewer steps. A sample of
// every 8th slope gives two bounds that almost surely hold the middle
// between them (4 standard errors of the sample's median either side); one
// pass without branches computes every slope, counts those below the lower
// bound and gathers those between; only those few are then selected among.
// If the middle fell outside the bounds, median_in_place() of them all
// answers. The slopes are not stored before that pass, and `pairs`,
// `sample` and `window` are scratch space kept from draw to draw: storing
// every slope first, and sizing the window anew (zeroed) for each draw, made
// a fifth of the instructions of `daybreak insights` on ten years.
double draw_slope(const double* r, std::size_t n, const std::vector<double>& apart, std::vector<double>& pairs,
                  std::vector<double>& sample, std::vector<double>& window) {
  const std::size_t size = apart.size();
  const auto all_pairs = [&] {
    pairs.resize(size);
    std::size_t p = 0;
    for (std::size_t i = 0; i + 1 < n; ++i) {
      for (std::size_t j = i + 1; j < n; ++j, ++p) pairs[p] = (r[j] - r[i]) * apart[p];
    }
  };
  constexpr std::size_t kEvery = 8;
  if (size < 64 * kEvery) {
    all_pairs();
    return pairs.empty() ? 0.0 : median_in_place(pairs);
  }
  // Every 8th pair, p = 0, 8, 16, ...: row i holds the n - 1 - i pairs (i, j > i).
  sample.clear();
  for (std::size_t p = 0, i = 0, k = 0; p < size; p += kEvery, k += kEvery) {
    while (k >= n - 1 - i) k -= n - 1 - i++;
    sample.push_back((r[i + 1 + k] - r[i]) * apart[p]);
  }
  const std::size_t samples = sample.size();
  const auto margin = static_cast<std::size_t>(2.0 * std::sqrt(static_cast<double>(samples)));  // 4 x sqrt(s)/2
  const auto low_at = sample.begin() + static_cast<std::ptrdiff_t>(samples / 2 - margin);
  const auto high_at = sample.begin() + static_cast<std::ptrdiff_t>(samples / 2 + margin);
  std::nth_element(sample.begin(), high_at, sample.end());
  const double high = *high_at;
  std::nth_element(sample.begin(), low_at, high_at);
  const double low = *low_at;
  if (window.size() < size) window.resize(size);
  std::size_t below = 0;
  std::size_t between = 0;
  const double* a = apart.data();
  double* gathered = window.data();  // raw: the hardened build checks every [] (a third of this loop)
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const double ri = r[i];
    const std::size_t row = n - 1 - i;
    const double* rj = r + i + 1;
    for (std::size_t k = 0; k < row; ++k) {
      const double v = (rj[k] - ri) * a[k];
      below += static_cast<std::size_t>(v < low);
      gathered[between] = v;
      between += static_cast<std::size_t>(v >= low) & static_cast<std::size_t>(v <= high);
    }
    a += row;
  }
  const std::size_t upper_rank = size / 2;  // 0-based, as median_in_place() takes it
  const std::size_t lower_rank = size % 2 == 1 ? upper_rank : upper_rank - 1;
  if (below > lower_rank || upper_rank >= below + between) {
    all_pairs();
    return median_in_place(pairs);
  }
  const auto mid = window.begin() + static_cast<std::ptrdiff_t>(upper_rank - below);
  const auto end = window.begin() + static_cast<std::ptrdiff_t>(between);
  std::nth_element(window.begin(), mid, end);
  if (size % 2 == 1) return *mid;
  const double lower = *std::max_element(window.begin(), mid);
  return lower + 0.5 * (*mid - lower);
}

// Below this many pair-slopes in all, a thread costs more than it saves.
constexpr std::size_t kWorthAThread = 4'000'000;

// Calls work(first, last) over [0, count) in `threads` contiguous shares, the
// first on this thread; a thread that cannot start leaves its share here.
template <typename Work>
void for_each_share(std::size_t count, unsigned threads, const Work& work) {
  const std::size_t shares = std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(count, 1));
  std::vector<std::jthread> helpers;
  std::vector<std::pair<std::size_t, std::size_t>> left_here;
  for (std::size_t s = 1; s < shares; ++s) {
    const std::size_t first = count * s / shares;
    const std::size_t last = count * (s + 1) / shares;
    try {
      helpers.emplace_back([&work, first, last] { work(first, last); });
    } catch (const std::system_error&) {
      left_here.emplace_back(first, last);
    }
  }
  work(0, count / shares);
  for (const auto& [first, last] : left_here) work(first, last);
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
  // Every resample is drawn first, in order from the one engine, so that the
  // numbers do not depend on how many threads then take their slopes.
  const auto count = static_cast<std::size_t>(draws);
  std::vector<double> resamples(count * n);
  for (std::size_t d = 0; d < count; ++d) {
    double* resampled = resamples.data() + d * n;
    for (std::size_t i = 0; i < n;) {
      const std::size_t from = start(engine);
      for (std::size_t k = 0; k < block && i < n; ++k, ++i) {
        resampled[i] = fit.intercept + fit.slope * t[i] + residuals[from + k] + jitter(engine);
      }
    }
  }
  // 1 / (t[j] - t[i]) for every pair, the same in every draw (t strictly increases).
  std::vector<double> apart;
  apart.reserve(n * (n - 1) / 2);
  for (std::size_t i = 0; i + 1 < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) apart.push_back(1.0 / (t[j] - t[i]));
  }
  // Each draw's Theil-Sen slope: nearly all of the time (999 medians of
  // about n^2/2 slopes), so the draws are shared between the cores.
  std::vector<double> slopes(count);
  const auto slopes_of = [&](std::size_t first, std::size_t last) {
    std::vector<double> pairs;  // scratch, reused from draw to draw
    std::vector<double> sample;
    std::vector<double> window;
    for (std::size_t d = first; d < last; ++d) {
      slopes[d] = draw_slope(resamples.data() + d * n, n, apart, pairs, sample, window);
    }
  };
  for_each_share(count, n * n * count > kWorthAThread ? std::thread::hardware_concurrency() : 1, slopes_of);
  std::sort(slopes.begin(), slopes.end());
  const double m = static_cast<double>(slopes.size());
  fit.lower = order_statistic(slopes, std::floor(m * (1.0 - level) / 2.0) + 1.0);
  fit.upper = order_statistic(slopes, std::ceil(m * (1.0 + level) / 2.0));
  fit.resampled = true;
}

}  // namespace daybreak::analysis
