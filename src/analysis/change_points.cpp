#include "analysis/change_points.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "analysis/descriptive.hpp"

namespace daybreak::analysis {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Sums over y[a, b) and x[a, b) from prefix sums. x is centred on its mean
// first, so that the sums of squares of a short segment far from the start
// do not cancel.
class SegmentSums {
 public:
  explicit SegmentSums(std::span<const double> y) : SegmentSums({}, y) {}
  SegmentSums(std::span<const double> x, std::span<const double> y) : sy_(y.size() + 1, 0.0), syy_(y.size() + 1, 0.0) {
    for (std::size_t i = 0; i < y.size(); ++i) {
      sy_[i + 1] = sy_[i] + y[i];
      syy_[i + 1] = syy_[i] + y[i] * y[i];
    }
    if (x.empty()) return;
    centre_ = mean(x);
    sx_.assign(y.size() + 1, 0.0);
    sxx_.assign(y.size() + 1, 0.0);
    sxy_.assign(y.size() + 1, 0.0);
    for (std::size_t i = 0; i < y.size(); ++i) {
      const double u = x[i] - centre_;
      sx_[i + 1] = sx_[i] + u;
      sxx_[i + 1] = sxx_[i] + u * u;
      sxy_[i + 1] = sxy_[i] + u * y[i];
    }
  }

  // Sum of squared deviations from the mean of y[a, b).
  [[nodiscard]] double level_cost(std::size_t a, std::size_t b) const {
    const double sum = sy_[b] - sy_[a];
    return (syy_[b] - syy_[a]) - sum * sum / static_cast<double>(b - a);
  }

  struct Line {
    double slope = 0.0;
    double intercept = 0.0;  // at the centred x = 0
    double cost = 0.0;       // residual sum of squares
  };
  // The least-squares line through (x, y)[a, b); needs x (and b - a >= 2).
  [[nodiscard]] Line line(std::size_t a, std::size_t b) const {
    const auto n = static_cast<double>(b - a);
    const double sx = sx_[b] - sx_[a];
    const double sy = sy_[b] - sy_[a];
    const double sxx = (sxx_[b] - sxx_[a]) - sx * sx / n;
    const double sxy = (sxy_[b] - sxy_[a]) - sx * sy / n;
    const double syy = (syy_[b] - syy_[a]) - sy * sy / n;
    Line l;
    l.slope = sxx > 0.0 ? sxy / sxx : 0.0;
    l.intercept = (sy - l.slope * sx) / n;
    l.cost = std::max(0.0, syy - l.slope * sxy);
    return l;
  }

  // The residual sum of squares of the best continuous bend over (x, y)[a, c):
  // a line (line_before) or a level up to a corner at one of the x, then a
  // line (line_after) or a level from it, joined there; the corner is sought
  // at every x but the first and the last. Infinity when none fits.
  [[nodiscard]] double bend_cost(std::size_t a, std::size_t c, bool line_before, bool line_after) const {
    const auto n = static_cast<double>(c - a);
    const double sy = sy_[c] - sy_[a];
    const double syy = (syy_[c] - syy_[a]) - sy * sy / n;
    double best = kInfinity;
    for (std::size_t k = a + 1; k + 1 < c; ++k) {
      const double h = sx_[k + 1] - sx_[k];  // the corner's centred x
      // u = min(x - h, 0) over [a, k), v = max(x - h, 0) over (k, c).
      const auto part = [&](std::size_t from, std::size_t to) {
        const auto m = static_cast<double>(to - from);
        const double s1 = sx_[to] - sx_[from];
        struct {
          double s, ss, sy;
        } r{s1 - h * m, (sxx_[to] - sxx_[from]) - 2.0 * h * s1 + h * h * m,
            (sxy_[to] - sxy_[from]) - h * (sy_[to] - sy_[from])};
        return r;
      };
      const auto u = part(a, k);
      const auto v = part(k + 1, c);
      // Centred on the mean: the level is fitted, the slopes explain the rest.
      const double uu = line_before ? u.ss - u.s * u.s / n : 0.0;
      const double vv = line_after ? v.ss - v.s * v.s / n : 0.0;
      const double uv = line_before && line_after ? -u.s * v.s / n : 0.0;
      const double uy = line_before ? u.sy - u.s * sy / n : 0.0;
      const double vy = line_after ? v.sy - v.s * sy / n : 0.0;
      double explained = 0.0;
      if (line_before && line_after) {
        const double det = uu * vv - uv * uv;
        if (!(det > 1e-12 * uu * vv)) continue;
        explained = (vv * uy * uy - 2.0 * uv * uy * vy + uu * vy * vy) / det;
      } else if (line_before || line_after) {
        const double ss = line_before ? uu : vv;
        const double sp = line_before ? uy : vy;
        if (!(ss > 0.0)) continue;
        explained = sp * sp / ss;
      }
      best = std::min(best, std::max(0.0, syy - explained));
    }
    return best;
  }

