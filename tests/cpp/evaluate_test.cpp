// evaluate() through the public API (docs/evaluation.md): every expected number below is computed
// by hand from a 20-row history, with the arithmetic in the comments.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "leadscore/leadscore.h"

using leadscore::EvaluationOptions;
using leadscore::Json;
using leadscore::Model;

namespace {

// tier A = 75 points, B = 50, C = 25, D = 0; scale 0..100, so score = points.
// Bands: cold 0-29 (C, D), warm 30-69 (B), hot 70-100 (A).
std::string tier_model(bool with_probability) {
  std::string text = R"({
    "format_version": 1, "id": "tiers", "version": "1",
    "fields": [{"name": "tier", "type": "string"}],
    "groups": [{"id": "fit"}],
    "rules": [
      {"id": "a", "group": "fit", "points": 75, "when": {"==": [{"var": "tier"}, "A"]}},
      {"id": "b", "group": "fit", "points": 50, "when": {"==": [{"var": "tier"}, "B"]}},
      {"id": "c", "group": "fit", "points": 25, "when": {"==": [{"var": "tier"}, "C"]}}
    ],
    "scale": {"min": 0, "max": 100},
    "bands": [{"id": "cold", "action": "nurture", "from": 0, "to": 29},
              {"id": "warm", "action": "email", "from": 30, "to": 69},
              {"id": "hot", "action": "call", "from": 70, "to": 100}])";
  // p = 1 / (1 + 2^((50 - points) / 25)): A 75 -> 1/(1+0.5) = 0.6667, B 50 -> 0.5,
  // C 25 -> 1/(1+2) = 0.3333, D 0 -> 1/(1+4) = 0.2.
  if (with_probability) text += R"(, "probability": {"even_odds_points": 50, "points_to_double_odds": 25})";
  return text + "}";
}

Model parse(const std::string& text) {
  auto model = Model::parse(text);
  if (!model) FAIL(model.error().code + " " + model.error().path + " " + model.error().message);
  return std::move(model).value();
}

// 20 records (lines 2..21). Per tier: A rows 0,3,7,10,16,19 (won 0,3,10,16: 4 of 6);
// B rows 1,5,8,11,15 (won 5,11: 2 of 5); C rows 2,6,12,14,18 (won 12: 1 of 5); D rows 4,9,13,17
// (won none). Total 20, conversions 7, rate 0.35, 13 negatives.
// ISO weeks: W47 = Mon 2026-11-16..Sun 11-22 (rows 0-6), W48 = 11-23.. (rows 7-9), W49 empty,
// W50 = 12-07..12-13 (rows 10-16), W51 = 12-14.. (rows 17-19).
const char* kHistory =
    "created,tier,won\n"
    "2026-11-16,A,1\n" "2026-11-16,B,0\n" "2026-11-17,C,0\n" "2026-11-18,A,yes\n" "2026-11-19,D,0\n"
    "2026-11-20,B,1\n" "2026-11-22T23:30:00Z,C,No\n" "2026-11-23,A,0\n" "2026-11-24,B,0\n" "2026-11-25,D,0\n"
    "2026-12-07,A,1\n" "2026-12-08,B,1\n" "2026-12-09,C,1\n" "2026-12-10,D,0\n" "2026-12-11,C,0\n"
    "2026-12-12,B,0\n" "2026-12-13,A,Won\n" "2026-12-14,D,0\n" "2026-12-15,C,0\n" "2026-12-16,A,0\n";

Json run(const Model& model, const std::string& csv, const Json& options_json) {
  auto options = leadscore::evaluation_options_from_json(options_json);
  if (!options) FAIL(options.error().code + " " + options.error().path + " " + options.error().message);
  std::istringstream in(csv);
  auto result = leadscore::evaluate(model, in, options.value());
  if (!result) FAIL(result.error().code + " " + result.error().path + " " + result.error().message);
  return result.value();
}

}  // namespace

