// export_scorecard(): the exported document is an ordinary model (parses, lints clean), its rules
// read right, points follow round((w - w_ref) * PDO / ln 2), and a scored lead's probability is
// 1 / (1 + 2^((even - points) / PDO)).
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "calibration_support.h"
#include "leadscore/calibrate.h"
#include "leadscore/lint.h"
#include "leadscore/model.h"
#include "leadscore/score.h"

using namespace leadscore;
using namespace calibration_support;

namespace {

struct Exported {
  LogisticFit fit;
  Json document;
};

Exported fit_and_export(const History& h, CalibrationOptions o) {
  o.outcome = "Converted";
  auto fit = fit_logistic(h, o);
  REQUIRE(fit);
  auto model = export_scorecard(fit.value(), h, o, "/home/someone/exports/leads.csv");
  REQUIRE(model);
  return {fit.value(), model.value()};
}

const Json* rule_labelled(const Json& document, const std::string& label) {
  for (const Json& rule : document["rules"])
    if (rule["label"] == label) return &rule;
  return nullptr;
}

double round4(double p) { return std::floor(p * 10000 + 0.5) / 10000; }

}  // namespace

TEST_CASE("export_scorecard: a model that loads, lints clean and reads its columns", "[scorecard]") {
  CalibrationOptions o;
  o.min_count = 1;  // tiny hand-made data: every level is its own feature
  o.bins = 3;
  const Exported e = fit_and_export(small_history(), o);
  const Json& d = e.document;
  auto model = Model::from_json(d);
  REQUIRE(model);
  for (const LintFinding& finding : validate_model(model.value())) CHECK(finding.severity != "warning");

  REQUIRE(d["fields"].size() == 2);
  CHECK(d["fields"][0] == Json{{"name", "source"}, {"label", "Source"}, {"column", "Source"}, {"type", "string"}});
  CHECK(d["fields"][1]["type"] == "number");
  CHECK(d["groups"][0] == Json{{"id", "source"}, {"label", "Source"}});
  CHECK(d["description"].get<std::string>().find("leads.csv") != std::string::npos);
  CHECK(d["description"].get<std::string>().find("/home") == std::string::npos);
  CHECK(d["x-calibration"]["rows"] == Json{{"total", 12}, {"train", 12}, {"test", 0}});
  CHECK(d["bands"][1] == Json{{"id", "warm"}, {"label", "Warm"}, {"action", "review"}, {"from", 30}, {"to", 69}});

  // Source: (missing) 2, API 4, Form 4, Import 2 rows: the reference is API (first of the most
  // frequent), so API has no rule and Form's points are relative to it.
  const double factor = 20 / std::log(2.0);
  const std::vector<double>& w = e.fit.weights;  // (missing), API, Form, Import, then Visits bins
  CHECK(rule_labelled(d, "Source: API") == nullptr);
  const Json* form = rule_labelled(d, "Source: Form");
  REQUIRE(form != nullptr);
  CHECK((*form)["points"] == std::round((w[2] - w[1]) * factor));
  CHECK((*form)["when"] == Json::parse(R"({"==": [{"var": "source"}, "Form"]})"));
  CHECK((*form)["group"] == "source");
  const Json* missing = rule_labelled(d, "Source: (missing)");
  REQUIRE(missing != nullptr);
  CHECK((*missing)["points"] == std::round((w[0] - w[1]) * factor));
  CHECK((*missing)["when"] == Json::parse(R"({"missing": ["source"]})"));
  const Json* other = rule_labelled(d, "Source: (other)");  // no training row: the fit adds 0
  REQUIRE(other != nullptr);
  CHECK((*other)["points"] == std::round((0 - w[1]) * factor));

  // even_odds_points = -round((intercept + reference weights) * factor); the scale puts p = 5 % at
  // 0 and p = 95 % at 100: even -/+ 20 * log2(19).
  double reference = e.fit.intercept + w[1];
  std::size_t best = 4;
  for (std::size_t j = 4; j < e.fit.features.size(); ++j)
    if (e.fit.features[j].count > e.fit.features[best].count) best = j;
  reference += w[best];
  const double even = -std::round(reference * factor);
  CHECK(d["probability"] == Json{{"even_odds_points", even}, {"points_to_double_odds", 20}});
  CHECK(d["scale"]["min"] == std::round(even - 20 * std::log2(19.0)));
  CHECK(d["scale"]["max"] == std::round(even + 20 * std::log2(19.0)));
}

