// Calibration of the shift search (src/analysis/change_points.hpp) on seeded
// simulated mornings: how often a shift is reported where there is no step
// (flat mornings, steady trends, a fall that levels off) and how often a
// real step is found (alone or on top of a trend), for segments that are
// levels only (the method before) and levels or lines (now) at three prices
// of a slope, the shift's own penalty unchanged.
// Mornings as real diaries have them: a level, AR(1) day-to-day noise,
// rounded to whole points in 0-10, one a day, searched as
// src/analysis/morning_trend.cpp searches up to two years (day by day,
// segments of at least 14 mornings, shifts of at least 1 point).
// Usage: build/release/bench/shift_calibration [series per cell, default 200]
// (the release tree with -DDAYBREAK_BENCH=ON, as `make bench` builds it).
#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analysis/change_points.hpp"
#include "synthetic_diary.hpp"

namespace daybreak {
namespace {

struct Scenario {
  std::string name;
  std::function<double(int, int)> level;  // by day index and length
  double direction = 0.0;                 // the sign of the real change (0: none)
  std::optional<double> step_at;          // the share of the range where a real step sits
  int min_days = 0;                       // only for diaries at least this long
};

struct Noise {
  double ar;
  double sd;
};

struct Tally {
  int series = 0;
  int any = 0;        // at least one shift reported
  int found = 0;      // a shift of the right sign within 14 mornings of the real step
  int extra = 0;      // another shift reported beside it (for no step: any shift)
  int wrong_way = 0;  // a shift against the direction of the real change
};

void count(const analysis::ShiftFit& fit, const Scenario& s, int days, Tally& t) {
  ++t.series;
  bool any = false;
  bool found = false;
  bool extra = false;
  bool wrong_way = false;
  const double at = s.step_at ? *s.step_at * days : -1.0;
  for (std::size_t i = 1; i < fit.segments.size(); ++i) {
    const auto& after = fit.segments[i];
    if (!after.step) continue;
    any = true;
    const double jump = after.first - fit.segments[i - 1].last;
    if (jump * s.direction < 0.0) wrong_way = true;
    if (s.step_at && !found && std::fabs(static_cast<double>(after.begin) - at) <= 14.0 && jump * s.direction > 0.0) {
      found = true;
    } else {
      extra = true;
    }
  }
  t.any += any ? 1 : 0;
  t.found += found ? 1 : 0;
  t.extra += extra ? 1 : 0;
  t.wrong_way += wrong_way ? 1 : 0;
}

std::string percent(int k, int n) { return fmt::format("{:.0f}", 100.0 * k / n); }

}  // namespace
}  // namespace daybreak

int main(int argc, char** argv) {
  using namespace daybreak;
  const int runs = argc > 1 ? std::atoi(argv[1]) : 200;
  const auto linear = [](double from, double to) {
    return [=](int i, int days) { return from + (to - from) * i / (days - 1); };
  };
  const std::vector<Scenario> scenarios = {
      {"flat at 5", [](int, int) { return 5.0; }, 0.0, std::nullopt, 0},
      {"trend 5.5 -> 4.5", linear(5.5, 4.5), -1.0, std::nullopt, 0},
      {"trend 6 -> 4", linear(6.0, 4.0), -1.0, std::nullopt, 0},
      {"trend 7 -> 3", linear(7.0, 3.0), -1.0, std::nullopt, 0},
      {"trend 3 -> 6", linear(3.0, 6.0), 1.0, std::nullopt, 0},
      {"7 -> 3 over 84 days, then flat", [](int i, int) { return i < 84 ? 7.0 - 4.0 * i / 84 : 3.0; }, -1.0,
       std::nullopt, 180},
      {"step 3 -> 4.5 at 1/2", [](int i, int days) { return 2 * i < days ? 3.0 : 4.5; }, 1.0, 0.5, 0},
      {"step 5 -> 3 at 1/2", [](int i, int days) { return 2 * i < days ? 5.0 : 3.0; }, -1.0, 0.5, 0},
      {"trend 7 -> 4, step +2 at 1/2",
       [](int i, int days) { return 7.0 - 3.0 * i / (days - 1) + (2 * i < days ? 0.0 : 2.0); }, 1.0, 0.5, 0},
      {"trend 6 -> 4, step -1.5 at 2/3",
       [](int i, int days) { return 6.0 - 2.0 * i / (days - 1) + (3 * i < 2 * days ? 0.0 : -1.5); }, -1.0, 2.0 / 3.0,
       0},
  };
  const std::vector<int> lengths = {84, 180, 365};
  const std::vector<Noise> noises = {{0.3, 1.0}, {0.5, 1.0}, {0.7, 0.8}};
  std::vector<analysis::ShiftOptions> methods(4);
  methods[0].lines = false;
  methods[1].slope_penalty_factor = 1.0;
  methods[2].slope_penalty_factor = 1.5;
  methods[3].slope_penalty_factor = 2.0;

  fmt::print(
      "{} seeded series per cell (% of them). No step: % with a shift. Step: % where it was found (within\n"
      "14 mornings, right sign), and % with another shift beside it. Wrong way: % with a shift against the\n"
      "real change. Before: levels only; after: levels or lines, a slope priced at 1, 1.5 (the default)\n"
      "or 2 log(n) times the long-run variance.\n\n",
      runs);
  fmt::print("| scenario | mornings | noise | before | Q = 1 | **Q = 1.5** | Q = 2 | wrong way, before / Q = 1.5 |\n");
  fmt::print("|---|---|---|---|---|---|---|---|\n");
  std::uint64_t seed = 1;
  for (const auto& s : scenarios) {
    for (const int days : lengths) {
      if (days < s.min_days) continue;
      for (const Noise noise : noises) {
        std::vector<Tally> tallies(methods.size());
        std::vector<double> x;
        for (int i = 0; i < days; ++i) x.push_back(i);
        for (int r = 0; r < runs; ++r) {
          const auto y =
              testing::simulated_mornings([&](int i) { return s.level(i, days); }, days, noise.ar, noise.sd, seed++);
          for (std::size_t m = 0; m < methods.size(); ++m)
            count(analysis::detect_shifts(x, y, methods[m]), s, days, tallies[m]);
        }
        const auto cell = [&](const Tally& t) {
          return s.step_at ? fmt::format("{} (+{})", percent(t.found, t.series), percent(t.extra, t.series))
                           : percent(t.any, t.series);
        };
        fmt::print("| {} | {} | AR({}) sd {} | {} | {} | **{}** | {} | {} / {} |\n", s.name, days, noise.ar, noise.sd,
                   cell(tallies[0]), cell(tallies[1]), cell(tallies[2]), cell(tallies[3]),
                   percent(tallies[0].wrong_way, runs), percent(tallies[2].wrong_way, runs));
      }
    }
  }
  return 0;
}
