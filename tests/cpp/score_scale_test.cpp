// The exported scale and bands fitted to the training leads (docs/calibration.md, "Scale and
// bands"), on X Education thinned to a low base rate, where the fixed scale fails.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "leadscore/calibrate.h"
#include "calibration_support.h"
#include "test_support.h"

using namespace leadscore;

namespace {

// Every non-converted lead and one converted lead in five: about 11.6 % conversions. The first
// seven columns hold no quoted cell, so the outcome (column 7) is found by splitting on commas.
std::string low_base_rate_csv() {
  std::ifstream in(test_support::shared_dir() + "/datasets/x-education-leads.csv", std::ios::binary);
  REQUIRE(in.good());
  std::string line, out;
  std::getline(in, line);
  out = line + "\n";
  std::size_t converted = 0;
  while (std::getline(in, line)) {
    std::size_t at = 0;
    for (int i = 0; i < 6; ++i) at = line.find(',', at) + 1;
    if (line.compare(at, 2, "1,") == 0 && converted++ % 5 != 0) continue;
    out += line + "\n";
  }
  return out;
}

CalibrationOptions options() { return calibration_support::x_education_pre_contact(); }

Calibration run(const std::string& csv, const CalibrationOptions& o) {
  std::istringstream in(csv);
  auto c = calibrate(in, o, "low.csv");
  REQUIRE(c);
  return std::move(c).value();
}

double share_of(const Json& bands, const char* id) {
  for (const Json& b : bands)
    if (b["id"] == id) return b["share"].get<double>();
  FAIL("no band " << id);
  return 0;
}

}  // namespace

TEST_CASE("scale and bands: a low base rate leaves few leads at 0 and bands of useful sizes", "[calibrate][scale][xeducation]") {
  const std::string csv = low_base_rate_csv();
  const Calibration fitted = run(csv, options());
  const Json& m = fitted.metrics;
  CHECK(m["zero_score_share"].get<double>() <= 0.03);
  CHECK(share_of(m["bands"], "cold") == Approx(0.5).margin(0.08));
  CHECK(share_of(m["bands"], "warm") == Approx(0.3).margin(0.08));
  CHECK(share_of(m["bands"], "hot") == Approx(0.2).margin(0.08));
  // The bands cover 0..100 without a gap, in order.
  const Json& bands = fitted.model["bands"];
  REQUIRE(bands.size() == 3);
  CHECK(bands[0]["from"] == 0);
  CHECK(bands[1]["from"].get<int>() == bands[0]["to"].get<int>() + 1);
  CHECK(bands[2]["from"].get<int>() == bands[1]["to"].get<int>() + 1);
  CHECK(bands[2]["to"] == 100);
  CHECK(fitted.model["x-calibration"]["options"]["scale"] == "training");

  SECTION("the scale of version 0.1 on the same data: most leads at 0, an almost empty hot band") {
    CalibrationOptions o = options();
    o.scale = CalibrationOptions::Scale::Odds;
    o.bands = CalibrationOptions::Bands::Fixed;
    const Calibration fixed = run(csv, o);
    CHECK(fixed.metrics["zero_score_share"].get<double>() > 0.3);
    CHECK(share_of(fixed.metrics["bands"], "hot") < 0.05);
    CHECK(fixed.model["bands"][2]["from"] == 70);
    // Ranking and probabilities do not depend on the scale.
    CHECK(fixed.metrics["test_exported"] == m["test_exported"]);
  }
  SECTION("band shares from sales' capacity: 70 / 20 / 10") {
    CalibrationOptions o = options();
    o.band_shares = {70, 20, 10};
    const Calibration capacity = run(csv, o);
    CHECK(share_of(capacity.metrics["bands"], "hot") == Approx(0.1).margin(0.05));
    CHECK(capacity.model["x-calibration"]["options"]["band_shares"] == Json::array({70, 20, 10}));
  }
}

TEST_CASE("scale and bands: options are checked", "[calibrate][scale]") {
  auto error_at = [](const Json& o) {
    auto r = calibration_options_from_json(o);
    REQUIRE(!r);
    return r.error().path;
  };
  CHECK(error_at(Json{{"outcome", "Won"}, {"scale", "linear"}}) == "/scale");
  CHECK(error_at(Json{{"outcome", "Won"}, {"bands", "thirds"}}) == "/bands");
  CHECK(error_at(Json{{"outcome", "Won"}, {"band_shares", Json::array({50, 50})}}) == "/band_shares");
  CHECK(error_at(Json{{"outcome", "Won"}, {"band_shares", Json::array({50, 30, 19})}}) == "/band_shares");
  CHECK(error_at(Json{{"outcome", "Won"}, {"band_shares", Json::array({0, 80, 20})}}) == "/band_shares");
  auto ok = calibration_options_from_json(Json{{"outcome", "Won"}, {"scale", "odds"}, {"bands", "fixed"},
                                               {"band_shares", Json::array({60, 25, 15})}});
  REQUIRE(ok);
  CHECK(ok.value().scale == CalibrationOptions::Scale::Odds);
  CHECK(ok.value().band_shares == std::vector<double>{60, 25, 15});
}
