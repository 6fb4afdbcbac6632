// Every method of src/analysis against values R computed independently
// (tests/analysis/golden.R; the inputs are the data.* lines of golden.txt).
//
// Tolerances: estimates, standard errors and bounds agree to 1e-9 relative
// (both sides compute in double; only summation order differs). p-values and
// probabilities agree to 1e-7 relative: Boost.Math and R evaluate the normal
// and t tails with different algorithms. Change points are indices: exact.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "analysis/change_points.hpp"
#include "analysis/descriptive.hpp"
#include "analysis/hac_regression.hpp"
#include "analysis/mann_kendall.hpp"
#include "analysis/multiple_testing.hpp"
#include "analysis/n_of_one.hpp"
#include "analysis/theil_sen.hpp"
#include "golden_file.hpp"

namespace daybreak::analysis {
namespace {

using testing::GoldenValues;

constexpr double kValueTolerance = 1e-9;
constexpr double kProbabilityTolerance = 1e-7;

const GoldenValues& golden() { return GoldenValues::load(); }
const std::vector<double>& data(const std::string& key) { return golden()["data." + key]; }

void expect_near_relative(double actual, double expected, double tolerance, const std::string& what) {
  EXPECT_NEAR(actual, expected, tolerance * std::max(1.0, std::fabs(expected))) << what;
}

void expect_probability(double actual, double expected, const std::string& what) {
  EXPECT_NEAR(actual, expected, kProbabilityTolerance * std::max(1e-300, std::fabs(expected)) + 1e-15) << what;
}

std::vector<std::size_t> as_indices(const std::vector<double>& v) {
  return {v.begin(), v.end()};  // R wrote whole numbers
}

TEST(GoldenR, DescriptiveStatisticsMatchR) {
  const auto& y = data("trend_ar1.y");
  expect_near_relative(mean(y), golden()["descriptive.trend_ar1.mean"][0], kValueTolerance, "mean");
  expect_near_relative(variance(y), golden()["descriptive.trend_ar1.variance"][0], kValueTolerance, "variance");
  expect_near_relative(median(y), golden()["descriptive.trend_ar1.median"][0], kValueTolerance, "median");
  const auto& q = golden()["descriptive.trend_ar1.quantile"];
  const double ps[] = {0.1, 0.25, 0.9};
  for (std::size_t i = 0; i < 3; ++i) expect_near_relative(quantile(y, ps[i]), q[i], kValueTolerance, "quantile");
  const auto acf = autocorrelation(y, 5);
  const auto& want_acf = golden()["descriptive.trend_ar1.acf"];
  for (std::size_t i = 0; i < 5; ++i) expect_near_relative(acf[i], want_acf[i], kValueTolerance, "acf");
  EXPECT_EQ(ranks(y), golden()["descriptive.trend_ar1.ranks"]);
}

class GoldenTrend : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTrend, MannKendallMatchesR) {
  const auto& y = data(GetParam() + ".y");
  const auto& want = golden()["mann_kendall." + GetParam()];
  const MannKendall mk = mann_kendall(y);
  EXPECT_EQ(mk.s, want[0]);
  expect_near_relative(mk.variance, want[1], kValueTolerance, "Var(S)");
  expect_near_relative(mk.z, want[2], kValueTolerance, "z");
  expect_probability(mk.p_value, want[3], "p");
}

TEST_P(GoldenTrend, HamedRaoCorrectionMatchesR) {
  const auto& t = data(GetParam() + ".t");
  const auto& y = data(GetParam() + ".y");
  const auto& want = golden()["hamed_rao." + GetParam()];
  const double slope = theil_sen_slope(t, y);
  const MannKendall mk = mann_kendall_hamed_rao(t, y, slope);
  expect_near_relative(mk.correction, want[0], kValueTolerance, "n/n*");
  expect_near_relative(mk.z, want[1], kValueTolerance, "z");
  expect_probability(mk.p_value, want[2], "p");
}

TEST_P(GoldenTrend, TheilSenSlopeAndIntervalMatchR) {
  const auto& t = data(GetParam() + ".t");
  const auto& y = data(GetParam() + ".y");
  const auto& want = golden()["theil_sen." + GetParam()];
  const MannKendall mk = mann_kendall_hamed_rao(t, y, theil_sen_slope(t, y));
  const TheilSen fit = theil_sen(t, y, mk.variance * mk.correction);
  expect_near_relative(fit.slope, want[0], kValueTolerance, "slope");
  expect_near_relative(fit.intercept, want[1], kValueTolerance, "intercept");
  expect_near_relative(fit.lower, want[2], kValueTolerance, "lower");
  expect_near_relative(fit.upper, want[3], kValueTolerance, "upper");
  EXPECT_EQ(fit.pairs, static_cast<std::size_t>(want[4]));
}

INSTANTIATE_TEST_SUITE_P(Datasets, GoldenTrend, ::testing::Values("trend_ar1", "trend_flat", "trend_outliers"));

class GoldenShifts : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenShifts, PeltFindsTheOptimalPartitioningOptimum) {
  const auto& y = data(GetParam() + ".y");
  for (const int penalty : {5, 20, 60}) {
    const auto key = "optimal_partitioning." + GetParam() + ".penalty" + std::to_string(penalty);
    EXPECT_EQ(pelt_mean(y, penalty, 14), as_indices(golden()[key])) << key;
  }
}

