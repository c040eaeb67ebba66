// calibrate() end to end: a small CSV by hand, and the acceptance figures on the X Education
// leads (../shared/datasets/README.md), pre-contact variant, test_every 5, bins mode.
#include <catch2/catch.hpp>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "leadscore/calibrate.h"
#include "leadscore/evaluate.h"
#include "leadscore/lint.h"
#include "leadscore/model.h"
#include "calibration_support.h"
#include "test_support.h"

using namespace leadscore;

TEST_CASE("calibrate: report, fit, model and metrics from one CSV", "[calibrate]") {
  std::string csv = "Id,Source,Visits,Won\n";
  const char* sources[] = {"API", "Form", "Import", ""};
  for (int i = 0; i < 200; ++i) {
    // Form converts most, API some, Import seldom; more visits help a little.
    const int s = i % 4;
    const int visits = (i * 7) % 13;
    const bool won = s == 1 ? (i % 5 != 0) : s == 0 ? (i % 3 == 0) : (s == 3 ? i % 2 == 0 : (i % 11 == 0)) || visits > 10;
    csv += std::to_string(i) + "," + sources[s] + "," + std::to_string(visits) + "," + (won ? "yes" : "no") + "\n";
  }
  std::istringstream in(csv);
  CalibrationOptions o;
  o.outcome = "Won";
  o.ignore = {"Id"};
  auto c = calibrate(in, o, "history.csv");
  REQUIRE(c);
  const Calibration& cal = c.value();
  CHECK(cal.fit["converged"] == true);
  CHECK(cal.model["x-calibration"]["rows"] == Json{{"total", 200}, {"train", 160}, {"test", 40}});
  CHECK(cal.model["x-calibration"]["metrics"] == cal.metrics);
  for (const char* split : {"train", "test", "test_exported"})
    for (const char* key : {"auc", "log_loss", "brier"}) CHECK(cal.metrics[split][key].is_number());
  CHECK(cal.metrics["rounding_auc_cost"].get<double>() ==
        Approx(cal.metrics["test"]["auc"].get<double>() - cal.metrics["test_exported"]["auc"].get<double>()).margin(2e-6));
  auto model = Model::from_json(cal.model);
  REQUIRE(model);
  CHECK(validate_model(model.value()).empty());
  // The same input gives the same bytes.
  std::istringstream again(csv);
  auto c2 = calibrate(again, o, "history.csv");
  REQUIRE(c2);
  CHECK(dump_json(c2.value().model) == dump_json(cal.model));
  CHECK(dump_json(c2.value().fit) == dump_json(cal.fit));

  SECTION("no test set: test metrics are null") {
    std::istringstream in2(csv);
    o.test_every = 0;
    auto c3 = calibrate(in2, o, "history.csv");
    REQUIRE(c3);
    CHECK(c3.value().metrics["test"].is_null());
    CHECK(c3.value().metrics["test_exported"].is_null());
    CHECK(c3.value().metrics["rounding_auc_cost"].is_null());
  }
  SECTION("not_converged warning") {
    std::istringstream in2(csv);
    o.max_iterations = 1;
    auto c3 = calibrate(in2, o, "history.csv");
    REQUIRE(c3);
    bool found = false;
    for (const Json& w : c3.value().warnings) found = found || w["code"] == "not_converged";
    CHECK(found);
  }
}

TEST_CASE("calibrate: X Education pre-contact, exported test AUC >= 0.885", "[calibrate][xeducation]") {
  const std::string path = test_support::shared_dir() + "/datasets/x-education-leads.csv";
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  CalibrationOptions o = calibration_support::x_education_pre_contact();
  o.test_every = 5;
  auto c = calibrate(in, o, "x-education-leads.csv");
  REQUIRE(c);
  const Json& m = c.value().metrics;
  std::cout << "X Education (bins): iterations " << c.value().fit["iterations"] << ", train " << m["train"].dump()
            << ", test " << m["test"].dump() << ", exported " << m["test_exported"].dump() << ", rounding cost "
            << m["rounding_auc_cost"] << "\n";
  CHECK(c.value().fit["converged"] == true);
  CHECK(m["test"]["auc"].get<double>() >= 0.885);
  CHECK(m["test_exported"]["auc"].get<double>() >= 0.885);
  CHECK(m["test_exported"]["log_loss"].get<double>() <= 0.42);
  CHECK(c.value().model["x-calibration"]["rows"] == Json{{"total", 9240}, {"train", 7392}, {"test", 1848}});
}