  [[nodiscard]] double centre() const { return centre_; }

 private:
  std::vector<double> sy_;
  std::vector<double> syy_;
  std::vector<double> sx_;
  std::vector<double> sxx_;
  std::vector<double> sxy_;
  double centre_ = 0.0;
};

// PELT for any segment cost that satisfies C(a, b) + C(b, c) - slack <= C(a, c).
template <typename Cost>
std::vector<std::size_t> pelt(std::size_t n, const Cost& cost, double penalty, std::size_t min_segment, double slack) {
  const std::size_t m = std::max<std::size_t>(min_segment, 1);
  if (n < 2 * m) return {};

  // F[t]: the best penalised cost of y[0, t); last[t]: where its last segment starts.
  std::vector<double> best(n + 1, kInfinity);
  std::vector<std::size_t> last(n + 1, 0);
  best[0] = -penalty;

  // A candidate start tau is pruned at time t when F[tau] + C(tau, t) - slack
  // > F[t]: t is then better for every end T >= t + m (Killick et al. 2012,
  // theorem 3.1). With a minimum segment length t cannot start a segment
  // ending before t + m, so tau stays usable until then.
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
      if ((i < evaluated ? c.cost : best[c.tau] + cost(c.tau, t)) - slack > f) c.dead_from = t + m;
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

// A segment's fit: a level, or a line when lines are allowed (slope_penalty
// >= 0) and its residual sum of squares plus the slope's price is smaller.
struct Fitter {
  std::span<const double> x;
  std::span<const double> y;
  const SegmentSums& sums;
  double slope_penalty = -1.0;  // < 0: levels only

  [[nodiscard]] bool lines() const { return slope_penalty >= 0.0; }

  [[nodiscard]] double cost(std::size_t a, std::size_t b) const {
    const double level = sums.level_cost(a, b);
    // A line's cost is at least its slope's price: below that, no need to fit it.
    if (!lines() || b - a < 2 || level <= slope_penalty) return level;
    return std::min(level, sums.line(a, b).cost + slope_penalty);
  }

  [[nodiscard]] MeanSegment segment(std::size_t a, std::size_t b) const {
    MeanSegment s{a, b, mean(y.subspan(a, b - a))};
    s.first = s.last = s.mean;
    if (!lines() || b - a < 2) return s;
    const auto l = sums.line(a, b);
    if (!(l.cost + slope_penalty < sums.level_cost(a, b)) || l.slope == 0.0) return s;
    s.slope = l.slope;
    s.first = l.intercept + l.slope * (x[a] - sums.centre());
    s.last = l.intercept + l.slope * (x[b - 1] - sums.centre());
    return s;
  }

  // The residual sum of squares of a segment as fitted.
  [[nodiscard]] double rss(const MeanSegment& s) const {
    return s.sloped() ? sums.line(s.begin, s.end).cost : sums.level_cost(s.begin, s.end);
  }

  [[nodiscard]] std::vector<MeanSegment> segments(const std::vector<std::size_t>& changes) const {
    std::vector<MeanSegment> out;
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= changes.size(); ++i) {
      const std::size_t end = i < changes.size() ? changes[i] : y.size();
      out.push_back(segment(begin, end));
      begin = end;
    }
    return out;
  }
};

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

Noise residual_noise(std::span<const double> x, std::span<const double> y, const std::vector<MeanSegment>& segments,
                     double max_lag1) {
  std::vector<double> residuals;
  residuals.reserve(y.size());
  std::size_t parameters = 0;
  for (const auto& s : segments) {
    if (s.sloped()) {
      for (std::size_t i = s.begin; i < s.end; ++i)
        residuals.push_back(y[i] - (s.first + s.slope * (x[i] - x[s.begin])));
      parameters += 2;
    } else {
      for (std::size_t i = s.begin; i < s.end; ++i) residuals.push_back(y[i] - s.mean);
      parameters += 1;
    }
  }
  Noise noise;
  double ss = 0.0;
  for (const double r : residuals) ss += r * r;
  const auto dof = static_cast<double>(y.size()) - static_cast<double>(parameters);
  noise.variance = dof > 0.0 ? ss / dof : 0.0;
  noise.lag1 = std::clamp(autocorrelation(residuals, 1).front(), 0.0, max_lag1);
  return noise;
}

}  // namespace

