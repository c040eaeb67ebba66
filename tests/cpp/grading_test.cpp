// Grading through the public C++ API (Model::parse, score): the letters, the Pardot criteria
// arithmetic against an independent reference over shuffled criteria, unknown criteria, fit bands,
// and model errors by pointer. The golden vectors 300-339 pin the boundaries; these tests cover
// what vectors cannot (permutations, many criteria, what a message may contain).
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "leadscore/leadscore.h"

using leadscore::Json;

namespace {

const char* kNow = "2026-11-23T10:00:00Z";

// A model with boolean fields f0..f7 and the given grading section.
Json model_with(const Json& grading) {
  Json fields = Json::array();
  for (int i = 0; i < 8; ++i) fields.push_back({{"name", "f" + std::to_string(i)}, {"type", "boolean"}});
  fields.push_back({{"name", "industry"}, {"type", "string"}});
  return {{"format_version", 1}, {"id", "g"}, {"version", "1"}, {"fields", fields}, {"groups", {{{"id", "g"}}}},
          {"rules", Json::array()}, {"scale", {{"min", 0}, {"max", 100}}},
          {"bands", {{{"id", "all"}, {"action", "none"}, {"from", 0}, {"to", 100}}}}, {"grading", grading}};
}

leadscore::Expected<leadscore::Model> parse(const Json& grading) { return leadscore::Model::from_json(model_with(grading)); }

Json grade_of(const leadscore::Model& m, const Json& lead) {
  auto r = leadscore::score(m, lead, leadscore::ScoreOptions{kNow});
  REQUIRE(r);
  return r.value()["grade"];
}

void require_error(const Json& grading, const std::string& code, const std::string& path) {
  auto m = parse(grading);
  REQUIRE_FALSE(m);
  CHECK(m.error().code == code);
  CHECK(m.error().path == path);
}

}  // namespace

TEST_CASE("grading: the 13 letters and their ranks round-trip", "[grading]") {
  const std::vector<std::string> letters = {"F", "D-", "D", "D+", "C-", "C", "C+", "B-", "B", "B+", "A-", "A", "A+"};
  for (int rank = 0; rank < 13; ++rank) {
    CHECK(leadscore::grade_letter(rank) == letters[rank]);
    CHECK(leadscore::parse_grade(letters[rank]) == rank);
  }
  CHECK(std::string(leadscore::grade_letter(-1)) == "?");
  CHECK(std::string(leadscore::grade_letter(13)) == "?");
  for (const char* bad : {"", "a", "A++", "E", " A", "A+ ", "b-"}) CHECK_FALSE(leadscore::parse_grade(bad));
}

TEST_CASE("grading: the grade is clamp(start + sum of thirds) in every criterion order", "[grading]") {
  std::mt19937 rng(20261123);
  for (int round = 0; round < 200; ++round) {
    const int start = static_cast<int>(rng() % 13);
    const std::size_t n = 1 + rng() % 8;
    Json criteria = Json::array();
    Json lead = Json::object();
    int expected = start;  // the reference: unknowns add 0, matches +w, misses -w; one clamp
    for (std::size_t i = 0; i < n; ++i) {
      const int weight = 1 + static_cast<int>(rng() % 3);
      const std::string f = "f" + std::to_string(i);
      criteria.push_back({{"id", "c" + std::to_string(i)}, {"weight", weight}, {"when", {{"var", f}}}});
      switch (rng() % 3) {
        case 0: lead[f] = true; expected += weight; break;
        case 1: lead[f] = "no"; expected -= weight; break;
        default: break;  // absent: unknown
      }
    }
    const int clamped = std::clamp(expected, 0, 12);
    for (int shuffle = 0; shuffle < 3; ++shuffle) {
      std::shuffle(criteria.begin(), criteria.end(), rng);
      auto m = parse({{"start", leadscore::grade_letter(start)}, {"criteria", criteria}});
      REQUIRE(m);
      const Json g = grade_of(m.value(), lead);
      INFO("round " << round << " start " << start << " sum " << expected - start);
      CHECK(g["rank"] == clamped);
      CHECK(g["letter"] == leadscore::grade_letter(clamped));
      CHECK(g["clamped"] == (expected < 0 ? Json("F") : expected > 12 ? Json("A+") : Json(nullptr)));
    }
  }
}

TEST_CASE("grading: a field read twice is listed once in missing", "[grading]") {
  auto m = parse(Json::parse(R"({"criteria": [{"id": "twice", "weight": 1,
    "when": {"or": [{"==": [{"var": "industry"}, "a"]}, {"==": [{"var": "industry"}, "b"]}]}}]})"));
  REQUIRE(m);
  const Json g = grade_of(m.value(), Json::object());
  CHECK(g["steps"][0]["missing"] == Json{"industry"});
  CHECK(g["unknown_fields"] == Json{"industry"});
}

