// calibrate() with method "ebm" (explainable boosting): what it finds on data made for it, what it
// exports, the option checks, and the acceptance figure on the X Education leads.
#include <catch2/catch.hpp>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "leadscore/calibrate.h"
#include "leadscore/lint.h"
#include "leadscore/model.h"
#include "calibration_support.h"
#include "test_support.h"

using namespace leadscore;

namespace {

// 2,000 leads: Channel (web/partner) and Plan (free/pro) convert well only together (an
// interaction no additive score can express), Visits helps a little above 6 and is sometimes
// missing, Region is noise. Deterministic (a linear congruential generator).
std::string interaction_csv() {
  std::string csv = "Id,Channel,Plan,Visits,Region,Won\n";
  std::uint32_t state = 12345;
  auto next = [&] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  const char* regions[] = {"north", "south", "east", "west"};
  for (int i = 0; i < 2000; ++i) {
    const bool web = next() % 2 == 0, pro = next() % 2 == 0;
    const int visits = static_cast<int>(next() % 13);
    const bool visits_missing = next() % 10 == 0;
    const std::uint32_t chance = (web == pro ? 70 : 15) + (visits > 6 ? 10 : 0);  // in percent
    const bool won = next() % 100 < chance;
    csv += std::to_string(i) + "," + (web ? "web" : "partner") + "," + (pro ? "pro" : "free") + "," +
           (visits_missing ? std::string() : std::to_string(visits)) + "," + regions[next() % 4] + "," +
           (won ? "yes" : "no") + "\n";
  }
  return csv;
}

Calibration calibrate_text(const std::string& csv, const CalibrationOptions& o) {
  std::istringstream in(csv);
  auto c = calibrate(in, o, "history.csv");
  REQUIRE(c);
  return std::move(c).value();
}

CalibrationOptions ebm_options() {
  CalibrationOptions o;
  o.outcome = "Won";
  o.ignore = {"Id"};
  o.method = CalibrationOptions::Method::Ebm;
  return o;
}

}  // namespace

TEST_CASE("ebm: finds the pair no additive score can express and exports it as and-rules", "[calibrate][ebm]") {
  const std::string csv = interaction_csv();
  const Calibration c = calibrate_text(csv, ebm_options());
  REQUIRE(c.fit["method"] == "ebm");
  REQUIRE(c.fit["interactions"].size() >= 1);
  CHECK(c.fit["interactions"][0]["columns"] == Json::array({"Channel", "Plan"}));
  // The pair is what ranks: the shapes alone are near chance on Channel and Plan.
  const Json& m = c.metrics;
  CHECK(m["test_exported"]["auc"].get<double>() > m["test_shapes_only"]["auc"].get<double>() + 0.1);
  CHECK(m["test_exported"]["auc"].get<double>() > m["logistic"]["auc"].get<double>() + 0.1);
  // Rounding to whole points costs next to nothing.
  CHECK(std::abs(m["rounding_auc_cost"].get<double>()) < 0.005);
  CHECK(std::abs(m["test"]["log_loss"].get<double>() - m["test_exported"]["log_loss"].get<double>()) < 0.005);
  // The model is an ordinary one: it loads, lints clean, and a pair rule is an "and" of two columns.
  auto model = Model::from_json(c.model);
  REQUIRE(model);
  CHECK(validate_model(model.value()).empty());
  bool pair_rule = false;
  for (const Json& rule : c.model["rules"]) {
    if (rule["group"] != "pair.channel.plan") continue;
    pair_rule = true;
    CHECK(rule["when"].contains("and"));
    CHECK(rule["when"]["and"].size() == 2);
  }
  CHECK(pair_rule);
  CHECK(c.model["x-calibration"]["options"]["method"] == "ebm");
  CHECK(c.metrics["reliability"].is_array());
  CHECK(c.metrics["calibration_error"].get<double>() < 0.1);

  SECTION("the same input gives the same bytes") {
    const Calibration again = calibrate_text(csv, ebm_options());
    CHECK(dump_json(again.model) == dump_json(c.model));
    CHECK(dump_json(again.fit) == dump_json(c.fit));
    CHECK(dump_json(again.metrics) == dump_json(c.metrics));
  }
  SECTION("interactions 0: shapes only, no pair group") {
    CalibrationOptions o = ebm_options();
    o.interactions = 0;
    const Calibration shapes = calibrate_text(csv, o);
    CHECK(shapes.fit["interactions"].empty());
    for (const Json& group : shapes.model["groups"]) CHECK(group["id"].get<std::string>().rfind("pair", 0) != 0);
    CHECK(shapes.metrics["test"]["auc"] == c.metrics["test_shapes_only"]["auc"]);
  }
}

