// Bad input never crashes: each case gives a clear error naming what and where.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "leadscore/leadscore.h"

using leadscore::Json;

namespace {
const char* kMinimal = R"({"format_version":1,"id":"m","version":"1",
  "fields":[{"name":"title","type":"string"},{"name":"size","type":"integer"}],
  "groups":[{"id":"g"}],
  "rules":[{"id":"r","group":"g","points":10,"when":{"==":[{"var":"title"},"CEO"]}}],
  "scale":{"min":0,"max":10},
  "bands":[{"id":"low","action":"email","from":0,"to":49},{"id":"high","action":"call","from":50,"to":100}]})";

Json minimal() { return leadscore::parse_json(kMinimal, "model").value(); }

leadscore::Error model_error(const Json& doc) {
  auto m = leadscore::Model::from_json(doc);
  REQUIRE_FALSE(m.ok());
  return m.error();
}

leadscore::Error text_error(const std::string& text) {
  auto m = leadscore::Model::parse(text);
  REQUIRE_FALSE(m.ok());
  return m.error();
}

std::string nested(const std::string& open, const std::string& leaf, const std::string& close, int depth) {
  std::string s;
  for (int i = 0; i < depth; ++i) s += open;
  s += leaf;
  for (int i = 0; i < depth; ++i) s += close;
  return s;
}
}  // namespace

TEST_CASE("the minimal model loads", "[bad-input]") {
  REQUIRE(leadscore::Model::parse(kMinimal).ok());
}

TEST_CASE("malformed model JSON names the byte", "[bad-input]") {
  const auto e = text_error(R"({"format_version": 1, "id": )");
  CHECK(e.code == "json_syntax");
  CHECK(e.path.rfind("byte ", 0) == 0);
  CHECK(text_error("").code == "json_empty");
  CHECK(text_error("   \n").code == "json_empty");
}

TEST_CASE("wrong types name the JSON pointer", "[bad-input]") {
  Json doc = minimal();
  doc["rules"][0]["points"] = "ten";
  auto e = model_error(doc);
  CHECK(e.code == "wrong_type");
  CHECK(e.path == "/rules/0/points");
  doc = minimal();
  doc["fields"] = Json::object();
  CHECK(model_error(doc).path == "/fields");
  doc = minimal();
  doc["bands"][1]["from"] = 50.5;
  CHECK(model_error(doc).path == "/bands/1/from");
  CHECK(model_error(Json::array()).code == "wrong_type");
}

TEST_CASE("an unknown operator is a load-time error at the operator", "[bad-input]") {
  Json doc = minimal();
  doc["rules"][0]["when"] = Json::parse(R"({"and":[true,{"regex":["a","b"]}]})");
  const auto e = model_error(doc);
  CHECK(e.code == "unknown_operator");
  CHECK(e.path == "/rules/0/when/and/1/regex");
}

TEST_CASE("JsonLogic nested 10,000 deep is rejected, not recursed into", "[bad-input]") {
  const std::string deep = nested(R"({"!":[)", "true", "]}", 10000);
  const std::string text = std::string(kMinimal).replace(std::string(kMinimal).find(R"({"==":[{"var":"title"},"CEO"]})"),
                                                         std::string(R"({"==":[{"var":"title"},"CEO"]})").size(), deep);
  CHECK(text_error(text).code == "json_too_deep");
  // A deep value built in C++ (no text parse) is caught by Model::from_json's iterative check.
  Json value = true;
  for (int i = 0; i < 10000; ++i) value = Json{{"!", Json::array({std::move(value)})}};
  Json doc = minimal();
  doc["rules"][0]["when"] = std::move(value);
  const auto e = model_error(doc);
  CHECK(e.code == "json_too_deep");
  CHECK(e.path.rfind("/rules/0/when", 0) == 0);
  // Compiling a deep rule directly is bounded too.
  Json rule = 1;
  for (int i = 0; i < 500; ++i) rule = Json{{"+", Json::array({std::move(rule), 1})}};
  const auto compiled = leadscore::Logic::compile(rule);
  REQUIRE_FALSE(compiled.ok());
  CHECK(compiled.error().code == "logic_too_deep");
}

