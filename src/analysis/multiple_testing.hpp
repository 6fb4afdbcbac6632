// Many comparisons at once find something by chance: the Benjamini-Hochberg
// (1995, JRSS B 57:289) adjustment controls the expected share of false findings.
#pragma once

#include <span>
#include <vector>

namespace daybreak::analysis {

// BH-adjusted p-values, in the input order, as R's p.adjust(p, "BH"):
// q(i) = min over j >= i of m/j * p(j) over the sorted p, capped at 1.
// A finding with q <= alpha is kept at false discovery rate alpha.
[[nodiscard]] std::vector<double> benjamini_hochberg(std::span<const double> p);

}  // namespace daybreak::analysis