std::vector<std::size_t> pelt_mean(std::span<const double> y, double penalty, std::size_t min_segment) {
  const SegmentSums sums(y);
  return pelt(
      y.size(), [&](std::size_t a, std::size_t b) { return sums.level_cost(a, b); }, penalty, min_segment, 0.0);
}

std::vector<std::size_t> pelt_level_or_line(std::span<const double> x, std::span<const double> y, double penalty,
                                            double slope_penalty, std::size_t min_segment) {
  const SegmentSums sums(x, y);
  const Fitter fitter{x, y, sums, slope_penalty};
  return pelt(
      y.size(), [&](std::size_t a, std::size_t b) { return fitter.cost(a, b); }, penalty, min_segment, slope_penalty);
}

ShiftFit detect_shifts(std::span<const double> x, std::span<const double> y, const ShiftOptions& options) {
  ShiftFit fit;
  if (y.empty()) return fit;
  const double log_n = std::log(static_cast<double>(y.size()));
  const SegmentSums sums = options.lines ? SegmentSums(x, y) : SegmentSums(y);
  Fitter fitter{x, y, sums};
  std::vector<std::size_t> changes;
  for (int iteration = 1; iteration <= options.max_iterations; ++iteration) {
    const Noise noise = iteration == 1 ? difference_noise(y, options.max_lag1)
                                       : residual_noise(x, y, fitter.segments(changes), options.max_lag1);
    fit.noise_variance = noise.variance;
    fit.lag1 = noise.lag1;
    // Written as before lines were allowed, so that levels alone give the same bits.
    fit.penalty = options.penalty_factor * log_n * noise.variance * (1.0 + noise.lag1) / (1.0 - noise.lag1);
    const double long_run = noise.variance * (1.0 + noise.lag1) / (1.0 - noise.lag1);
    fit.iterations = iteration;
    std::vector<std::size_t> next;
    if (options.lines) {
      fit.slope_penalty = options.slope_penalty_factor * log_n * long_run;
      fitter.slope_penalty = fit.slope_penalty;
      next = pelt(
          y.size(), [&](std::size_t a, std::size_t b) { return fitter.cost(a, b); }, fit.penalty, options.min_segment,
          fit.slope_penalty);
    } else {
      next = pelt(
          y.size(), [&](std::size_t a, std::size_t b) { return sums.level_cost(a, b); }, fit.penalty,
          options.min_segment, 0.0);
    }
    if (iteration > 1 && next == changes) break;
    changes = std::move(next);
  }

  for (;;) {
    auto segments = fitter.segments(changes);
    std::size_t closest = changes.size();
    double smallest = options.min_shift;
    for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
      if (segments[i].sloped() || segments[i + 1].sloped()) continue;
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

  for (std::size_t i = 1; i < fit.segments.size(); ++i) {
    const MeanSegment& before = fit.segments[i - 1];
    MeanSegment& after = fit.segments[i];
    if (!before.sloped() && !after.sloped()) {
      after.step = true;
      continue;
    }
    if (std::fabs(after.first - before.last) < options.min_shift) continue;
    const double bend = sums.bend_cost(before.begin, after.end, before.sloped(), after.sloped());
    after.step = bend - (fitter.rss(before) + fitter.rss(after)) >= fit.penalty;
  }
  return fit;
}

ShiftFit detect_mean_shifts(std::span<const double> y, const ShiftOptions& options) {
  ShiftOptions levels = options;
  levels.lines = false;
  return detect_shifts({}, y, levels);
}

}  // namespace daybreak::analysis