TEST_CASE("NaN, infinite and huge numbers in a model are rejected", "[bad-input]") {
  Json doc = minimal();
  doc["rules"][0]["points"] = std::nan("");
  CHECK(model_error(doc).code == "points_range");
  doc["rules"][0]["points"] = 1e300;
  CHECK(model_error(doc).code == "points_range");
  doc["rules"][0]["points"] = 1.005;
  CHECK(model_error(doc).code == "points_precision");
  CHECK(text_error(std::string(kMinimal).replace(std::string(kMinimal).find("\"points\":10"), 11, "\"points\":1e999")).code != "");
}

TEST_CASE("invalid UTF-8 in a model or lead is an error, not a crash", "[bad-input]") {
  std::string text = kMinimal;
  text.replace(text.find("CEO"), 3, "C\xff\xfe");
  CHECK(text_error(text).code == "json_invalid_utf8");
  const auto lead = leadscore::parse_json("{\"title\":\"\xc3\x28\"}", "the lead");
  REQUIRE_FALSE(lead.ok());
  CHECK(lead.error().code == "json_invalid_utf8");
}

TEST_CASE("a 10 MB string and a deep lead are handled", "[bad-input]") {
  const auto model = leadscore::Model::parse(kMinimal);
  REQUIRE(model.ok());
  Json lead = {{"title", std::string(10u << 20, 'x')}, {"size", "12"}};
  auto r = leadscore::score(model.value(), lead, {"2026-11-23T10:00:00Z"});
  REQUIRE(r.ok());
  CHECK(r.value()["score"] == 0);
  Json deep = 1;
  for (int i = 0; i < 10000; ++i) deep = Json::array({std::move(deep)});
  r = leadscore::score(model.value(), Json{{"title", std::move(deep)}}, {"2026-11-23T10:00:00Z"});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "json_too_deep");
  CHECK(r.error().path.rfind("/title", 0) == 0);
}

TEST_CASE("huge and non-finite lead numbers become warnings", "[bad-input]") {
  const auto model = leadscore::Model::parse(kMinimal);
  auto r = leadscore::score(model.value(), Json{{"size", std::nan("")}}, {"2026-11-23T10:00:00Z"});
  REQUIRE(r.ok());
  REQUIRE(r.value()["warnings"].size() == 1);
  CHECK(r.value()["warnings"][0]["code"] == "field_type");
  CHECK(r.value()["warnings"][0]["path"] == "/size");
  r = leadscore::score(model.value(), Json{{"size", "1e999"}}, {"2026-11-23T10:00:00Z"});
  CHECK(r.value()["warnings"][0]["code"] == "field_type");
}

TEST_CASE("scoring errors: lead not an object, now missing or without offset", "[bad-input]") {
  const auto model = leadscore::Model::parse(kMinimal);
  CHECK(leadscore::score(model.value(), Json::array(), {"2026-11-23T10:00:00Z"}).error().code == "lead_not_object");
  CHECK(leadscore::score(model.value(), Json::object(), {""}).error().code == "now_missing");
  const auto e = leadscore::score(model.value(), Json::object(), {"2026-11-23T10:00:00"}).error();
  CHECK(e.code == "now_invalid");
  CHECK(e.path == "/now");
}

TEST_CASE("a hostile condition is stopped by the step budget", "[bad-input]") {
  Json doc = minimal();
  // map over 2000 elements, each mapping over 2000 elements: 4 million steps > 1 million budget.
  Json range = Json::array();
  for (int i = 0; i < 2000; ++i) range.push_back(i);
  doc["rules"][0]["when"] = Json{{"map", Json::array({range, Json{{"map", Json::array({range, Json{{"var", ""}}})}}})}};
  const auto model = leadscore::Model::from_json(doc);
  REQUIRE(model.ok());
  const auto r = leadscore::score(model.value(), Json::object(), {"2026-11-23T10:00:00Z"});
  REQUIRE(r.ok());
  REQUIRE(r.value()["warnings"].size() == 1);
  CHECK(r.value()["warnings"][0]["code"] == "rule_failed");
  CHECK(r.value()["warnings"][0]["path"] == "/rules/0/when");
}