TEST_CASE("evaluate: AUC with ties, deciles, bands and overall by hand", "[evaluate]") {
  const Json r = run(parse(tier_model(false)), kHistory, {{"outcome", "won"}});
  CHECK(r["rows"] == Json({{"total", 20}, {"scored", 20}, {"errors", 0}}));
  CHECK(r["overall"] == Json({{"count", 20}, {"conversions", 7}, {"rate", 0.35}}));
  CHECK(r["ranking"] == "points");
  // AUC = sum over positives of (negatives below + half the tied negatives) / (7 * 13 = 91):
  // A positives (4): below = B 3 + C 4 + D 4 = 11, tied A negatives 2 -> 12 each -> 48;
  // B positives (2): below = C 4 + D 4 = 8, tied 3 -> 9.5 each -> 19; C positive: D 4 + 4/2 = 6.
  // (48 + 19 + 6) / 91 = 73 / 91 = 0.8021978 -> 0.802198.
  CHECK(r["metrics"]["auc"].get<double>() == Approx(0.802198).margin(1e-9));
  CHECK(r["metrics"]["log_loss"].is_null());
  CHECK(r["metrics"]["brier"].is_null());
  // Sorted by points desc, file order within ties: A 0,3,7,10,16,19 | B 1,5,8,11,15 | C 2,6,12,14,18
  // | D 4,9,13,17. Outcomes: 1,1 | 0,1 | 1,0 | 0,1 | 0,1 | 0,0 | 0,1 | 0,0 | 0,0 | 0,0 (2 per decile).
  const Json& d = r["deciles"];
  REQUIRE(d.size() == 10);
  CHECK(d[0] == Json({{"decile", 1}, {"count", 2}, {"conversions", 2}, {"rate", 1.0}, {"lift", 2.8571},  // 1 / 0.35
                      {"cumulative_conversions", 2}, {"gain", 0.2857},                                   // 2 / 7
                      {"score_min", 75}, {"score_max", 75}, {"mean_probability", nullptr}}));
  CHECK(d[1]["rate"] == 0.5);
  CHECK(d[1]["lift"] == 1.4286);  // 0.5 / 0.35
  CHECK(d[2]["cumulative_conversions"] == 4);
  CHECK(d[2]["gain"] == 0.5714);  // 4 / 7
  CHECK(d[4]["gain"] == 0.8571);  // 6 / 7
  CHECK(d[5]["conversions"] == 0);  // B15 and C2: the decile straddles two scores
  CHECK(d[5]["score_min"] == 25);
  CHECK(d[5]["score_max"] == 50);
  CHECK(d[5]["lift"] == 0.0);
  CHECK(d[6]["cumulative_conversions"] == 7);
  CHECK(d[6]["gain"] == 1.0);
  CHECK(d[9]["score_max"] == 0);
  // Bands: cold = C + D = 9 rows, 1 won: share 0.45, rate 1/9 = 0.1111, lift 1*20/(9*7) = 0.3175;
  // warm = B 5 rows, 2 won: 0.25, 0.4, 2*20/(5*7) = 1.1429; hot = A 6 rows, 4 won: 0.3, 0.6667,
  // 4*20/(6*7) = 1.9048.
  CHECK(r["bands"] == Json::parse(R"([
    {"id": "cold", "label": "cold", "count": 9, "share": 0.45, "conversions": 1, "rate": 0.1111, "lift": 0.3175},
    {"id": "warm", "label": "warm", "count": 5, "share": 0.25, "conversions": 2, "rate": 0.4, "lift": 1.1429},
    {"id": "hot", "label": "hot", "count": 6, "share": 0.3, "conversions": 4, "rate": 0.6667, "lift": 1.9048}])"));
  CHECK(r["periods"].is_null());
  CHECK(r["capacity"].is_null());
  CHECK(r["errors"] == Json::array());
  CHECK(r["warnings"] == Json::array());
  CHECK(r["model"]["id"] == "tiers");
}

