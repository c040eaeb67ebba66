// Deterministic exp/log (core/src/detmath.h): within a few ulp of the C library over a grid, and
// the special values. The point of det_* is the same bits in every runtime; this checks they are
// also accurate enough that nothing depends on the difference.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "analytics/detmath.h"  // internal: the functions are checked directly

using namespace leadscore;

namespace {

// Distance in units in the last place between two finite doubles of the same sign.
std::int64_t ulp_distance(double a, double b) {
  if (a == b) return 0;
  std::int64_t ia = 0, ib = 0;
  std::memcpy(&ia, &a, sizeof a);
  std::memcpy(&ib, &b, sizeof b);
  if ((ia < 0) != (ib < 0)) return std::numeric_limits<std::int64_t>::max();
  return ia > ib ? ia - ib : ib - ia;
}

constexpr double kInf = std::numeric_limits<double>::infinity();

}  // namespace

TEST_CASE("det_exp is within 4 ulp of std::exp from -700 to 700", "[detmath]") {
  std::int64_t worst = 0;
  for (int i = -70000; i <= 70000; ++i) {
    const double x = i / 100.0 + 0.001234 * (i % 7);
    worst = std::max(worst, ulp_distance(det_exp(x), std::exp(x)));
  }
  CHECK(worst <= 4);
}

TEST_CASE("det_exp2 is within 4 ulp of std::exp2 from -1000 to 1000", "[detmath]") {
  std::int64_t worst = 0;
  for (int i = -100000; i <= 100000; ++i) {
    const double x = i / 100.0 + 0.000777 * (i % 5);
    worst = std::max(worst, ulp_distance(det_exp2(x), std::exp2(x)));
  }
  CHECK(worst <= 4);
  // Whole powers of two are exact: probability_from_points relies on 2^1 = 2 and 2^-1 = 0.5.
  for (int k = -1000; k <= 1000; ++k) CHECK(det_exp2(k) == std::ldexp(1.0, k));
}

TEST_CASE("det_log is within 4 ulp of std::log from 1e-300 to 1e300", "[detmath]") {
  std::int64_t worst = 0;
  for (double x = 1e-300; x < 1e300; x *= 1.0137) worst = std::max(worst, ulp_distance(det_log(x), std::log(x)));
  for (int i = 1; i <= 100000; ++i) {  // near 1, where log is small and relative error shows
    const double x = 0.5 + i / 66666.0;
    if (x == 1) continue;
    worst = std::max(worst, ulp_distance(det_log(x), std::log(x)));
  }
  CHECK(worst <= 4);
  CHECK(det_log(1) == 0);
  CHECK(det_log(2) == kLn2);
}

TEST_CASE("det_exp, det_exp2 and det_log special values", "[detmath]") {
  CHECK(det_exp(0) == 1);
  CHECK(det_exp2(0) == 1);
  CHECK(det_exp(1000) == kInf);
  CHECK(det_exp(-1000) == 0);
  CHECK(det_exp2(1024) == kInf);
  CHECK(det_exp2(-1100) == 0);
  CHECK(det_exp(kInf) == kInf);
  CHECK(det_exp(-kInf) == 0);
  CHECK(std::isnan(det_exp(std::nan(""))));
  CHECK(std::isnan(det_exp2(std::nan(""))));
  CHECK(det_log(0) == -kInf);
  CHECK(det_log(kInf) == kInf);
  CHECK(std::isnan(det_log(-1)));
  CHECK(std::isnan(det_log(std::nan(""))));
}

TEST_CASE("det_logistic and det_log1p_exp stay finite and accurate at the extremes", "[detmath]") {
  CHECK(det_logistic(0) == 0.5);
  CHECK(det_logistic(800) == 1);
  CHECK(det_logistic(-800) == 0);
  CHECK(det_log1p_exp(800) == 800);
  CHECK(det_log1p_exp(-800) == 0);
  for (double z = -40; z <= 40; z += 0.37) {
    CHECK(det_logistic(z) == Approx(1 / (1 + std::exp(-z))).epsilon(1e-14));
    // log(1 + e^z) rounds 1 + e^z first, so for z < 0 only the absolute error is small; that is
    // what a summed log loss needs.
    CHECK(det_log1p_exp(z) == Approx(std::log1p(std::exp(z))).epsilon(1e-14).margin(1e-15));
  }
}
