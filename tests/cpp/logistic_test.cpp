// fit_logistic(): the L2 solution checked by an independent gradient, separation, determinism,
// both numeric modes and the design's errors. Histories are built by hand (History is public).
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "calibration_support.h"
#include "leadscore/calibrate.h"

using namespace leadscore;
using namespace calibration_support;

namespace {

// The feature vector of a row, worked out from the Feature descriptions alone (not the design code).
std::vector<double> features_of(const LogisticFit& fit, const History& h, std::size_t row) {
  std::vector<double> x(fit.features.size(), 0.0);
  for (std::size_t j = 0; j < fit.features.size(); ++j) {
    const Feature& f = fit.features[j];
    const HistoryColumn& c = h.columns[f.column];
    if (f.kind == Feature::Kind::Level) {
      for (std::uint32_t code : f.levels) x[j] += c.codes[row] == code ? 1 : 0;
    } else if (f.kind == Feature::Kind::Linear) {
      const double v = std::isnan(c.values[row]) ? f.median : c.values[row];
      x[j] = (v - f.mean) / f.sd;
    } else if (f.missing_bin) {
      x[j] = std::isnan(c.values[row]) ? 1 : 0;
    } else {
      // First bin open below, last open above (they are the column's first and last bins).
      const bool first = j == 0 || fit.features[j - 1].column != f.column;
      const bool last = j + 1 == fit.features.size() || fit.features[j + 1].column != f.column ||
                        fit.features[j + 1].missing_bin;
      const double v = c.values[row];
      x[j] = !std::isnan(v) && (first || v >= f.from) && (last || v < f.to) ? 1 : 0;
    }
  }
  return x;
}

// max |gradient| of sum log loss + l2/2 |w|^2, computed with std::exp.
double independent_gradient_max(const LogisticFit& fit, const History& h, double l2) {
  std::vector<double> g(fit.features.size() + 1, 0.0);
  for (std::size_t row = 0; row < h.rows(); ++row) {
    if (h.is_test[row]) continue;
    const std::vector<double> x = features_of(fit, h, row);
    double z = fit.intercept;
    for (std::size_t j = 0; j < x.size(); ++j) z += fit.weights[j] * x[j];
    const double r = 1 / (1 + std::exp(-z)) - h.outcome[row];
    g[0] += r;
    for (std::size_t j = 0; j < x.size(); ++j) g[j + 1] += r * x[j];
  }
  double worst = std::fabs(g[0]);
  for (std::size_t j = 0; j < fit.weights.size(); ++j) worst = std::max(worst, std::fabs(g[j + 1] + l2 * fit.weights[j]));
  return worst;
}

}  // namespace

TEST_CASE("fit_logistic finds the L2 optimum: an independent gradient is ~0 there", "[logistic]") {
  const History h = small_history();
  CalibrationOptions o;
  o.min_count = 1;  // tiny hand-made data: every level is its own feature
  o.outcome = "Converted";
  o.bins = 3;
  auto fit = fit_logistic(h, o);
  REQUIRE(fit);
  const LogisticFit& f = fit.value();
  CHECK(f.converged);
  CHECK(f.train_rows == 12);
  // Source: (missing), API, Form, Import; Visits: bins (3 edges at most) + (missing).
  REQUIRE(f.features.size() >= 6);
  CHECK(f.features[0].value == "(missing)");
  CHECK(f.features[1].value == "API");
  CHECK(f.features[1].count == 4);
  CHECK(f.features.back().missing_bin);
  CHECK(independent_gradient_max(f, h, o.l2) < 1e-6);
  // Form converts 4 of 4 times, API 1 of 4: Form's weight is the larger.
  CHECK(f.weights[2] > f.weights[1]);
  // The objective history decreases and ends at the final objective.
  REQUIRE(!f.objective_history.empty());
  for (std::size_t i = 1; i < f.objective_history.size(); ++i)
    CHECK(f.objective_history[i] <= f.objective_history[i - 1]);
  CHECK(f.objective_history.back() == f.objective);
  // fit_log_odds is intercept + the active weights.
  const std::vector<double> x = features_of(f, h, 1);
  double z = f.intercept;
  for (std::size_t j = 0; j < x.size(); ++j) z += f.weights[j] * x[j];
  CHECK(fit_log_odds(f, h, 1) == Approx(z).epsilon(1e-15));
}