TEST_P(GoldenShifts, ShiftDetectionMatchesR) {
  const auto& y = data(GetParam() + ".y");
  const ShiftFit fit = detect_mean_shifts(y);
  const auto& changes = golden()["shifts." + GetParam() + ".changes"];
  const auto& means = golden()["shifts." + GetParam() + ".means"];
  const auto& noise = golden()["shifts." + GetParam() + ".noise"];
  ASSERT_EQ(fit.segments.size(), means.size());
  for (std::size_t i = 0; i < fit.segments.size(); ++i) {
    if (i > 0) {
      EXPECT_EQ(fit.segments[i].begin, static_cast<std::size_t>(changes[i - 1]));
    }
    expect_near_relative(fit.segments[i].mean, means[i], kValueTolerance, "segment mean");
  }
  expect_near_relative(fit.noise_variance, noise[0], kValueTolerance, "noise variance");
  expect_near_relative(fit.lag1, noise[1], kValueTolerance, "lag-1 autocorrelation");
  expect_near_relative(fit.penalty, noise[2], kValueTolerance, "penalty");
  EXPECT_EQ(fit.iterations, static_cast<int>(noise[3]));
}

INSTANTIATE_TEST_SUITE_P(Datasets, GoldenShifts, ::testing::Values("shift_one", "shift_two", "shift_none"));

std::vector<std::int64_t> as_days(const std::vector<double>& v) { return {v.begin(), v.end()}; }

void expect_estimate(const Estimate& e, const std::vector<double>& want, const std::string& what) {
  expect_near_relative(e.value, want[0], kValueTolerance, what + " estimate");
  expect_near_relative(e.standard_error, want[1], kValueTolerance, what + " standard error");
  expect_near_relative(e.lower, want[2], kValueTolerance, what + " lower");
  expect_near_relative(e.upper, want[3], kValueTolerance, what + " upper");
  expect_probability(e.p_value, want[4], what + " p");
}

std::vector<double> with_intercept(const std::vector<double>& x) {
  std::vector<double> rows;
  for (const double v : x) rows.insert(rows.end(), {1.0, v});
  return rows;
}

TEST(GoldenR, HacDifferenceInMeansWithGapsMatchesR) {
  const auto& y = data("factor_binary.y");
  const auto day = as_days(data("factor_binary.day"));
  const int lag = newey_west_lag(y.size());
  EXPECT_EQ(lag, static_cast<int>(golden()["hac.factor_binary.lag"][0]));
  const auto fit = hac_regression(with_intercept(data("factor_binary.x")), 2, y, day, lag);
  ASSERT_TRUE(fit);
  expect_estimate(coefficient(*fit, 1), golden()["hac.factor_binary.effect"], "effect");
  expect_estimate(coefficient(*fit, 0), golden()["hac.factor_binary.intercept"], "intercept");
}

