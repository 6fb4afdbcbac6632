#include "analysis/multiple_testing.hpp"

#include <algorithm>
#include <numeric>

namespace daybreak::analysis {

std::vector<double> benjamini_hochberg(std::span<const double> p) {
  const std::size_t m = p.size();
  std::vector<std::size_t> order(m);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
  std::vector<double> q(m, 1.0);
  double running = 1.0;
  for (std::size_t r = m; r > 0; --r) {
    const std::size_t i = order[r - 1];
    // m / r first, as R does: for the largest p the factor is exactly 1.
    running = std::min(running, static_cast<double>(m) / static_cast<double>(r) * p[i]);
    q[i] = running;
  }
  return q;
}

}  // namespace daybreak::analysis
