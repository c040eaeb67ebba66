// The JsonLogic community edition (logic_edition "community-2025", docs/model-format.md): the
// project's own cases (tests/logic/community-2025.json), the official suite in this edition, and
// the edition in a model: how it is chosen, how a raised error reaches a score, what it never
// catches and what its messages never repeat.
#include <catch2/catch.hpp>

#include <string>

#include "leadscore/leadscore.h"
#include "test_support.h"

using leadscore::Json;
using leadscore::Logic;
using leadscore::LogicEdition;

namespace {

constexpr auto kCommunity = LogicEdition::Community2025;

Logic compile(const Json& rule) {
  auto logic = Logic::compile(rule, "", leadscore::Limits{}, nullptr, kCommunity);
  REQUIRE(logic.ok());
  return std::move(logic).value();
}

// A model with the given rules in the community edition.
Json model_with(const Json& rules) {
  Json doc = Json::parse(R"({"format_version": 1, "id": "c", "version": "1", "logic_edition": "community-2025",
    "fields": [{"name": "email", "type": "email"}, {"name": "employees", "type": "number"},
               {"name": "job_title", "type": "string"}],
    "groups": [{"id": "fit"}], "scale": {"min": 0, "max": 100},
    "bands": [{"id": "all", "action": "x", "from": 0, "to": 100}]})");
  doc["rules"] = rules;
  return doc;
}

}  // namespace

TEST_CASE("community edition: every case of tests/logic/community-2025.json", "[logic][community]") {
  const auto suite = leadscore::parse_json(
      test_support::read_file(test_support::source_dir() + "/tests/logic/community-2025.json"), "the cases");
  REQUIRE(suite.ok());
  std::size_t cases = 0;
  for (const auto& c : suite.value()) {
    if (c.is_string()) continue;
    ++cases;
    INFO(c["description"].get<std::string>() << ": " << c["rule"].dump() << " on " << c["data"].dump());
    const Logic logic = compile(c["rule"]);
    Json thrown;
    const auto value = logic.apply(c["data"], nullptr, &thrown);
    if (c.contains("error")) {
      REQUIRE_FALSE(value.ok());
      CHECK(value.error().code == "logic_thrown");
      CHECK(thrown["type"] == c["error"]["type"]);
    } else {
      REQUIRE(value.ok());
      CHECK(leadscore::dump_json(value.value()) == leadscore::dump_json(c["result"]));
    }
  }
  CHECK(cases == 110);
}

TEST_CASE("community edition: the official suite passes in this edition too", "[logic][community]") {
  const auto suite = leadscore::parse_json(
      test_support::read_file(test_support::shared_dir() + "/external/jsonlogic/tests.json"), "tests.json");
  REQUIRE(suite.ok());
  std::size_t cases = 0;
  for (const auto& entry : suite.value()) {
    if (entry.is_string()) continue;
    ++cases;
    INFO(entry[0].dump() << " on " << entry[1].dump());
    const auto value = compile(entry[0]).apply(entry[1]);
    REQUIRE(value.ok());
    CHECK(leadscore::dump_json(value.value()) == leadscore::dump_json(entry[2]));
  }
  CHECK(cases == 278);
}

TEST_CASE("community edition: the classic edition knows none of its operators and says where they are", "[logic][community]") {
  for (const char* op : {"val", "exists", "??", "throw", "try", "preserve", "abs", "ceil", "floor", "starts_with",
                         "ends_with", "trim", "upper", "lower", "split", "length"}) {
    INFO(op);
    const auto classic = Logic::compile(Json{{op, Json::array({"x"})}}, "/rules/0/when");
    REQUIRE_FALSE(classic.ok());
    CHECK(classic.error().code == "unknown_operator");
    CHECK(classic.error().path == "/rules/0/when/" + leadscore::pointer_token(op));
    CHECK(classic.error().message.find("community-2025") != std::string::npos);
  }
  // The classic edition's answers are unchanged: NaN is null there, an empty object true.
  CHECK(leadscore::dump_json(Logic::compile(Json::parse(R"({"+": ["ten", 1]})")).value().apply(nullptr).value()) == "null");
  CHECK(leadscore::logic_truthy(Json::object()));
  CHECK_FALSE(leadscore::logic_truthy(Json::object(), kCommunity));
}

TEST_CASE("community edition: try catches raised errors, never a spent budget", "[logic][community]") {
  // Each element of a 2,000-element range compared with every other: past the 1,000,000 units.
  Json xs = Json::array();
  for (int i = 0; i < 2000; ++i) xs.push_back(i);
  const Json costly = {{"some", {{{"val", "xs"}}, {{"in", {-1, {{"val", Json::array({Json::array({2}), "xs"})}}}}}}}};
  const Json rule = {{"try", {costly, "caught"}}};
  const auto value = compile(rule).apply(Json{{"xs", xs}});
  REQUIRE_FALSE(value.ok());
  CHECK(value.error().code == "logic_budget_exceeded");
  // A value too large is not caught either.
  const Json doubling = Json::parse(R"({"try": [{"reduce": [{"val": "xs"}, {"cat": [{"val": "accumulator"}, {"val": "accumulator"}]}, "ab"]}, "caught"]})");
  const auto big = compile(doubling).apply(Json{{"xs", xs}});
  REQUIRE_FALSE(big.ok());
  CHECK((big.error().code == "logic_value_too_large" || big.error().code == "logic_budget_exceeded"));
}