TEST_CASE("evaluate: weekly and monthly volumes include empty periods", "[evaluate]") {
  const Model model = parse(tier_model(false));
  const Json w = run(model, kHistory, {{"outcome", "won"}, {"date_column", "created"}});
  // W47 rows 0-6: 7 rows, won 0,3,5 = 3; hot A0,A3 = 2, warm B1,B5 = 2, cold C2,C6,D4 = 3.
  // W48 rows 7-9: A7 B8 D9, none won. W49: empty. W50 rows 10-16: won 10,11,12,16 = 4; hot A10,A16,
  // warm B11,B15, cold C12,C14,D13. W51 rows 17-19: D17 C18 A19, none won.
  CHECK(w["periods"] == Json::parse(R"({"unit": "week", "column": "created", "items": [
    {"period": "2026-W47", "start": "2026-11-16", "count": 7, "conversions": 3, "bands": {"cold": 3, "warm": 2, "hot": 2}},
    {"period": "2026-W48", "start": "2026-11-23", "count": 3, "conversions": 0, "bands": {"cold": 1, "warm": 1, "hot": 1}},
    {"period": "2026-W49", "start": "2026-11-30", "count": 0, "conversions": 0, "bands": {"cold": 0, "warm": 0, "hot": 0}},
    {"period": "2026-W50", "start": "2026-12-07", "count": 7, "conversions": 4, "bands": {"cold": 3, "warm": 2, "hot": 2}},
    {"period": "2026-W51", "start": "2026-12-14", "count": 3, "conversions": 0, "bands": {"cold": 2, "warm": 0, "hot": 1}}]})"));
  const Json m = run(model, kHistory, {{"outcome", "won"}, {"date_column", "created"}, {"period", "month"}});
  // November: rows 0-9 (won 0,3,5); December: rows 10-19 (won 10,11,12,16).
  REQUIRE(m["periods"]["items"].size() == 2);
  CHECK(m["periods"]["items"][0]["period"] == "2026-11");
  CHECK(m["periods"]["items"][0]["start"] == "2026-11-01");
  CHECK(m["periods"]["items"][0]["count"] == 10);
  CHECK(m["periods"]["items"][0]["conversions"] == 3);
  CHECK(m["periods"]["items"][1]["period"] == "2026-12");
  CHECK(m["periods"]["items"][1]["conversions"] == 4);
  // ISO week-numbering year: 2026-12-31 and 2027-01-01 are in 2026-W53 (Monday 12-28); 2027-01-04 opens 2027-W01.
  const Json y = run(model, "created,tier,won\n2026-12-31,A,1\n2027-01-01,B,0\n2027-01-04,C,0\n",
                     {{"outcome", "won"}, {"date_column", "created"}});
  REQUIRE(y["periods"]["items"].size() == 2);
  CHECK(y["periods"]["items"][0]["period"] == "2026-W53");
  CHECK(y["periods"]["items"][0]["start"] == "2026-12-28");
  CHECK(y["periods"]["items"][0]["count"] == 2);
  CHECK(y["periods"]["items"][1]["period"] == "2027-W01");
}

