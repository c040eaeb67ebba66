// close_rate_report(): seed-003 points, shrinkage, Wilson intervals, quantile bins and the X
// Education Lead Origin rates. Expected numbers are worked out by hand in the comments.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <sstream>

#include "leadscore/calibrate.h"
#include "test_support.h"

using namespace leadscore;

namespace {

// 100 training rows: A x20 (8 converted = 40 %), B x80 (7 converted); overall 15/100 = 15 %.
// Plus 10 test rows, all A and converted, which the report must leave out.
History seed_003() {
  History h;
  HistoryColumn c;
  c.name = "source";
  c.levels = {"(missing)", "A", "B"};
  for (int i = 0; i < 110; ++i) {
    const bool test = i >= 100;
    const bool a = test || i < 20;
    c.codes.push_back(a ? 1 : 2);
    h.outcome.push_back(test || (a ? i < 8 : i < 27) ? 1 : 0);
    h.is_test.push_back(test ? 1 : 0);
    h.lines.push_back(static_cast<std::size_t>(i) + 2);
  }
  h.columns.push_back(c);
  return h;
}

const Json& value(const Json& report, const std::string& column, const std::string& v) {
  for (const auto& c : report["columns"])
    if (c["name"] == column)
      for (const auto& x : c["values"])
        if (x["value"] == v) return x;
  FAIL("no value " << v << " in " << column);
  static Json none;
  return none;
}

}  // namespace

TEST_CASE("close rate: seed 003, 40 % against 15 % is 25 points without shrinkage", "[close_rate]") {
  CalibrationOptions o;
  o.prior_strength = 0;
  const Json r = close_rate_report(seed_003(), o);
  CHECK(r["rows"] == Json{{"total", 110}, {"train", 100}, {"test", 10}});
  CHECK(r["overall"] == Json{{"count", 100}, {"conversions", 15}, {"rate", 0.15}});
  CHECK(r["method"]["interval"] == "wilson");
  const Json& values = r["columns"][0]["values"];
  REQUIRE(values.size() == 2);
  CHECK(values[0]["value"] == "B");  // count 80 before count 20
  const Json& a = values[1];
  CHECK(a["count"] == 20);
  CHECK(a["conversions"] == 8);
  CHECK(a["rate"] == 0.4);
  CHECK(a["lift"] == 2.6667);  // 0.4 / 0.15
  CHECK(a["points"] == 25);    // (0.40 - 0.15) * 100
  CHECK(values[0]["points"] == -6);  // (7/80 - 0.15) * 100 = -6.25
  o.points_per_percentage_point = 2;
  CHECK(value(close_rate_report(seed_003(), o), "source", "A")["points"] == 50);
}

TEST_CASE("close rate: shrinkage pulls small groups to the overall rate", "[close_rate]") {
  CalibrationOptions o;
  o.prior_strength = 10;
  const Json r = close_rate_report(seed_003(), o);
  // A: (8 + 10 * 0.15) / (20 + 10) = 9.5 / 30 = 0.31667 -> (0.31667 - 0.15) * 100 = 16.67 -> 17
  CHECK(value(r, "source", "A")["shrunk_rate"] == 0.3167);
  CHECK(value(r, "source", "A")["points"] == 17);
  // B: (7 + 1.5) / 90 = 0.09444 -> -5.56 -> -6
  CHECK(value(r, "source", "B")["shrunk_rate"] == 0.0944);
  CHECK(value(r, "source", "B")["points"] == -6);
}

TEST_CASE("close rate: Wilson 95 % interval and significance", "[close_rate]") {
  const Json r = close_rate_report(seed_003(), CalibrationOptions{});
  // 8 of 20, z = 1.96: centre (0.4 + z^2/40) / (1 + z^2/20) = 0.49604 / 1.19207 = 0.41611,
  // half-width z * sqrt(0.24/20 + z^2/1600) / 1.19207 = 0.19731 -> [0.2188, 0.6134]
  const Json& a = value(r, "source", "A");
  CHECK(a["ci_low"] == 0.2188);
  CHECK(a["ci_high"] == 0.6134);
  CHECK(a["significant"] == true);  // 0.15 < 0.2188
  // 7 of 80: [0.0430, 0.1698] contains 0.15
  const Json& b = value(r, "source", "B");
  CHECK(b["ci_low"] == 0.043);
  CHECK(b["ci_high"] == 0.1698);
  CHECK(b["significant"] == false);
}