TEST_CASE("grading: a failing criterion warns without the lead's values", "[grading]") {
  // missing_some with null as its list of keys fails at run time (logic_arity).
  auto m = parse(Json::parse(R"({"criteria": [{"id": "bad", "weight": 3, "fields": ["industry"],
    "when": {"missing_some": [1, {"if": [{"var": "industry"}, null, null]}]}}]})"));
  REQUIRE(m);
  auto r = leadscore::score(m.value(), {{"industry", "SECRET-VALUE-42"}}, leadscore::ScoreOptions{kNow});
  REQUIRE(r);
  CHECK(r.value()["grade"]["steps"][0]["state"] == "unknown");
  CHECK(r.value()["grade"]["letter"] == "D");
  REQUIRE(r.value()["warnings"].size() == 1);
  CHECK(r.value()["warnings"][0]["code"] == "criterion_failed");
  CHECK(leadscore::dump_json(r.value()["warnings"]).find("SECRET") == std::string::npos);
}

TEST_CASE("grading: many criteria stay bounded and clamp once", "[grading]") {
  Json criteria = Json::array();
  for (int i = 0; i < 5000; ++i) criteria.push_back({{"id", "c" + std::to_string(i)}, {"weight", 3}, {"when", true}});
  auto m = parse({{"criteria", criteria}});
  REQUIRE(m);
  const Json g = grade_of(m.value(), Json::object());
  CHECK(g["letter"] == "A+");
  CHECK(g["clamped"] == "A+");
  CHECK(g["steps"].size() == 5000);
}

TEST_CASE("grading: a model without grading has no grade key", "[grading]") {
  Json doc = model_with(Json::object());
  doc.erase("grading");
  auto m = leadscore::Model::from_json(doc);
  REQUIRE(m);
  auto r = leadscore::score(m.value(), Json::object(), leadscore::ScoreOptions{kNow});
  REQUIRE(r);
  CHECK_FALSE(r.value().contains("grade"));
}

TEST_CASE("grading: model errors name their pointer", "[grading]") {
  struct Case {
    const char* grading;
    const char* code;
    const char* path;
  };
  // C is a valid criterion, spliced in where a case needs a neighbour.
#define C R"({"id": "c", "weight": 1, "when": {"var": "f0"}})"
  const Case cases[] = {
      {"[]", "wrong_type", "/grading"},
      {R"({"criteria": {}})", "wrong_type", "/grading/criteria"},
      {"{}", "missing_key", "/grading/criteria"},
      {R"({"start": 2, "criteria": [)" C "]}", "wrong_type", "/grading/start"},
      {R"({"criteria": [)" C R"(, {"id": "d", "weight": -1, "when": true}]})", "grade_weight", "/grading/criteria/1/weight"},
      {R"({"criteria": [{"id": "d", "weight": 3.0, "when": true}]})", "grade_weight", "/grading/criteria/0/weight"},
      {R"({"criteria": [{"id": "d", "weight": 18446744073709551615, "when": true}]})", "grade_weight", "/grading/criteria/0/weight"},
      {R"({"criteria": [{"id": "d", "weight": 1, "when": {"regex": "x"}}]})", "unknown_operator", "/grading/criteria/0/when/regex"},
      {R"({"criteria": [{"id": "d", "weight": 1}]})", "missing_key", "/grading/criteria/0/when"},
      {R"({"criteria": [{"id": "d e", "weight": 1, "when": true}]})", "invalid_name", "/grading/criteria/0/id"},
      {R"({"criteria": [{"id": "d", "weight": 1, "when": true, "fields": "f0"}]})", "wrong_type", "/grading/criteria/0/fields"},
      {R"({"criteria": [{"id": "d", "weight": 1, "when": true, "fields": ["f0", "f0"]}]})", "duplicate_id", "/grading/criteria/0/fields/1"},
      {R"({"criteria": [{"id": "d", "weight": 1, "when": true, "fields": [7]}]})", "wrong_type", "/grading/criteria/0/fields/0"},
      {R"({"criteria": [)" C R"(], "bands": []})", "unknown_key", "/grading/bands"},
      {R"({"method": "fit_bands"})", "missing_key", "/grading/bands"},
      {R"({"method": "fit_bands", "bands": []})", "empty_value", "/grading/bands"},
      {R"({"method": "fit_bands", "start": "D", "bands": [{"grade": "A", "from": 1}]})", "unknown_key", "/grading/start"},
      {R"({"method": "fit_bands", "bands": [{"grade": "B", "from": 50}, {"grade": "A", "from": 40}]})", "grade_band_order", "/grading/bands/1/grade"},
      {R"({"method": "fit_bands", "bands": [{"grade": "A", "from": 50}, {"grade": "B", "from": 60}]})", "grade_band_order", "/grading/bands/1/from"},
      {R"({"method": "fit_bands", "bands": [{"grade": "A", "from": 1.234}]})", "points_precision", "/grading/bands/0/from"},
      {R"({"method": "fit_bands", "bands": [{"grade": "A"}]})", "missing_key", "/grading/bands/0/from"},
      {R"({"method": "fit_bands", "bands": [{"grade": 11, "from": 1}]})", "wrong_type", "/grading/bands/0/grade"},
      {R"({"method": 1, "criteria": []})", "wrong_type", "/grading/method"},
  };
#undef C
  for (const Case& c : cases) {
    INFO(c.grading);
    require_error(Json::parse(c.grading), c.code, c.path);
  }
}