TEST_CASE("evaluate: capacity threshold per week, month, file and percent", "[evaluate]") {
  const Model model = parse(tier_model(false));
  // Scores: 75 x6 (4 won), 50 x5 (2 won), 25 x5 (1 won), 0 x4. Five weeks (W47..W51, W49 empty).
  // 2/week -> at most 2*5 = 10 leads: T = 51..75 gives 6 leads, T = 50 gives 11 > 10, so T = 51;
  // 6 leads, 6/5 = 1.2 per week, 4 won, recall 4/7 = 0.5714, rate 4/6 = 0.6667.
  Json c = run(model, kHistory, {{"outcome", "won"}, {"date_column", "created"}, {"capacity", "2/week"}})["capacity"];
  CHECK(c == Json({{"count", 2}, {"per", "week"}, {"periods", 5}, {"threshold_score", 51}, {"leads", 6},
                   {"leads_per_period", 1.2}, {"conversions", 4}, {"recall", 0.5714}, {"rate", 0.6667},
                   {"allowed_per_table_period", 2}}));
  // 3/week -> 15: T = 26 gives 11 (6 won), T = 25 gives 16 > 15. 11/5 = 2.2; 6/7 = 0.8571; 6/11 = 0.5455.
  c = run(model, kHistory, {{"outcome", "won"}, {"date_column", "created"}, {"capacity", {{"count", 3}, {"per", "week"}}}})["capacity"];
  CHECK(c["threshold_score"] == 26);
  CHECK(c["leads"] == 11);
  CHECK(c["leads_per_period"] == 2.2);
  CHECK(c["recall"] == 0.8571);
  CHECK(c["rate"] == 0.5455);
  // 5/month with a weekly table: two months -> 10 leads -> T = 51 again.
  c = run(model, kHistory, {{"outcome", "won"}, {"date_column", "created"}, {"capacity", "5/month"}})["capacity"];
  CHECK(c["periods"] == 2);
  CHECK(c["threshold_score"] == 51);
  // The plot's line: 2 months x 5 = 10 leads over the table's 5 weeks.
  CHECK(c["allowed_per_table_period"] == 2);
  // 3/week with a monthly table: 5 weeks x 3 = 15 leads over 2 months.
  c = run(model, kHistory, {{"outcome", "won"}, {"date_column", "created"}, {"period", "month"}, {"capacity", "3/week"}})["capacity"];
  CHECK(c["allowed_per_table_period"] == 7.5);
  // 50 % with a weekly table: 10 of the 20 leads over 5 weeks.
  c = run(model, kHistory, {{"outcome", "won"}, {"date_column", "created"}, {"capacity", "50%"}})["capacity"];
  CHECK(c["allowed_per_table_period"] == 2);
  // 300 for the whole file: everyone fits, T = 0.
  c = run(model, kHistory, {{"outcome", "won"}, {"capacity", "300"}})["capacity"];
  CHECK(c["per"] == "all");
  CHECK(c["threshold_score"] == 0);
  CHECK(c["allowed_per_table_period"].is_null());  // no period table to spread it over
  CHECK(c["leads"] == 20);
  // 50 % of 20 rows = 10 -> T = 51.
  c = run(model, kHistory, {{"outcome", "won"}, {"capacity", "50%"}})["capacity"];
  CHECK(c["per"] == "percent");
  CHECK(c["threshold_score"] == 51);
  // 5 for the file: even the 6 leads at 75 are too many; T = 76..100 holds 0 leads, so T = 76.
  c = run(model, kHistory, {{"outcome", "won"}, {"capacity", "5"}})["capacity"];
  CHECK(c["threshold_score"] == 76);
  CHECK(c["leads"] == 0);
  CHECK(c["rate"].is_null());
}

TEST_CASE("evaluate: a probability section gives log loss and Brier", "[evaluate]") {
  const Json r = run(parse(tier_model(true)), kHistory, {{"outcome", "won"}});
  CHECK(r["ranking"] == "probability");
  CHECK(r["metrics"]["auc"].get<double>() == Approx(0.802198).margin(1e-9));  // same order as the points
  // Log loss with the rounded probabilities: -ln 0.6667 = 0.405415, -ln 0.3333 = 1.098712, ln 2 =
  // 0.693147, -ln 0.8 = 0.223144. A: 4*0.405415 + 2*1.098712 = 3.819084; B: 5*0.693147 = 3.465736;
  // C: 1.098712 + 4*0.405415 = 2.720372; D: 4*0.223144 = 0.892574. Sum 10.897766 / 20 = 0.544888.
  CHECK(r["metrics"]["log_loss"].get<double>() == Approx(0.544888).margin(2e-6));
  // Brier: A 4*0.3333^2 + 2*0.6667^2 = 0.444356 + 0.888978 = 1.333333; B 5*0.25 = 1.25;
  // C 0.6667^2 + 4*0.3333^2 = 0.444489 + 0.444356 = 0.888844; D 4*0.04 = 0.16. 3.632178 / 20 = 0.181609.
  CHECK(r["metrics"]["brier"].get<double>() == Approx(0.181609).margin(2e-6));
  CHECK(r["deciles"][0]["mean_probability"] == 0.6667);
  CHECK(r["deciles"][3]["mean_probability"] == 0.5);  // B1, B5
  CHECK(r["deciles"][9]["mean_probability"] == 0.2);
}

