// validate_model: unknown fields, unreachable bands, caps that never bind, empty groups.
#include "leadscore/lint.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "leadscore/json.h"
#include "leadscore/model.h"

using leadscore::Json;
using leadscore::LintFinding;
using leadscore::Model;

namespace {

// A small valid model: two fields, one group, 0..10 points -> score 0..100, two bands.
Json base_model() {
  return Json::parse(R"({
    "format_version": 1, "id": "lint-test", "version": "1",
    "fields": [{"name": "size", "type": "integer"}, {"name": "country", "type": "string"}],
    "groups": [{"id": "fit"}],
    "rules": [
      {"id": "big", "group": "fit", "points": 6, "when": {">=": [{"var": "size"}, 100]}},
      {"id": "us", "group": "fit", "points": 4, "when": {"==": [{"var": "country"}, "US"]}}
    ],
    "scale": {"min": 0, "max": 10},
    "bands": [
      {"id": "low", "action": "nurture", "from": 0, "to": 49},
      {"id": "high", "action": "call", "from": 50, "to": 100}
    ]
  })");
}

std::vector<LintFinding> lint(const Json& document) {
  auto model = Model::from_json(document);
  if (!model) FAIL("model did not load: " << model.error().code << " " << model.error().path);
  return leadscore::validate_model(model.value());
}

// "severity code path" of every finding, for compact comparisons.
std::vector<std::string> summary(const std::vector<LintFinding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.severity + " " + f.code + " " + f.path);
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("lint: a sound model has no findings") { CHECK(lint(base_model()).empty()); }

TEST_CASE("lint: the bundled default model lints clean, without false notes") {
  auto model = Model::parse(leadscore::default_model_text());
  REQUIRE(model);
  // Its form_quality group has no rules but takes the form checks' points: not empty, and its
  // caps do bind (issue 17: it used to say "always adds its min (-30)").
  for (const auto& f : leadscore::validate_model(model.value())) FAIL(f.code << " " << f.path << ": " << f.message);
}

TEST_CASE("lint: a group fed by the form checks' points is not empty, and its caps are judged with them") {
  Json m = base_model();
  m["groups"].push_back(Json{{"id", "quality"}, {"min", -10}, {"max", 200}});
  m["fields"].push_back(Json{{"name", "email"}, {"type", "email"}});
  m["checks"] = Json::parse(R"({"fields": {"email": "email"}, "group": "quality", "points": {"email_free": -5, "email_role": -20}})");
  const auto findings = lint(m);
  // 2 codes on 1 checked field: -25 at worst, so the min (-10) binds; +0 at best, so the max never does.
  CHECK(summary(findings) == Lines{"info cap_never_binds /groups/1/max"});
}

TEST_CASE("lint: routing rules after a rule that matches every lead, and quality without checks") {
  Json m = base_model();
  m["routing"] = Json::parse(R"({"rules": [
      {"id": "hot", "action": "send_to_sales", "bands": ["high"], "reason": "High band."},
      {"id": "spam", "action": "discard", "quality": ["spam"], "reason": "Spam."},
      {"id": "everyone", "action": "nurture", "reason": "Everyone else."},
      {"id": "late", "action": "review", "bands": ["low"], "reason": "Never reached."}],
      "default": {"action": "nurture", "reason": "Default."}})");
  const auto findings = lint(m);
  CHECK(summary(findings) == Lines{"warning quality_without_checks /routing/rules/1/quality",
                                   "warning route_rule_unreachable /routing/rules/3"});
  CHECK(findings[1].message.find("\"everyone\"") != std::string::npos);
}

TEST_CASE("lint: account rules reading variables that are not account fields") {
  Json m = base_model();
  m["account"] = Json::parse(R"({"fields": [{"name": "employees", "type": "integer"}],
      "rules": [{"id": "big", "points": 10, "when": {">=": [{"var": "employes"}, 1000]}},
                {"id": "ok", "points": 5, "when": {">=": [{"var": "employees"}, 10]}}]})");
  const auto findings = lint(m);
  CHECK(summary(findings) == Lines{"warning unknown_account_field /account/rules/0/when"});
  CHECK(findings[0].message.find("employes") != std::string::npos);
}

TEST_CASE("lint: conditions reading undeclared fields") {
  Json m = base_model();
  m["rules"][1]["when"] = Json::parse(R"({"and": [{"==": [{"var": "contry"}, "US"]},
                                                  {"!": {"missing": ["company.name", "size"]}},
                                                  {"var": "contry"}]})");
  const auto findings = lint(m);
  CHECK(summary(findings) ==
        Lines{"warning unknown_field /rules/1/when", "warning unknown_field /rules/1/when"});
  CHECK(findings[0].message.find("contry") != std::string::npos);
  CHECK(findings[1].message.find("company") != std::string::npos);
}

