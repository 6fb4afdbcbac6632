#include "analysis/distributions.hpp"

#include <cmath>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

namespace daybreak::analysis {
namespace {

// Compute in double, as R does, rather than Boost's default promotion to long
// double: golden values then agree to the last few bits.
using Policy = boost::math::policies::policy<boost::math::policies::promote_double<false>>;
using Normal = boost::math::normal_distribution<double, Policy>;
using StudentT = boost::math::students_t_distribution<double, Policy>;

}  // namespace

double normal_quantile(double p) { return boost::math::quantile(Normal{}, p); }

double t_cdf(double t, double df) { return boost::math::cdf(StudentT{df}, t); }

double t_cdf_upper(double t, double df) { return boost::math::cdf(boost::math::complement(StudentT{df}, t)); }

double t_quantile(double p, double df) { return boost::math::quantile(StudentT{df}, p); }

double two_sided_normal_p(double z) { return 2.0 * boost::math::cdf(boost::math::complement(Normal{}, std::fabs(z))); }

double two_sided_t_p(double t, double df) {
  return 2.0 * boost::math::cdf(boost::math::complement(StudentT{df}, std::fabs(t)));
}

}  // namespace daybreak::analysis