TEST_CASE("evaluate: bad outcome, bad date and ragged rows are listed and counted", "[evaluate]") {
  const std::string csv =
      "created,tier,won\n"
      "2026-11-16,A,1\n"          // line 2: scored
      "2026-11-16,B,maybe\n"      // line 3: outcome_invalid
      "2026-13-01,C,0\n"          // line 4: date_invalid (month 13)
      "2026-11-17,C,0,extra\n"    // line 5: csv_ragged_row
      "2026-11-18,D,0\n"          // line 6: scored
      "2026-11-18,D,\n";          // line 7: outcome_invalid (empty)
  const Json r = run(parse(tier_model(false)), csv, {{"outcome", "won"}, {"date_column", "created"}});
  CHECK(r["rows"] == Json({{"total", 6}, {"scored", 2}, {"errors", 4}}));
  REQUIRE(r["errors"].size() == 4);
  CHECK(r["errors"][0]["line"] == 3);
  CHECK(r["errors"][0]["code"] == "outcome_invalid");
  CHECK(r["errors"][1]["line"] == 4);
  CHECK(r["errors"][1]["code"] == "date_invalid");
  CHECK(r["errors"][2]["line"] == 5);
  CHECK(r["errors"][2]["code"] == "csv_ragged_row");
  CHECK(r["errors"][3]["line"] == 7);
  CHECK(r["errors"][3]["code"] == "outcome_invalid");
  CHECK(r["errors"].dump().find("maybe") == std::string::npos);  // never the value
  CHECK(r["errors"].dump().find("2026-13") == std::string::npos);
  CHECK(r["overall"]["count"] == 2);
  CHECK(r["overall"]["conversions"] == 1);
}

TEST_CASE("evaluate: one class gives a null AUC and a warning", "[evaluate]") {
  const Json r = run(parse(tier_model(false)), "tier,won\nA,0\nB,0\nC,no\n", {{"outcome", "won"}});
  CHECK(r["metrics"]["auc"].is_null());
  REQUIRE(r["warnings"].size() == 1);
  CHECK(r["warnings"][0]["code"] == "one_class");
  CHECK(r["overall"]["rate"] == 0.0);
  CHECK(r["deciles"][0]["gain"].is_null());  // no conversions to gain
  CHECK(r["deciles"][0]["count"] == 0);      // 3 rows: deciles 1, 2 are empty (floor(3/10) = 0)
  CHECK(r["deciles"][3]["count"] == 1);      // [floor(3*3/10), floor(4*3/10)) = [0, 1)
}

TEST_CASE("evaluate: a field's column reads a CRM header with spaces", "[evaluate]") {
  const Model model = parse(R"({
    "format_version": 1, "id": "crm", "version": "1",
    "fields": [{"name": "lead_origin", "type": "string", "column": "Lead Origin"}, {"name": "tier", "type": "string"}],
    "groups": [{"id": "fit"}],
    "rules": [{"id": "api", "group": "fit", "points": 60, "when": {"==": [{"var": "lead_origin"}, "API"]}},
              {"id": "a", "group": "fit", "points": 30, "when": {"==": [{"var": "tier"}, "A"]}}],
    "scale": {"min": 0, "max": 100},
    "bands": [{"id": "low", "action": "-", "from": 0, "to": 49}, {"id": "high", "action": "-", "from": 50, "to": 100}]})");
  // API+A = 90, API = 60, A = 30, neither = 0: scores follow the outcome exactly -> AUC 1.
  const Json r = run(model, "Lead Origin,tier,Converted\nAPI,A,1\nAPI,,1\nForm,A,0\nForm,,0\n", {{"outcome", "Converted"}});
  CHECK(r["metrics"]["auc"] == 1.0);
  CHECK(r["bands"][1]["count"] == 2);
  CHECK(r["deciles"][9]["score_max"] == 0);
}