namespace {

std::vector<std::string> leak_columns(const Calibration& c) {
  std::vector<std::string> out;
  for (const Json& w : c.warnings)
    if (w["code"] == "leak_suspected") out.push_back(w["path"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("calibrate: a column that gives the outcome away is named in a leak_suspected warning", "[calibrate][leak]") {
  // Status is written after the outcome (a leak: AUC 1); Source and Visits are honest, weaker
  // signals; CallSeconds is 0 for a sixth of the leads, none of whom converted (a pure value).
  std::string csv = "Source,Visits,Status,CallSeconds,Won\n";
  const char* sources[] = {"API", "Form", "Import"};
  for (int i = 0; i < 600; ++i) {
    const bool won = (i % 3 == 1 && i % 5 < 2) || (i % 3 != 1 && i % 4 == 0) || (i % 7 == 0 && i % 6 != 5);
    const int seconds = i % 6 == 5 ? 0 : 30 + (i * 37) % 900;
    csv += std::string(sources[i % 3]) + "," + std::to_string((i * 7) % 13) + "," + (won ? "signed" : "lost") + "," +
           std::to_string(won && seconds == 0 ? 1 : seconds) + "," + (won ? "yes" : "no") + "\n";
  }
  CalibrationOptions o;
  o.outcome = "Won";
  std::istringstream in(csv);
  auto c = calibrate(in, o, "history.csv");
  REQUIRE(c);
  CHECK(leak_columns(c.value()) == std::vector<std::string>{"/columns/Status", "/columns/CallSeconds"});
  for (const Json& w : c.value().warnings) {
    if (w["path"] == "/columns/Status" && w["code"] == "leak_suspected")
      CHECK(w["message"].get<std::string>().find("AUC of 1.000") != std::string::npos);
    if (w["path"] == "/columns/CallSeconds" && w["code"] == "leak_suspected")
      CHECK(w["message"].get<std::string>().find("of the training rows that never converted") != std::string::npos);
  }
  // Ignored, a column is neither fitted nor warned about.
  o.ignore = {"Status", "CallSeconds"};
  std::istringstream again(csv);
  auto c2 = calibrate(again, o, "history.csv");
  REQUIRE(c2);
  CHECK(leak_columns(c2.value()).empty());
}

TEST_CASE("calibrate: on X Education only Tags is suspected, not the strong honest columns", "[calibrate][leak][xeducation]") {
  // Tags is filled by sales after contact (../shared/datasets/README.md): AUC 0.923 alone. The
  // strongest pre-contact column, Total Time Spent on Website, is 0.771: under the 0.85 threshold.
  std::ifstream in(test_support::shared_dir() + "/datasets/x-education-leads.csv", std::ios::binary);
  REQUIRE(in.good());
  CalibrationOptions o;
  o.outcome = "Converted";
  o.ignore = {"Prospect ID", "Lead Number"};
  o.test_every = 5;
  auto c = calibrate(in, o, "x-education-leads.csv");
  REQUIRE(c);
  CHECK(leak_columns(c.value()) == std::vector<std::string>{"/columns/Tags"});
}

TEST_CASE("test split: calibrate holds out and evaluate scores the same records, by every, fraction or date",
          "[calibrate][split]") {
  // examples/history: 4,000 leads with created_at from 2026-05 to 2026-11.
  const std::string text = test_support::read_file(test_support::source_dir() + "/examples/history/leads-history.csv");
  struct Case {
    const char* name;
    std::size_t every;
    double fraction;
    const char* from;
  };
  for (const Case& c : {Case{"every 4th", 4, 0, ""}, Case{"a fifth, seed 9", 0, 0.2, ""}, Case{"from September", 0, 0, "2026-09-01"}}) {
    INFO(c.name);
    // The same split options on both: calibrate's and evaluate's option structs.
    auto split = [&c](auto& options) {
      options.outcome = "converted";
      options.date_column = "created_at";
      options.test_every = c.every;
      options.test_fraction = c.fraction;
      options.test_seed = 9;
      options.test_from = c.from;
    };
    CalibrationOptions o;
    split(o);
    o.ignore = {"id", "email", "company"};
    std::istringstream in(text);
    auto calibrated = calibrate(in, o, "leads-history.csv");
    REQUIRE(calibrated);
    const Json& rows = calibrated.value().model["x-calibration"]["rows"];
    const std::size_t test_rows = rows["test"].get<std::size_t>();
    CHECK(test_rows > 400);
    CHECK(test_rows < 2000);
    auto model = Model::from_json(calibrated.value().model);
    REQUIRE(model);
    EvaluationOptions e;
    split(e);
    std::istringstream again(text);
    auto evaluated = evaluate(model.value(), again, e);
    REQUIRE(evaluated);
    // The same rows: evaluate's count and AUC are calibrate's test figures for the exported model.
    CHECK(evaluated.value()["rows"]["scored"] == test_rows);
    CHECK(evaluated.value()["rows"]["split"]["held_out"] == rows["train"]);
    CHECK(evaluated.value()["metrics"]["auc"].get<double>() ==
          Approx(calibrated.value().metrics["test_exported"]["auc"].get<double>()).margin(1e-6));
    if (std::string(c.from).size() > 0) {
      // The time split tests on the latest months only.
      const Json& items = evaluated.value()["periods"]["items"];
      REQUIRE(!items.empty());
      CHECK(items[0]["start"].get<std::string>() >= std::string("2026-08-31"));  // the week of 1 September
    }
  }
  SECTION("bad split options are named") {
    CalibrationOptions o;
    o.outcome = "converted";
    o.test_from = "2026-09-01";
    std::istringstream in(text);
    auto no_date = calibrate(in, o, "x.csv");
    REQUIRE_FALSE(no_date);
    CHECK(no_date.error().path == "/test_from");
    auto bad_fraction = evaluation_options_from_json(Json{{"outcome", "converted"}, {"test_fraction", 1.5}});
    REQUIRE_FALSE(bad_fraction);
    CHECK(bad_fraction.error().path == "/test_fraction");
  }
}