TEST_CASE("close rate: numeric columns by quantile bins, missing last, duplicates merged", "[close_rate]") {
  History h;
  HistoryColumn n, d;
  n.name = "n";
  n.kind = d.kind = HistoryColumn::Kind::Numeric;
  d.name = "d";
  // n: 1..20 and one NaN. bins 4 over 20 values: positions 5, 10, 15 -> edges 6, 11, 16.
  // d: eight 0s, then 1, 2, and the rest 2. bins 5 over 21 values: positions 4, 8, 12, 16 -> 0, 1, 2, 2;
  // 0 is the minimum (dropped) -> edges 1, 2 -> [0, 1) x8, [1, 2) x1, [2, 2] x12.
  for (int i = 0; i < 21; ++i) {
    n.values.push_back(i < 20 ? i + 1 : std::nan(""));
    d.values.push_back(i < 8 ? 0 : i == 8 ? 1 : 2);
    h.outcome.push_back(i % 2);
    h.is_test.push_back(0);
  }
  h.columns = {n, d};
  CalibrationOptions o;
  o.bins = 4;
  Json r = close_rate_report(h, o);
  const Json& nv = r["columns"][0]["values"];
  REQUIRE(nv.size() == 5);
  CHECK(nv[0]["value"] == "[1, 6)");
  CHECK(nv[0]["from"] == 1);
  CHECK(nv[0]["to"] == 6);
  CHECK(nv[0]["count"] == 5);
  CHECK(nv[1]["value"] == "[6, 11)");  // equal counts: bin order
  CHECK(nv[3]["value"] == "[16, 20]");
  CHECK(nv[4]["value"] == "(missing)");
  CHECK(nv[4]["count"] == 1);
  CHECK(r["columns"][0]["kind"] == "numeric");
  o.bins = 5;
  r = close_rate_report(h, o);
  const Json& dv = r["columns"][1]["values"];
  REQUIRE(dv.size() == 3);
  // Bins are listed in value order, whatever their counts.
  CHECK(dv[0]["value"] == "[0, 1)");
  CHECK(dv[1]["value"] == "[1, 2)");
  CHECK(dv[2]["value"] == "[2, 2]");
  CHECK(dv[2]["count"] == 12);
}

TEST_CASE("close rate: X Education Lead Origin matches the dataset README", "[close_rate]") {
  std::ifstream in(test_support::shared_dir() + "/datasets/x-education-leads.csv", std::ios::binary);
  REQUIRE(in.good());
  CalibrationOptions o;
  o.outcome = "Converted";
  o.test_every = 0;  // the README's rates are over all 9240 rows
  o.columns = {"Lead Origin"};
  auto h = read_history(in, o);
  REQUIRE(h);
  const Json r = close_rate_report(h.value(), o);
  CHECK(r["overall"]["count"] == 9240);
  CHECK(r["overall"]["conversions"] == 3561);
  CHECK(r["overall"]["rate"] == 0.3854);
  // README rates to 3 decimals; conversions counted with Python's csv module. (The README's API
  // 0.312 is 1115/3580 = 0.31145 rounded twice, hence the 0.001 tolerance.)
  const std::tuple<const char*, int, int, double> readme[] = {{"Lead Add Form", 718, 664, 0.925},
                                                              {"Landing Page Submission", 4886, 1768, 0.362},
                                                              {"API", 3580, 1115, 0.312},
                                                              {"Lead Import", 55, 13, 0.236}};
  for (const auto& [name, count, conversions, rate] : readme) {
    INFO(name);
    const Json& v = value(r, "Lead Origin", name);
    CHECK(v["count"] == count);
    CHECK(v["conversions"] == conversions);
    CHECK(std::fabs(v["rate"].get<double>() - rate) <= 0.001);
  }
  CHECK(value(r, "Lead Origin", "Lead Add Form")["rate"] == 0.9248);  // 664 / 718 = 0.924791
  CHECK(r["columns"][0]["values"][0]["value"] == "Landing Page Submission");
  CHECK(value(r, "Lead Origin", "Lead Add Form")["significant"] == true);
}
