#include "analytics/detmath.h"

#include <cmath>
#include <limits>

namespace leadscore {

namespace {
// ln 2 split so that k * kLn2Hi is exact for |k| < 2^11 (Cody and Waite's range reduction).
constexpr double kLn2Hi = 6.93147180369123816490e-01;
constexpr double kLn2Lo = 1.90821492927058770002e-10;
constexpr double kLog2e = 1.4426950408889634;

// e^r for |r| <= ln2/2 by its Taylor series to r^13/13! (error below 2^-60 relative), Horner form.
double exp_reduced(double r) {
  double sum = 1.0 / 6227020800.0;  // 1/13!
  const double inverse_factorials[] = {1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0,
                                       1.0 / 362880.0,    1.0 / 40320.0,    1.0 / 5040.0,
                                       1.0 / 720.0,       1.0 / 120.0,      1.0 / 24.0,
                                       1.0 / 6.0,         0.5,              1.0,
                                       1.0};
  for (double c : inverse_factorials) sum = sum * r + c;
  return sum;
}
}  // namespace

double det_exp(double x) {
  if (std::isnan(x)) return x;
  if (x > 709.7) return std::numeric_limits<double>::infinity();
  if (x < -745.2) return 0.0;
  const double k = std::floor(x * kLog2e + 0.5);
  const double r = (x - k * kLn2Hi) - k * kLn2Lo;
  return std::ldexp(exp_reduced(r), static_cast<int>(k));
}

double det_exp2(double x) {
  if (std::isnan(x)) return x;
  if (x >= 1024) return std::numeric_limits<double>::infinity();
  if (x < -1075) return 0.0;
  const double k = std::floor(x + 0.5);
  const double f = x - k;  // exact, |f| <= 1/2
  // 2^f = e^(f ln2); f * ln2 split in two so the reduced argument keeps full precision.
  const double r = f * kLn2Hi + f * kLn2Lo;
  return std::ldexp(exp_reduced(r), static_cast<int>(k));
}

double det_log(double x) {
  if (std::isnan(x) || x < 0) return std::numeric_limits<double>::quiet_NaN();
  if (x == 0) return -std::numeric_limits<double>::infinity();
  if (std::isinf(x)) return x;
  int e = 0;
  double m = std::frexp(x, &e);  // x = m * 2^e, m in [0.5, 1)
  if (m < 0.7071067811865476) {  // keep m in [sqrt(1/2), sqrt(2)) so s below stays small
    m *= 2;
    e -= 1;
  }
  // log m = 2 atanh(s) with s = (m-1)/(m+1), |s| < 0.1716: series to s^31 (error < 2^-60).
  const double s = (m - 1) / (m + 1);
  const double s2 = s * s;
  double sum = 1.0 / 31;
  for (int n = 29; n >= 1; n -= 2) sum = sum * s2 + 1.0 / n;
  const double log_m = 2 * s * sum;
  return e * kLn2Hi + (e * kLn2Lo + log_m);
}

double det_logistic(double z) {
  if (z >= 0) return 1.0 / (1.0 + det_exp(-z));
  const double e = det_exp(z);
  return e / (1.0 + e);
}

double det_log1p_exp(double z) {
  if (z > 36) return z + det_exp(-z);  // log(1+e^z) = z + log(1+e^-z), e^-z below 2^-52
  if (z < -36) return det_exp(z);
  return det_log(1.0 + det_exp(z));
}

}  // namespace leadscore