TEST_CASE("evaluate: option and whole-call errors", "[evaluate]") {
  using leadscore::evaluation_options_from_json;
  auto bad = evaluation_options_from_json({{"outcome", "won"}, {"capacity", "200/week"}});
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == "options_invalid");
  CHECK(bad.error().path == "/capacity");
  CHECK(bad.error().message.find("date_column") != std::string::npos);
  CHECK(evaluation_options_from_json({{"outcome", "won"}, {"colour", 1}}).error().path == "/colour");
  CHECK(evaluation_options_from_json({{"outcome", "won"}, {"period", "day"}}).error().path == "/period");
  CHECK(evaluation_options_from_json({{"outcome", "won"}, {"capacity", {{"count", -1}, {"per", "all"}}}}).error().path == "/capacity/count");
  CHECK(evaluation_options_from_json({{"outcome", "won"}, {"now", "yesterday"}}).error().path == "/now");
  CHECK(evaluation_options_from_json(Json::object()).error().path == "/outcome");
  CHECK(leadscore::parse_capacity("200/week").value() == std::make_pair(200.0, std::string("week")));
  CHECK(leadscore::parse_capacity(" 50 / month").value() == std::make_pair(50.0, std::string("month")));
  CHECK(leadscore::parse_capacity("300").value() == std::make_pair(300.0, std::string("all")));
  CHECK(leadscore::parse_capacity("15%").value() == std::make_pair(15.0, std::string("percent")));
  CHECK_FALSE(leadscore::parse_capacity("200/day"));
  CHECK_FALSE(leadscore::parse_capacity("1e3"));
  CHECK_FALSE(leadscore::parse_capacity("120%"));

  const Model model = parse(tier_model(false));
  EvaluationOptions options;
  options.outcome = "won";
  options.capacity_count = 200;  // per week by default, and no date column
  std::istringstream in(kHistory);
  auto r = leadscore::evaluate(model, in, options);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == "options_invalid");
  CHECK(r.error().path == "/capacity");

  options = EvaluationOptions{};
  options.outcome = "closed";
  std::istringstream in2(kHistory);
  r = leadscore::evaluate(model, in2, options);
  CHECK(r.error().code == "column_not_found");
  options.outcome = "won";
  std::istringstream empty("");
  CHECK(leadscore::evaluate(model, empty, options).error().code == "history_empty");
  std::istringstream header_only("tier,won\n");
  CHECK(leadscore::evaluate(model, header_only, options).error().code == "history_empty");
  options.positive = {"1", "0"};
  std::istringstream in3(kHistory);
  CHECK(leadscore::evaluate(model, in3, options).error().path == "/positive");
}

#ifndef LEADSCORE_SANITIZED  // minutes under ASan; the native suite runs it
TEST_CASE("evaluate: a 1,000,000-row stream", "[evaluate][slow]") {
  // Tier by i % 4 (A, B, C, D), won when i % 4 == 0 or i % 8 == 1: A rows all won, half the B rows
  // won, C and D never. Positives: A 250,000 + B 125,000 = 375,000.
  std::string csv = "tier,won\n";
  csv.reserve(6000000);
  const char* tiers = "ABCD";
  for (int i = 0; i < 1000000; ++i) {
    csv += tiers[i % 4];
    csv += (i % 4 == 0 || i % 8 == 1) ? ",1\n" : ",0\n";
  }
  const Json r = run(parse(tier_model(false)), csv, {{"outcome", "won"}});
  CHECK(r["rows"]["scored"] == 1000000);
  CHECK(r["overall"]["conversions"] == 375000);
  // AUC: A positives beat all 625,000 negatives (125,000 B + 250,000 C + 250,000 D): 250,000 *
  // 625,000; B positives beat 500,000 C/D and tie 125,000 B negatives: 125,000 * 562,500.
  // (1.5625e11 + 7.03125e10) / (375,000 * 625,000 = 2.34375e11) = 0.966667.
  CHECK(r["metrics"]["auc"].get<double>() == Approx(0.966667).margin(1e-6));
  CHECK(r["deciles"][0]["rate"] == 1.0);
}
#endif

