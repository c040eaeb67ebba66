#include "score/probability.h"

#include <algorithm>
#include <cmath>

#include "analytics/detmath.h"

namespace leadscore::model_detail {

std::optional<ProbabilitySpec> read_probability(Reader& r, const Json& section) {
  const std::string p = "/probability";
  if (!r.expect_object(section, p, "\"probability\"")) return std::nullopt;
  r.only_keys(section, p, {"even_odds_points", "points_to_double_odds"});
  ProbabilitySpec spec;
  if (auto even = r.points(section, p, "even_odds_points", true)) spec.even_odds_points = *even;
  if (auto pdo = r.points(section, p, "points_to_double_odds", true)) {
    if (*pdo <= 0 && !r.failed())
      r.fail("out_of_range", p + "/points_to_double_odds", "\"points_to_double_odds\" must be above 0");
    spec.points_to_double_odds = *pdo;
  }
  if (r.failed()) return std::nullopt;
  return spec;
}

}  // namespace leadscore::model_detail

namespace leadscore {

double probability_from_points(const ProbabilitySpec& spec, Centipoints points) {
  // Both are integer centipoints, so the exponent is one correctly rounded division.
  const double exponent = static_cast<double>(spec.even_odds_points - points) /
                          static_cast<double>(spec.points_to_double_odds);
  const double p = 1.0 / (1.0 + det_exp2(exponent));
  const double rounded = std::floor(p * 10000 + 0.5) / 10000;
  return std::min(std::max(rounded, 0.0001), 0.9999);
}

}  // namespace leadscore