TEST_CASE("community edition: an error's message names its type only when the rule or the engine chose it", "[logic][community]") {
  const Json lead_data = {{"email", "ada.lovelace@example.org"}};
  const auto literal = compile(Json::parse(R"({"throw": "Blocked domain"})")).apply(lead_data);
  REQUIRE_FALSE(literal.ok());
  CHECK(literal.error().message.find("\"Blocked domain\"") != std::string::npos);
  const auto engine = compile(Json::parse(R"({"/": [1, 0]})")).apply(lead_data);
  REQUIRE_FALSE(engine.ok());
  CHECK(engine.error().message.find("\"NaN\"") != std::string::npos);
  Json thrown;
  const auto computed = compile(Json::parse(R"({"throw": {"val": "email"}})")).apply(lead_data, nullptr, &thrown);
  REQUIRE_FALSE(computed.ok());
  CHECK(computed.error().message.find("ada.lovelace") == std::string::npos);
  CHECK(thrown == Json{{"type", "ada.lovelace@example.org"}});  // to the caller who handed the data over
}

TEST_CASE("community edition: a model chooses it with logic_edition", "[logic][community]") {
  const Json rules = Json::parse(R"([
    {"id": "lead_title", "group": "fit", "points": 30, "when": {"starts_with": [{"??": [{"val": "job_title"}, ""]}, "Head of"]}},
    {"id": "mid_size", "group": "fit", "points": 20, "when": {"<=": [10, {"val": "employees"}, 500]}},
    {"id": "per_employee", "group": "fit", "points": 5, "when": {">": [{"try": [{"/": [1000, {"val": "employees"}]}, 0]}, 50]}},
    {"id": "raises", "group": "fit", "points": 7, "when": {"throw": {"val": "email"}}}
  ])");
  auto model = leadscore::Model::from_json(model_with(rules));
  REQUIRE(model.ok());
  CHECK(model.value().logic_edition() == kCommunity);
  const Json lead = {{"email", "ada@example.org"}, {"job_title", "Head of Sales"}, {"employees", 12}};
  const auto result = leadscore::score(model.value(), lead, leadscore::ScoreOptions{"2026-12-01T00:00:00Z"});
  REQUIRE(result.ok());
  CHECK(result.value()["raw_points"] == 55);  // 30 + 20 + 5 (1000 / 12 > 50); the raising rule scores nothing
  bool warned = false;
  for (const auto& w : result.value()["warnings"]) {
    if (w["code"] != "rule_failed") continue;
    warned = true;
    CHECK(w["path"] == "/rules/3/when");
    CHECK(w["message"].get<std::string>().find("ada@") == std::string::npos);
  }
  CHECK(warned);
  // A lead without employees: the division raises NaN inside try, which answers 0.
  const auto small = leadscore::score(model.value(), Json{{"job_title", "CTO"}}, leadscore::ScoreOptions{"2026-12-01T00:00:00Z"});
  REQUIRE(small.ok());
  CHECK(small.value()["raw_points"] == 0);

  // The same rules in a classic model do not load: the operators are the community edition's.
  Json classic = model_with(rules);
  classic.erase("logic_edition");
  auto refused = leadscore::Model::from_json(classic);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "unknown_operator");
  CHECK(refused.error().path == "/rules/0/when/starts_with");

  Json unknown = model_with(Json::array());
  unknown["logic_edition"] = "2025";
  auto bad = leadscore::Model::from_json(unknown);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == "unknown_logic_edition");
  CHECK(bad.error().path == "/logic_edition");
}

TEST_CASE("community edition: a model set's edition is its models' and its personas'", "[logic][community]") {
  // A persona's condition reads {"lead": ..., "events": ...} (docs/personas.md).
  Json member = model_with(Json::parse(R"([{"id": "r", "group": "fit", "points": 10, "when": {"exists": "job_title"}}])"));
  member.erase("logic_edition");
  Json set = {{"format_version", 1}, {"id", "set"}, {"version", "1"}, {"logic_edition", "community-2025"},
              {"models", {{"m", member}}},
              {"personas", {{{"id", "titled"}, {"when", {{"exists", {"lead", "job_title"}}}}, {"model", "m"}},
                            {{"id", "default"}, {"model", "m"}}}}};
  auto loaded = leadscore::Model::from_json(set);
  REQUIRE(loaded.ok());
  const auto result = leadscore::score(loaded.value(), Json{{"job_title", "CTO"}}, leadscore::ScoreOptions{"2026-12-01T00:00:00Z"});
  REQUIRE(result.ok());
  CHECK(result.value()["raw_points"] == 10);
  CHECK(result.value()["model"]["persona"]["id"] == "titled");

  set["models"]["m"]["logic_edition"] = "classic";
  auto mismatch = leadscore::Model::from_json(set);
  REQUIRE_FALSE(mismatch.ok());
  CHECK(mismatch.error().code == "logic_edition_mismatch");
  CHECK(mismatch.error().path == "/models/m/logic_edition");
}