TEST_CASE("evaluate: the error list is capped, the count is not", "[evaluate]") {
  std::string csv = "tier,won\nA,1\nB,0\n";
  for (int i = 0; i < 150; ++i) csv += "C,perhaps\n";  // lines 4..153
  const Json r = run(parse(tier_model(false)), csv, {{"outcome", "won"}});
  CHECK(r["rows"] == Json({{"total", 152}, {"scored", 2}, {"errors", 150}}));
  REQUIRE(r["errors"].size() == 100);
  CHECK(r["errors"][0]["line"] == 4);
  CHECK(r["errors"][99]["line"] == 103);
  CHECK(r["metrics"]["auc"] == 1.0);  // A (won) above B
}

TEST_CASE("evaluate: dates spanning millennia give no period table but a warning", "[evaluate]") {
  const Json r = run(parse(tier_model(false)), "d,tier,won\n0001-01-01,A,1\n9999-12-31,B,0\n",
                     {{"outcome", "won"}, {"date_column", "d"}, {"capacity", "1/month"}});
  CHECK(r["periods"].is_null());
  REQUIRE(r["warnings"].size() == 1);
  CHECK(r["warnings"][0]["code"] == "too_many_periods");
  // 1/month over 9999 years * 12 = 119,988 months: both leads fit, T = 0.
  CHECK(r["capacity"]["periods"] == 119988);
  CHECK(r["capacity"]["threshold_score"] == 0);
  // Year 0000 is refused (labels keep four-digit years); 0001-01-01 was a Monday: week 0001-W01.
  const Json early = run(parse(tier_model(false)), "d,tier,won\n0000-12-31,A,1\n0001-01-01,B,0\n",
                         {{"outcome", "won"}, {"date_column", "d"}});
  CHECK(early["errors"][0]["code"] == "date_invalid");
  CHECK(early["periods"]["items"][0]["period"] == "0001-W01");
  CHECK(early["periods"]["items"][0]["start"] == "0001-01-01");
}

TEST_CASE("evaluate: a model set scores each lead by its persona, bands from the default", "[evaluate]") {
  // Persona "big" (size >= 100) uses a model where tier A is worth 100 points; the default uses the
  // tier model (A = 75). Bands of the default model: cold 0-29, warm 30-69, hot 70-100.
  const Model set = parse(R"({"format_version": 1, "id": "set", "version": "1",
    "models": {
      "base": {"fields": [{"name": "tier", "type": "string"}, {"name": "size", "type": "integer"}],
               "groups": [{"id": "fit"}],
               "rules": [{"id": "a", "group": "fit", "points": 75, "when": {"==": [{"var": "tier"}, "A"]}}],
               "scale": {"min": 0, "max": 100},
               "bands": [{"id": "cold", "action": "-", "from": 0, "to": 29}, {"id": "warm", "action": "-", "from": 30, "to": 69},
                         {"id": "hot", "action": "-", "from": 70, "to": 100}]},
      "big": {"extends": "base", "rules": [{"id": "a", "group": "fit", "points": 100, "when": {"==": [{"var": "tier"}, "A"]}}]}},
    "personas": [{"id": "big", "model": "big", "when": {">=": [{"var": "lead.size"}, 100]}},
                 {"id": "general", "model": "base"}]})");
  // Scores: A/500 -> 100 (won), A/5 -> 75 (won), B/500 -> 0, B/5 -> 0. Capacity 1 for the file:
  // T = 76..100 holds only the 100 -> T = 76, 1 lead.
  const Json r = run(set, "tier,size,won\nA,500,1\nA,5,1\nB,500,0\nB,5,0\n", {{"outcome", "won"}, {"capacity", "1"}});
  CHECK(r["bands"][2]["count"] == 2);
  CHECK(r["bands"][0]["count"] == 2);
  CHECK(r["deciles"][9]["score_max"] == 0);
  CHECK(r["deciles"][1]["count"] == 0);        // N = 4: decile 2 = [floor(4/10), floor(8/10)) = [0, 0)
  CHECK(r["deciles"][2]["score_max"] == 100);  // decile 3 = [0, floor(12/10) = 1): the persona's 100
  CHECK(r["capacity"]["threshold_score"] == 76);
  CHECK(r["capacity"]["leads"] == 1);
  CHECK(r["metrics"]["auc"] == 1.0);
}