TEST_CASE("fit_logistic in standardize mode: one linear feature, median for missing", "[logistic]") {
  const History h = small_history();
  CalibrationOptions o;
  o.min_count = 1;  // tiny hand-made data: every level is its own feature
  o.outcome = "Converted";
  o.numeric_mode = CalibrationOptions::NumericMode::Standardize;
  o.l2 = 0.5;
  auto fit = fit_logistic(h, o);
  REQUIRE(fit);
  const Feature& visits = fit.value().features.back();
  REQUIRE(visits.kind == Feature::Kind::Linear);
  // Visits without the missing one: 0 0 1 1 2 2 3 4 5 6 7 -> median 2; imputed sum 33 over 12 rows.
  CHECK(visits.median == 2);
  CHECK(visits.mean == Approx(33.0 / 12));
  // Population sd of the imputed values: sum of squares 149, so var = 151/12 - (33/12)^2.
  CHECK(visits.sd == Approx(std::sqrt(149.0 / 12 - (33.0 / 12) * (33.0 / 12))));
  CHECK(fit.value().converged);
  CHECK(independent_gradient_max(fit.value(), h, o.l2) < 1e-6);
}

TEST_CASE("fit_logistic: perfect separation stays finite and converges", "[logistic]") {
  History h = history_of({categorical("Plan", {"Pro", "Pro", "Pro", "Free", "Free", "Free", "Pro", "Free"})},
                         {1, 1, 1, 0, 0, 0, 1, 0});
  CalibrationOptions o;
  o.min_count = 1;  // tiny hand-made data: every level is its own feature
  o.outcome = "Won";
  auto fit = fit_logistic(h, o);
  REQUIRE(fit);
  CHECK(fit.value().converged);
  for (double w : fit.value().weights) CHECK(std::isfinite(w));
  CHECK(std::fabs(fit.value().weights[0] - fit.value().weights[1]) < 10);
  CHECK(independent_gradient_max(fit.value(), h, o.l2) < 1e-6);
}

TEST_CASE("fit_logistic: a rerun gives bit-identical weights and JSON", "[logistic]") {
  const History h = small_history();
  CalibrationOptions o;
  o.min_count = 1;  // tiny hand-made data: every level is its own feature
  o.outcome = "Converted";
  auto a = fit_logistic(h, o);
  auto b = fit_logistic(h, o);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a.value().intercept == b.value().intercept);
  CHECK(a.value().weights == b.value().weights);
  CHECK(dump_json(fit_json(a.value(), h, o)) == dump_json(fit_json(b.value(), h, o)));
  const Json j = fit_json(a.value(), h, o);
  CHECK(j["converged"] == true);
  CHECK(j["features"][1]["column"] == "Source");
  CHECK(j["features"][1]["weight"] == a.value().weights[1]);
}

TEST_CASE("fit_logistic: test rows, min_count pooling, errors", "[logistic]") {
  History h = small_history();
  CalibrationOptions o;
  o.min_count = 1;  // tiny hand-made data: every level is its own feature
  o.outcome = "Converted";
  SECTION("test rows are left out of the fit") {
    h.is_test[0] = 1;
    auto fit = fit_logistic(h, o);
    REQUIRE(fit);
    CHECK(fit.value().train_rows == 11);
    CHECK(fit.value().features[1].count == 3);  // API without row 0
  }
  SECTION("levels below min_count pool into (other)") {
    o.min_count = 3;  // Import has 2 rows, (missing) is never pooled
    auto fit = fit_logistic(h, o);
    REQUIRE(fit);
    CHECK(fit.value().features[3].value == "(other)");
    CHECK(fit.value().features[3].count == 2);
  }
  SECTION("too_many_features") {
    o.max_features = 3;
    auto fit = fit_logistic(h, o);
    REQUIRE(!fit);
    CHECK(fit.error().code == "too_many_features");
  }
  SECTION("outcome_one_class") {
    h.outcome.assign(h.rows(), 1);
    auto fit = fit_logistic(h, o);
    REQUIRE(!fit);
    CHECK(fit.error().code == "outcome_one_class");
  }
  SECTION("not converged within max_iterations") {
    o.max_iterations = 1;
    auto fit = fit_logistic(h, o);
    REQUIRE(fit);
    CHECK(!fit.value().converged);
    CHECK(fit.value().iterations == 1);
  }
}