TEST(GoldenR, HacSlopeOnConsecutiveDaysIsNeweyWestAndMatchesR) {
  const auto& y = data("factor_numeric.y");
  const auto day = as_days(data("factor_numeric.day"));
  const auto x = with_intercept(data("factor_numeric.x"));
  const int lag = newey_west_lag(y.size());
  const auto fit = hac_regression(x, 2, y, day, lag);
  ASSERT_TRUE(fit);
  expect_estimate(coefficient(*fit, 1), golden()["hac.factor_numeric.effect"], "slope");
  for (const int other : {0, 3, 10}) {
    const auto f = hac_regression(x, 2, y, day, other);
    ASSERT_TRUE(f);
    const auto& want = golden()["hac.factor_numeric.se_lag" + std::to_string(other)];
    for (std::size_t j = 0; j < 2; ++j) {
      expect_near_relative(f->standard_errors[j], want[j], kValueTolerance, "se at lag " + std::to_string(other));
    }
  }
}

TEST(GoldenR, HacWithSeveralRowsPerDayMatchesR) {
  const auto& y = data("medication.y");
  const auto day = as_days(data("medication.day"));
  const auto& period = data("medication.period");
  const auto& medicated = data("medication.x");
  std::vector<double> x;
  for (std::size_t i = 0; i < y.size(); ++i) {
    x.insert(x.end(), {1.0, medicated[i], period[i] == 1.0 ? 1.0 : 0.0, period[i] == 2.0 ? 1.0 : 0.0});
  }
  const auto fit = hac_regression(x, 4, y, day, 4);
  ASSERT_TRUE(fit);
  const auto& coefficients = golden()["hac.medication.coefficients"];
  const auto& errors = golden()["hac.medication.se"];
  for (std::size_t j = 0; j < 4; ++j) {
    expect_near_relative(fit->coefficients[j], coefficients[j], kValueTolerance, "coefficient");
    expect_near_relative(fit->standard_errors[j], errors[j], kValueTolerance, "standard error");
  }
  expect_estimate(coefficient(*fit, 1), golden()["hac.medication.effect"], "medicated");
}

TEST(GoldenR, NeweyWestLagRule) {
  const auto& want = golden()["newey_west_lag"];
  const std::size_t n[] = {10, 30, 84, 100, 365, 3650};
  for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(newey_west_lag(n[i]), static_cast<int>(want[i])) << n[i];
}

TEST(GoldenR, BenjaminiHochbergMatchesPAdjust) {
  const auto q = benjamini_hochberg(data("bh.p"));
  const auto& want = golden()["benjamini_hochberg"];
  ASSERT_EQ(q.size(), want.size());
  for (std::size_t i = 0; i < q.size(); ++i) expect_near_relative(q[i], want[i], kValueTolerance, "q");
}

class GoldenBlockPairs : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenBlockPairs, AnalysisMatchesR) {
  const std::string name = GetParam();
  std::vector<PairOutcomes> pairs;
  for (int j = 1;; ++j) {
    const std::string key = "data.nof1_" + name + ".pair" + std::to_string(j);
    if (!golden().contains(key + ".a")) break;
    pairs.push_back({golden()[key + ".a"], golden()[key + ".b"]});
  }
  const double thresholds[] = {1.0, 2.0};
  const BlockPairAnalysis r = analyze_block_pairs(pairs, thresholds);
  const auto& differences = golden()["nof1." + name + ".differences"];
  ASSERT_EQ(r.differences.size(), differences.size());
  for (std::size_t i = 0; i < differences.size(); ++i) {
    expect_near_relative(r.differences[i], differences[i], kValueTolerance, "pair difference");
  }
  const auto& e = golden()["nof1." + name + ".estimate"];
  expect_near_relative(r.estimate, e[0], kValueTolerance, "estimate");
  expect_near_relative(r.standard_error, e[1], kValueTolerance, "standard error");
  expect_near_relative(r.lower, e[2], kValueTolerance, "lower");
  expect_near_relative(r.upper, e[3], kValueTolerance, "upper");
  expect_probability(r.t_p_value, e[4], "paired t p");
  EXPECT_DOUBLE_EQ(r.randomization_p_value, e[5]);
  const auto& lower = golden()["nof1." + name + ".a_lower"];
  const auto& higher = golden()["nof1." + name + ".a_higher"];
  ASSERT_EQ(r.chances.size(), 2U);
  for (std::size_t i = 0; i < 2; ++i) {
    expect_probability(r.chances[i].a_lower, lower[i], "P(A lower)");
    expect_probability(r.chances[i].a_higher, higher[i], "P(A higher)");
  }
}

INSTANTIATE_TEST_SUITE_P(Experiments, GoldenBlockPairs, ::testing::Values("helps", "null3", "harms6"));

}  // namespace
}  // namespace daybreak::analysis