TEST_CASE("lint: a computed variable name is reported as info, not checked") {
  Json m = base_model();
  m["rules"][0]["when"] = Json::parse(R"({"var": {"cat": ["si", "ze"]}})");
  CHECK(summary(lint(m)) == Lines{"info dynamic_variable /rules/0/when"});
}

TEST_CASE("lint: bands above the best possible score are unreachable") {
  Json m = base_model();
  m["scale"]["max"] = 20;  // at most 10 of 20 points -> score 50
  m["bands"] = Json::parse(R"([
    {"id": "low", "action": "a", "from": 0, "to": 49},
    {"id": "mid", "action": "b", "from": 50, "to": 79},
    {"id": "top", "action": "c", "from": 80, "to": 100}])");
  CHECK(summary(lint(m)) == Lines{"warning unreachable_band /bands/2"});
}

TEST_CASE("lint: a group max lowers the reachable range") {
  Json m = base_model();
  m["groups"][0]["max"] = 4;  // 10 possible points capped to 4 -> score 40
  CHECK(summary(lint(m)) == Lines{"warning unreachable_band /bands/1"});
}

TEST_CASE("lint: a total min raises the lowest reachable score") {
  Json m = base_model();
  m["total"] = Json::parse(R"({"min": 6})");
  CHECK(summary(lint(m)) == Lines{"warning unreachable_band /bands/0"});
}

TEST_CASE("lint: negative points and completeness widen the range") {
  Json m = base_model();
  m["scale"] = Json::parse(R"({"min": -10, "max": 10})");
  m["bands"] = Json::parse(R"([
    {"id": "floor", "action": "a", "from": 0, "to": 10},
    {"id": "rest", "action": "b", "from": 11, "to": 100}])");
  // Alone, 0..10 points map to 50..100: "floor" is out of reach.
  CHECK(summary(lint(m)) == Lines{"warning unreachable_band /bands/0"});
  // A -8 rule reaches score 10.
  m["rules"].push_back(Json::parse(R"({"id": "tiny", "group": "fit", "points": -8,
                                       "when": {"<": [{"var": "size"}, 5]}})"));
  CHECK(lint(m).empty());
  // A negative completeness bonus does too.
  m["rules"].erase(2);
  m["completeness"] = Json::parse(R"({"id": "c", "group": "fit", "points_per_field": -4.5})");
  CHECK(lint(m).empty());
}

TEST_CASE("lint: caps that can never bind are infos") {
  Json m = base_model();
  m["groups"][0]["max"] = 10;  // rules add at most 10
  m["groups"][0]["min"] = -1;  // no negative rules
  m["total"] = Json::parse(R"({"min": 0, "max": 100})");
  CHECK(summary(lint(m)) ==
        Lines{"info cap_never_binds /groups/0/max", "info cap_never_binds /groups/0/min",
              "info cap_never_binds /total/max", "info cap_never_binds /total/min"});
}

TEST_CASE("lint: a cap that binds is not reported") {
  Json m = base_model();
  m["groups"][0]["max"] = 8;
  m["scale"]["max"] = 8;
  CHECK(lint(m).empty());
}

TEST_CASE("lint: caps that pin a group cancel its rules' points") {
  Json m = base_model();
  m["groups"][0]["max"] = 0;
  const auto lines = summary(lint(m));
  CHECK(lines == Lines{"warning points_always_capped /rules/0/points",
                       "warning points_always_capped /rules/1/points",
                       "warning unreachable_band /bands/1"});
}

TEST_CASE("lint: groups without rules") {
  Json m = base_model();
  m["groups"].push_back(Json::parse(R"({"id": "unused"})"));
  m["groups"].push_back(Json::parse(R"({"id": "offset", "min": 2})"));
  m["groups"].push_back(Json::parse(R"({"id": "profile"})"));
  m["completeness"] = Json::parse(R"({"id": "c", "group": "profile", "points_per_field": 1})");
  const auto lines = summary(lint(m));
  // "offset" always applies its min (so that cap does bind); "profile" has completeness points.
  CHECK(lines == Lines{"warning empty_group /groups/1", "info empty_group /groups/2"});
}

TEST_CASE("lint: finding messages say what to look at") {
  Json m = base_model();
  m["groups"][0]["max"] = 4.5;
  const auto findings = lint(m);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message.find("\"high\"") != std::string::npos);
  CHECK(findings[0].message.find("4.5") != std::string::npos);
}
