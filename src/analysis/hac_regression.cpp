#include "analysis/hac_regression.hpp"

#include <algorithm>
#include <cmath>

#include <Eigen/Dense>

#include "analysis/distributions.hpp"

namespace daybreak::analysis {

std::optional<Regression> hac_regression(std::span<const double> x, std::size_t k, std::span<const double> y,
                                         std::span<const std::int64_t> day, int max_lag) {
  const std::size_t n = y.size();
  if (k == 0 || n <= k || x.size() != n * k || day.size() != n) return std::nullopt;
  const auto rows = static_cast<Eigen::Index>(n);
  const auto cols = static_cast<Eigen::Index>(k);
  const Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>> X(x.data(), rows,
                                                                                                   cols);
  const Eigen::Map<const Eigen::VectorXd> Y(y.data(), rows);

  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(X);
  if (qr.rank() < cols) return std::nullopt;
  const Eigen::VectorXd beta = qr.solve(Y);
  const Eigen::VectorXd u = Y - X * beta;

  // Scores x_i u_i, summed by calendar day into a dense day-by-column matrix S:
  // a day without rows is a zero row, so a gap in the diary is a gap, and rows
  // of the same day are at distance 0, weight 1. With Bartlett weights w(l),
  //   omega = sum_d S_d S_d' + sum over l = 1..max_lag of w(l) sum_d (S_d S_(d+l)' + S_(d+l) S_d')
  //         = S'S + S'T + T'S,  where T_d = sum over l = 1..max_lag of w(l) S_(d+l):
  // T is a weighted moving sum (cheap), and the lags cost one matrix product.
  const auto [first_day, last_day] = std::minmax_element(day.begin(), day.end());
  const auto span = static_cast<Eigen::Index>(*last_day - *first_day + 1);
  Eigen::MatrixXd sums = Eigen::MatrixXd::Zero(span, cols);
  for (Eigen::Index i = 0; i < rows; ++i) {
    sums.row(static_cast<Eigen::Index>(day[static_cast<std::size_t>(i)] - *first_day)) += u(i) * X.row(i);
  }
  Eigen::MatrixXd ahead = Eigen::MatrixXd::Zero(span, cols);
  const double window = static_cast<double>(max_lag) + 1.0;
  for (Eigen::Index lag = 1; lag <= max_lag && lag < span; ++lag) {
    ahead.topRows(span - lag) += (1.0 - static_cast<double>(lag) / window) * sums.bottomRows(span - lag);
  }
  const Eigen::MatrixXd cross = sums.transpose() * ahead;
  const Eigen::MatrixXd omega = sums.transpose() * sums + cross + cross.transpose();

  const Eigen::MatrixXd bread = (X.transpose() * X).inverse();
  const Eigen::MatrixXd covariance = bread * omega * bread * (static_cast<double>(n) / static_cast<double>(n - k));

  Regression fit;
  fit.n = n;
  fit.df = static_cast<double>(n - k);
  fit.max_lag = max_lag;
  for (Eigen::Index j = 0; j < cols; ++j) {
    fit.coefficients.push_back(beta(j));
    fit.standard_errors.push_back(std::sqrt(std::max(0.0, covariance(j, j))));
  }
  return fit;
}

int newey_west_lag(std::size_t n) {
  return static_cast<int>(std::floor(4.0 * std::pow(static_cast<double>(n) / 100.0, 2.0 / 9.0)));
}

Estimate coefficient(const Regression& fit, std::size_t j, double level) {
  Estimate e;
  e.value = fit.coefficients.at(j);
  e.standard_error = fit.standard_errors.at(j);
  e.df = fit.df;
  if (e.standard_error <= 0.0) {
    e.lower = e.upper = e.value;
    e.p_value = e.value == 0.0 ? 1.0 : 0.0;
    return e;
  }
  const double half = t_quantile((1.0 + level) / 2.0, fit.df) * e.standard_error;
  e.lower = e.value - half;
  e.upper = e.value + half;
  e.p_value = two_sided_t_p(e.value / e.standard_error, fit.df);
  return e;
}

}  // namespace daybreak::analysis