TEST_CASE("export_scorecard: a lead keyed by the CSV headers gets the fit's probability", "[scorecard]") {
  CalibrationOptions o;
  o.min_count = 1;  // tiny hand-made data: every level is its own feature
  o.bins = 3;
  const History h = small_history();
  const Exported e = fit_and_export(h, o);
  auto model = Model::from_json(e.document);
  REQUIRE(model);
  ScoreOptions so;
  so.now = "1970-01-01T00:00:00Z";
  // Row 1 of the history: Form, 5 visits.
  auto result = score(model.value(), Json{{"Source", "Form"}, {"Visits", "5"}}, so);
  REQUIRE(result);
  const Json& r = result.value();
  const double points = r["points"].get<double>();
  const double even = e.document["probability"]["even_odds_points"].get<double>();
  CHECK(r["probability"].get<double>() == Approx(round4(1 / (1 + std::pow(2.0, (even - points) / 20)))).margin(1e-12));
  // Rounding each rule to whole points moves the log-odds by at most 0.5 point per column and
  // 0.5 for even_odds_points: 1.5 points = 1.5 * ln2 / 20.
  const double exported_log_odds = (points - even) * std::log(2.0) / 20;
  CHECK(std::fabs(exported_log_odds - fit_log_odds(e.fit, h, 1)) <= 1.5 * std::log(2.0) / 20 + 1e-12);
}

TEST_CASE("export_scorecard: standardize mode, field names from awkward headers", "[scorecard]") {
  History h = small_history();
  h.columns[0].name = "2nd Source!";
  h.columns.push_back(h.columns[0]);
  h.columns.back().name = "2nd source";
  CalibrationOptions o;
  o.min_count = 1;  // tiny hand-made data: every level is its own feature
  o.numeric_mode = CalibrationOptions::NumericMode::Standardize;
  const Exported e = fit_and_export(h, o);
  const Json& d = e.document;
  auto model = Model::from_json(d);
  REQUIRE(model);
  CHECK(d["fields"][0]["name"] == "_2nd_source");
  CHECK(d["fields"][0]["column"] == "2nd Source!");
  CHECK(d["fields"][1]["name"] == "visits");
  CHECK(d["fields"][2]["name"] == "_2nd_source_2");
  // Visits in 20 quantile bins: every training value lands in exactly one bin rule or the reference.
  ScoreOptions so;
  so.now = "1970-01-01T00:00:00Z";
  for (double v : {0.0, 1.0, 2.5, 7.0, 100.0, -3.0}) {
    auto result = score(model.value(), Json{{"Visits", v}}, so);
    REQUIRE(result);
    std::size_t visit_rules = 0;
    for (const Json& c : result.value()["contributions"])
      if (c.value("group", "") == "visits") ++visit_rules;
    CHECK(visit_rules <= 1);
  }
}

TEST_CASE("export_scorecard: points_to_double_odds must be above 0", "[scorecard]") {
  const History h = small_history();
  CalibrationOptions o;
  o.min_count = 1;  // tiny hand-made data: every level is its own feature
  o.outcome = "Converted";
  auto fit = fit_logistic(h, o);
  REQUIRE(fit);
  o.points_to_double_odds = 0;
  auto model = export_scorecard(fit.value(), h, o, "x.csv");
  REQUIRE(!model);
  CHECK(model.error().path == "/points_to_double_odds");
}