TEST_CASE("ebm: a numeric column with missing values in a pair keeps the fit's points", "[calibrate][ebm]") {
  // Won depends on Visits > 6 for web leads only; Visits is missing for some leads.
  std::string csv = "Channel,Visits,Won\n";
  std::uint32_t state = 99;
  auto next = [&] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (int i = 0; i < 3000; ++i) {
    const bool web = next() % 2 == 0;
    const int visits = static_cast<int>(next() % 20);
    const bool missing = next() % 8 == 0;
    const std::uint32_t chance = web ? (missing ? 50 : visits > 6 ? 80 : 10) : 40;
    csv += std::string(web ? "web" : "partner") + "," + (missing ? "" : std::to_string(visits)) + "," +
           (next() % 100 < chance ? "1" : "0") + "\n";
  }
  CalibrationOptions o = ebm_options();
  o.ignore.clear();
  const Calibration c = calibrate_text(csv, o);
  REQUIRE(c.fit["interactions"].size() == 1);
  const Json& m = c.metrics;
  // Visits matters for web leads only: no additive score can say so.
  CHECK(m["test_exported"]["auc"].get<double>() > 0.72);
  CHECK(m["test_exported"]["auc"].get<double>() > m["logistic"]["auc"].get<double>() + 0.01);
  CHECK(std::abs(m["rounding_auc_cost"].get<double>()) < 0.005);
  CHECK(std::abs(m["test"]["log_loss"].get<double>() - m["test_exported"]["log_loss"].get<double>()) < 0.005);
  // A missing Visits is a block of its own or shares one: either way the rules name it.
  bool names_missing = false;
  for (const Json& rule : c.model["rules"])
    if (rule["group"] == "pair.channel.visits" && rule["label"].get<std::string>().find("(missing)") != std::string::npos)
      names_missing = true;
  CHECK(names_missing);
}

TEST_CASE("ebm: options are checked where they are read", "[calibrate][ebm]") {
  auto error_at = [](const Json& options) {
    auto o = calibration_options_from_json(options);
    REQUIRE(!o);
    return o.error().path;
  };
  CHECK(error_at(Json{{"outcome", "Won"}, {"method", "gbm"}}) == "/method");
  CHECK(error_at(Json{{"outcome", "Won"}, {"interactions", 51}}) == "/interactions");
  CHECK(error_at(Json{{"outcome", "Won"}, {"shape_bins", 1}}) == "/shape_bins");
  CHECK(error_at(Json{{"outcome", "Won"}, {"rounds", 0}}) == "/rounds");
  CHECK(error_at(Json{{"outcome", "Won"}, {"interaction_rounds", 5001}}) == "/interaction_rounds");
  CHECK(error_at(Json{{"outcome", "Won"}, {"learning_rate", 0}}) == "/learning_rate");
  CHECK(error_at(Json{{"outcome", "Won"}, {"learning_rate", 1.5}}) == "/learning_rate");
  auto ok = calibration_options_from_json(Json{{"outcome", "Won"}, {"method", "ebm"}, {"interactions", 3},
                                               {"shape_bins", 64}, {"rounds", 50}, {"learning_rate", 0.1}});
  REQUIRE(ok);
  CHECK(ok.value().method == CalibrationOptions::Method::Ebm);
  CHECK(ok.value().interactions == 3);
  CHECK(ok.value().shape_bins == 64);
}

TEST_CASE("ebm: too many bins is too_many_features", "[calibrate][ebm]") {
  std::string csv = "Code,Won\n";
  for (int i = 0; i < 400; ++i) csv += "c" + std::to_string(i / 10) + "," + (i % 3 == 0 ? "1" : "0") + "\n";
  CalibrationOptions o = ebm_options();
  o.ignore.clear();
  o.max_features = 20;
  std::istringstream in(csv);
  auto c = calibrate(in, o, "history.csv");
  REQUIRE(!c);
  CHECK(c.error().code == "too_many_features");
}

TEST_CASE("ebm: X Education pre-contact, exported test AUC >= gradient boosting's 0.8961",
          "[calibrate][ebm][xeducation]") {
  const std::string path = test_support::shared_dir() + "/datasets/x-education-leads.csv";
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  CalibrationOptions o = calibration_support::x_education_pre_contact();
  o.test_every = 5;
  o.method = CalibrationOptions::Method::Ebm;
  auto c = calibrate(in, o, "x-education-leads.csv");
  REQUIRE(c);
  const Json& m = c.value().metrics;
  std::cout << "X Education (ebm): test " << m["test"].dump() << ", exported " << m["test_exported"]["auc"]
            << ", shapes only " << m["test_shapes_only"].dump() << ", logistic " << m["logistic"]["auc"] << ", "
            << c.value().model["rules"].size() << " rules\n";
  CHECK(m["test_exported"]["auc"].get<double>() >= 0.8961);
  CHECK(m["test_exported"]["auc"].get<double>() > m["logistic"]["auc"].get<double>());
  CHECK(m["test_exported"]["log_loss"].get<double>() < m["logistic"]["log_loss"].get<double>());
  CHECK(c.value().fit["interactions"].size() == 10);
  // Readable: a few hundred rules, not thousands.
  CHECK(c.value().model["rules"].size() <= 400);
}
