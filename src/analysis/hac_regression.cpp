#include "analysis/hac_regression.hpp"

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

  // Scores x_i u_i, and their Bartlett-weighted cross products over nearby days.
  const Eigen::MatrixXd scores = X.array().colwise() * u.array();
  Eigen::MatrixXd omega = scores.transpose() * scores;
  const double window = static_cast<double>(max_lag) + 1.0;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      const std::int64_t distance = day[j] - day[i];
      if (distance > max_lag) break;
      const double w = 1.0 - static_cast<double>(distance) / window;
      const auto a = scores.row(static_cast<Eigen::Index>(i));
      const auto b = scores.row(static_cast<Eigen::Index>(j));
      omega.noalias() += w * (a.transpose() * b + b.transpose() * a);
    }
  }

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
