#include "analysis/change_points.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "analysis/descriptive.hpp"

namespace daybreak::analysis {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

class SegmentCost {
 public:
  explicit SegmentCost(std::span<const double> y) : s1_(y.size() + 1, 0.0), s2_(y.size() + 1, 0.0) {
    for (std::size_t i = 0; i < y.size(); ++i) {
      s1_[i + 1] = s1_[i] + y[i];
      s2_[i + 1] = s2_[i] + y[i] * y[i];
    }
  }
  // Sum of squared deviations from the mean of y[a, b).
  [[nodiscard]] double operator()(std::size_t a, std::size_t b) const {
    const double sum = s1_[b] - s1_[a];
    return (s2_[b] - s2_[a]) - sum * sum / static_cast<double>(b - a);
  }

 private:
  std::vector<double> s1_;
  std::vector<double> s2_;
};

std::vector<MeanSegment> segments_of(std::span<const double> y, const std::vector<std::size_t>& changes) {
  std::vector<MeanSegment> segments;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= changes.size(); ++i) {
    const std::size_t end = i < changes.size() ? changes[i] : y.size();
    segments.push_back({begin, end, mean(y.subspan(begin, end - begin))});
    begin = end;
  }
  return segments;
}

struct Noise {
  double variance = 0.0;
  double lag1 = 0.0;
};

Noise difference_noise(std::span<const double> y, double max_lag1) {
  std::vector<double> dy;
  dy.reserve(y.size());
  for (std::size_t i = 1; i < y.size(); ++i) dy.push_back(y[i] - y[i - 1]);
  Noise noise;
  if (dy.size() < 2) return noise;
  noise.lag1 = std::clamp(1.0 + 2.0 * autocorrelation(dy, 1).front(), 0.0, max_lag1);
  noise.variance = variance(dy) / (2.0 * (1.0 - noise.lag1));
  return noise;
}

Noise residual_noise(std::span<const double> y, const std::vector<MeanSegment>& segments, double max_lag1) {
  std::vector<double> residuals;
  residuals.reserve(y.size());
  for (const auto& s : segments) {
    for (std::size_t i = s.begin; i < s.end; ++i) residuals.push_back(y[i] - s.mean);
  }
  Noise noise;
  double ss = 0.0;
  for (const double r : residuals) ss += r * r;
  const auto dof = static_cast<double>(y.size() - segments.size());
  noise.variance = dof > 0.0 ? ss / dof : 0.0;
  noise.lag1 = std::clamp(autocorrelation(residuals, 1).front(), 0.0, max_lag1);
  return noise;
}

}  // namespace

std::vector<std::size_t> pelt_mean(std::span<const double> y, double penalty, std::size_t min_segment) {
  const std::size_t n = y.size();
  const std::size_t m = std::max<std::size_t>(min_segment, 1);
  if (n < 2 * m) return {};
  const SegmentCost cost(y);

  // F[t]: the best penalised cost of y[0, t); last[t]: where its last segment starts.
  std::vector<double> best(n + 1, kInfinity);
  std::vector<std::size_t> last(n + 1, 0);
  best[0] = -penalty;

  // A candidate start tau is pruned at time t when F[tau] + C(tau, t) > F[t]:
  // t is then better for every end T >= t + m. With a minimum segment length t
  // cannot start a segment ending before t + m, so tau stays usable until then.
  struct Candidate {
    std::size_t tau;
    std::size_t dead_from;
    double cost = 0;  // F[tau] + C(tau, t) at the current t, once evaluated
  };
  constexpr std::size_t kAlive = std::numeric_limits<std::size_t>::max();
  std::vector<Candidate> candidates{{0, kAlive}};
  for (std::size_t t = m; t <= n; ++t) {
    double f = kInfinity;
    std::size_t arg = 0;
    std::size_t evaluated = 0;  // candidates are in increasing tau: those long enough come first
    for (auto& c : candidates) {
      if (t - c.tau < m) break;
      c.cost = best[c.tau] + cost(c.tau, t);
      const double v = c.cost + penalty;
      if (v < f) {
        f = v;
        arg = c.tau;
      }
      ++evaluated;
    }
    best[t] = f;
    last[t] = arg;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      Candidate& c = candidates[i];
      if (c.dead_from != kAlive) continue;
      if ((i < evaluated ? c.cost : best[c.tau] + cost(c.tau, t)) > f) c.dead_from = t + m;
    }
    std::erase_if(candidates, [&](const Candidate& c) { return c.dead_from <= t + 1; });
    candidates.push_back({t, kAlive});
  }

  std::vector<std::size_t> changes;
  for (std::size_t t = n; t > 0;) {
    t = last[t];
    if (t > 0) changes.push_back(t);
  }
  std::reverse(changes.begin(), changes.end());
  return changes;
}

ShiftFit detect_mean_shifts(std::span<const double> y, const ShiftOptions& options) {
  ShiftFit fit;
  if (y.empty()) return fit;
  const double log_n = std::log(static_cast<double>(y.size()));
  std::vector<std::size_t> changes;
  for (int iteration = 1; iteration <= options.max_iterations; ++iteration) {
    const Noise noise = iteration == 1 ? difference_noise(y, options.max_lag1)
                                       : residual_noise(y, segments_of(y, changes), options.max_lag1);
    fit.noise_variance = noise.variance;
    fit.lag1 = noise.lag1;
    fit.penalty = options.penalty_factor * log_n * noise.variance * (1.0 + noise.lag1) / (1.0 - noise.lag1);
    fit.iterations = iteration;
    auto next = pelt_mean(y, fit.penalty, options.min_segment);
    if (iteration > 1 && next == changes) break;
    changes = std::move(next);
  }

  for (;;) {
    auto segments = segments_of(y, changes);
    std::size_t closest = changes.size();
    double smallest = options.min_shift;
    for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
      const double gap = std::fabs(segments[i + 1].mean - segments[i].mean);
      if (gap < smallest) {
        smallest = gap;
        closest = i;
      }
    }
    if (closest == changes.size()) {
      fit.segments = std::move(segments);
      break;
    }
    changes.erase(changes.begin() + static_cast<std::ptrdiff_t>(closest));
  }
  return fit;
}

}  // namespace daybreak::analysis
