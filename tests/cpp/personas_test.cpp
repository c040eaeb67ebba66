// Model sets (docs/personas.md) through the public API: loading with extends, persona selection on
// lead flags and event counts, also_matched, model errors by pointer, lint findings, hostile sets.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "leadscore/leadscore.h"

using leadscore::Json;
using leadscore::Model;

namespace {

// base: size >= 100 -> 6 points, customer -> 1 point, scale 0..10 (score = 10 x points).
// customer: the same rules at 8 and 2 points. enterprise: base on a 0..6 scale.
Json set_document() {
  return Json::parse(R"({
    "format_version": 1, "id": "set-test", "version": "2.0.0",
    "models": {
      "base": {
        "fields": [{"name": "size", "type": "integer"}, {"name": "customer", "type": "boolean"}],
        "groups": [{"id": "fit"}],
        "rules": [
          {"id": "big", "group": "fit", "points": 6, "when": {">=": [{"var": "size"}, 100]}},
          {"id": "known", "group": "fit", "points": 1, "when": {"==": [{"var": "customer"}, true]}}
        ],
        "scale": {"min": 0, "max": 10},
        "bands": [{"id": "low", "action": "nurture", "from": 0, "to": 49},
                  {"id": "high", "action": "call", "from": 50, "to": 100}]
      },
      "customer": {"extends": "base", "rules": [
        {"id": "big", "group": "fit", "points": 8, "when": {">=": [{"var": "size"}, 100]}},
        {"id": "known", "group": "fit", "points": 2, "when": {"==": [{"var": "customer"}, true]}}]},
      "enterprise": {"extends": "base", "scale": {"min": 0, "max": 6}}
    },
    "personas": [
      {"id": "returning", "label": "Returning customer", "model": "customer",
       "when": {"or": [{"==": [{"var": "lead.customer"}, true]}, {">": [{"var": "events.purchase"}, 0]}]}},
      {"id": "enterprise", "when": {">=": [{"var": "lead.size"}, 1000]}, "model": "enterprise"},
      {"id": "general", "model": "base"}
    ]
  })");
}

Model load(const Json& document) {
  auto model = Model::from_json(document);
  if (!model) FAIL("set did not load: " << model.error().code << " " << model.error().path);
  return model.value();
}

Json score(const Model& model, const Json& lead, const Json* events = nullptr) {
  leadscore::ScoreOptions options;
  options.now = "2026-11-23T10:00:00Z";
  options.events = events;
  auto result = leadscore::score(model, lead, options);
  if (!result) FAIL("score failed: " << result.error().code << " " << result.error().path);
  return result.value();
}

// "code path" of a load error, or "ok".
std::string load_error(const Json& document) {
  auto model = Model::from_json(document);
  return model ? "ok" : model.error().code + " " + model.error().path;
}

std::vector<std::string> lint_summary(const Json& document) {
  std::vector<std::string> out;
  for (const auto& f : leadscore::validate_model(load(document))) out.push_back(f.severity + " " + f.code + " " + f.path);
  return out;
}

}  // namespace

TEST_CASE("A model set loads: personas in order, accessors of the default, id and fingerprint of the file", "[personas]") {
  const Json doc = set_document();
  const Model set = load(doc);
  REQUIRE(set.personas().size() == 3);
  CHECK(set.personas()[0].id == "returning");
  CHECK(set.personas()[0].label == "Returning customer");
  CHECK(set.personas()[2].label == "general");  // no label: the id
  CHECK_FALSE(set.personas()[2].when.has_value());
  CHECK(set.id() == "set-test");
  CHECK(set.version() == "2.0.0");
  CHECK(set.document() == doc);
  // The default persona's model answers the accessors: base's 6 points, not customer's 8.
  REQUIRE(set.rules().size() == 2);
  CHECK(set.rules()[0].points == 600);
  CHECK(set.personas()[0].model->rules()[0].points == 800);  // extends replaced the rules
  CHECK(set.personas()[1].model->scale().max == 600);        // extends changed only the scale
  CHECK(set.personas()[1].model->rules()[0].points == 600);
  CHECK(set.personas()[2].model->id() == "set-test");  // a root model without id takes the set's
  // The fingerprint covers the whole file: a persona label changes it.
  Json relabelled = doc;
  relabelled["personas"][2]["label"] = "Everyone else";
  CHECK(set.fingerprint().rfind("sha256:", 0) == 0);
  CHECK(set.fingerprint().size() == 7 + 64);
  CHECK(load(relabelled).fingerprint() != set.fingerprint());
  CHECK(set.fingerprint() != set.personas()[2].model->fingerprint());
}

TEST_CASE("Persona selection: flag, purchase events, default, first match with also_matched", "[personas]") {
  const Model set = load(set_document());
  auto persona = [](const Json& r) { return r["model"]["persona"]; };

  SECTION("a lead flag selects the returning persona and its model's points") {
    const Json r = score(set, {{"customer", true}, {"size", 5}});
    CHECK(persona(r) == Json::parse(R"({"id":"returning","label":"Returning customer","model":"customer","also_matched":[]})"));
    CHECK(r["score"] == 20);  // customer model: known 2 points on 0..10
    CHECK(r["model"]["id"] == "set-test");
    CHECK(r["model"]["fingerprint"] == set.fingerprint());
  }
  SECTION("a past purchase selects it too; a future one, a non-string type or a bad date do not count") {
    const Json past = Json::parse(R"([{"type": "purchase", "at": "2026-01-02T00:00:00Z"}])");
    CHECK(persona(score(set, {{"size", 5}}, &past))["id"] == "returning");
    const Json not_counted = Json::parse(R"([{"type": "purchase", "at": "2026-11-24T00:00:00Z"},
      {"type": 7, "at": "2026-01-02T00:00:00Z"}, {"type": "purchase", "at": "yesterday"},
      {"type": "purchase"}, "purchase", null])");
    CHECK(persona(score(set, {{"size", 5}}, &not_counted))["id"] == "general");
  }
  SECTION("no condition matches: the default, with an empty also_matched") {
    const Json r = score(set, {{"size", 150}});
    CHECK(persona(r) == Json::parse(R"({"id":"general","label":"general","model":"base","also_matched":[]})"));
    CHECK(r["score"] == 60);
  }
  SECTION("two personas match: the first wins and the other is listed") {
    const Json r = score(set, {{"customer", true}, {"size", 5000}});
    CHECK(persona(r)["id"] == "returning");
    CHECK(persona(r)["also_matched"] == Json::parse(R"(["enterprise"])"));
    CHECK(r["score"] == 100);  // customer model: 8 + 2 points
  }
  SECTION("selection reads the raw lead: the string \"true\" is not the boolean") {
    CHECK(persona(score(set, {{"customer", "true"}}))["id"] == "general");
  }
}

TEST_CASE("Selection never fails on broken events; score() still reports them", "[personas]") {
  const Model set = load(set_document());
  leadscore::ScoreOptions options;
  options.now = "2026-11-23T10:00:00Z";
  const Json not_array = Json::parse(R"({"type": "purchase"})");
  options.events = &not_array;
  auto r = leadscore::score(set, {{"size", 5}}, options);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == "events_not_array");
  options.now = "";
  CHECK(leadscore::score(set, {{"size", 5}}, options).error().code == "now_missing");
}

TEST_CASE("A persona condition that fails to evaluate warns persona_failed and does not match", "[personas]") {
  Json doc = set_document();
  doc["personas"][0]["when"] = Json::parse(R"({"cat": [{"var": "lead.note"}, {"var": "lead.note"}]})");
  leadscore::Limits limits;
  limits.max_logic_value_size = 16;
  auto set = Model::from_json(doc, limits);
  REQUIRE(set);
  leadscore::ScoreOptions options;
  options.now = "2026-11-23T10:00:00Z";
  auto r = leadscore::score(set.value(), {{"note", "0123456789"}, {"size", 5000}}, options);
  REQUIRE(r);
  CHECK(r.value()["model"]["persona"]["id"] == "enterprise");
  const Json& warnings = r.value()["warnings"];
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0]["code"] == "persona_failed");
  CHECK(warnings[0]["path"] == "/personas/0/when");
  CHECK(warnings[0]["message"].get<std::string>().find("0123456789") == std::string::npos);
}

TEST_CASE("Model set errors name their pointer", "[personas]") {
  Json doc = set_document();
  auto with = [&](const char* pointer, const Json& value) {
    Json d = doc;
    d[Json::json_pointer(pointer)] = value;
    return load_error(d);
  };
  auto without = [&](const char* parent, const char* key) {
    Json d = doc;
    d[Json::json_pointer(parent)].erase(key);
    return load_error(d);
  };
  CHECK(with("/models/base/extends", "customer") == "circular_reference /models/customer/extends");
  CHECK(with("/models/base/extends", "base") == "circular_reference /models/base/extends");
  CHECK(with("/models/customer/extends", "nobody") == "unknown_model_ref /models/customer/extends");
  CHECK(with("/models/customer/extends", 3) == "wrong_type /models/customer/extends");
  CHECK(with("/personas/1/model", "nobody") == "unknown_model_ref /personas/1/model");
  CHECK(with("/personas/2/when", true) == "persona_default_missing /personas/2/when");
  CHECK(without("/personas/1", "when") == "persona_when_missing /personas/1");
  CHECK(with("/personas", Json::array()) == "persona_default_missing /personas");
  CHECK(with("/personas/1/id", "returning") == "duplicate_id /personas/1/id");
  CHECK(with("/fields", Json::array()) == "unknown_key /fields");
  CHECK(with("/models", Json::object()) == "missing_key /models");
  CHECK(without("", "models") == "missing_key /models");
  CHECK(without("", "version") == "missing_key /version");
  CHECK(with("/format_version", 2) == "format_version /format_version");
  CHECK(with("/models/customer/rules/1/when", Json::parse(R"({"regex": ["x"]})")) ==
        "unknown_operator /models/customer/rules/1/when/regex");
  CHECK(with("/models/enterprise/scale/max", -1) == "scale_range /models/enterprise/scale");
  CHECK(with("/models/enterprise/personas", Json::array()) == "unknown_key /models/enterprise/personas");
  CHECK(with("/models/enterprise/account", Json::object()) == "account_misplaced /models/enterprise/account");
  CHECK(with("/models/a~1b", Json::object()) == "invalid_name /models/a~1b");
  CHECK(with("/personas/0/when", Json::parse(R"({"nope": 1})")) == "unknown_operator /personas/0/when/nope");
}

TEST_CASE("extends is an RFC 7386 merge patch: null removes a key, objects merge, arrays replace", "[personas]") {
  Json doc = set_document();
  doc["models"]["enterprise"] = Json::parse(R"({"extends": "customer", "scale": {"min": -10},
    "rules": [{"id": "big", "group": "fit", "points": 3, "when": {">=": [{"var": "size"}, 100]}}],
    "description": null})");
  doc["models"]["customer"]["description"] = "removed again by enterprise";
  const Model set = load(doc);
  const Model& enterprise = *set.personas()[1].model;
  CHECK(enterprise.scale().min == -1000);
  CHECK(enterprise.scale().max == 1000);  // kept from base through customer
  REQUIRE(enterprise.rules().size() == 1);
  CHECK(enterprise.rules()[0].points == 300);
  CHECK_FALSE(enterprise.document().contains("description"));
  CHECK_FALSE(enterprise.document().contains("extends"));
}

TEST_CASE("Hostile model sets: long extends chains and cycles fail fast", "[personas]") {
  Json doc = set_document();
  for (int i = 0; i < 5000; ++i) doc["models"]["m" + std::to_string(i)] = {{"extends", i == 0 ? "base" : "m" + std::to_string(i - 1)}};
  const std::string e = load_error(doc);
  CHECK(e.rfind("extends_too_deep /models/m", 0) == 0);
  Json ring = set_document();
  for (int i = 0; i < 5000; ++i) ring["models"]["r" + std::to_string(i)] = {{"extends", "r" + std::to_string((i + 1) % 5000)}};
  CHECK(load_error(ring).rfind("extends_too_deep /models/r", 0) == 0);  // the depth bound trips before the loop closes
  Json chain16 = set_document();  // 16 links is the limit, accepted
  for (int i = 0; i < 16; ++i) chain16["models"]["c" + std::to_string(i + 10)] = {{"extends", i == 0 ? "base" : "c" + std::to_string(i + 9)}};
  CHECK(load_error(chain16) == "ok");
  chain16["models"]["c26"] = {{"extends", "c25"}};
  CHECK(load_error(chain16) == "extends_too_deep /models/c26/extends");
  // Tiny patches over a large parent: 100 copies of a 200 kB model exceed the 16 MiB budget.
  Json copies = set_document();
  copies["models"]["base"]["description"] = std::string(200000, 'x');
  for (int i = 0; i < 100; ++i) copies["models"]["copy" + std::to_string(100 + i)] = {{"extends", "base"}};
  CHECK(load_error(copies).rfind("models_too_large /models/copy", 0) == 0);
  Json fewer = set_document();  // 50 copies (about 10 MB) fit
  fewer["models"]["base"]["description"] = std::string(200000, 'x');
  for (int i = 0; i < 50; ++i) fewer["models"]["copy" + std::to_string(100 + i)] = {{"extends", "base"}};
  CHECK(load_error(fewer) == "ok");
}

TEST_CASE("Set lint: sub-model findings under /models/<name>, unused models, overlaps, unreachable personas", "[personas][lint]") {
  Json doc = set_document();
  SECTION("the example set: an unused model and nothing else") {
    doc["models"]["spare"] = {{"extends", "base"}};
    CHECK(lint_summary(doc) == std::vector<std::string>{"warning model_unused /models/spare"});
  }
  SECTION("a sub-model's own finding is re-pathed") {
    doc["models"]["customer"]["rules"][0]["when"] = Json::parse(R"({"==": [{"var": "sector"}, "it"]})");
    CHECK(lint_summary(doc) == std::vector<std::string>{"warning unknown_field /models/customer/rules/0/when"});
  }
  SECTION("the same == literal in two personas overlaps") {
    doc["personas"][1]["when"] = Json::parse(R"({"or": [{"==": [{"var": "lead.customer"}, true]}, {"==": [{"var": "lead.size"}, 9]}]})");
    CHECK(lint_summary(doc) == std::vector<std::string>{"warning persona_overlap /personas/1/when"});
  }
  SECTION("a later persona that needs what selects an earlier one is unreachable") {
    doc["personas"][1]["when"] = Json::parse(R"({"and": [{"in": [{"var": "lead.customer"}, [true]]}, {">": [{"var": "lead.size"}, 9]}]})");
    CHECK(lint_summary(doc) == std::vector<std::string>{"warning persona_unreachable /personas/1"});
  }
  SECTION("a loose == after a strict === is only an overlap") {
    doc["personas"][0]["when"] = Json::parse(R"({"===": [{"var": "lead.plan"}, "pro"]})");
    doc["personas"][1]["when"] = Json::parse(R"({"==": [{"var": "lead.plan"}, "pro"]})");
    CHECK(lint_summary(doc) == std::vector<std::string>{"warning persona_overlap /personas/1/when"});
  }
  SECTION("a constant-true condition hides every later persona, a constant-false one itself") {
    doc["personas"][0]["when"] = Json::parse(R"({"==": [1, 1]})");
    CHECK(lint_summary(doc) == std::vector<std::string>{"warning persona_unreachable /personas/1",
                                                        "warning persona_unreachable /personas/2"});
    doc["personas"][0]["when"] = false;
    CHECK(lint_summary(doc) == std::vector<std::string>{"warning persona_unreachable /personas/0/when"});
  }
  SECTION("different literals or different variables are not reported") {
    doc["personas"][0]["when"] = Json::parse(R"({"in": [{"var": "lead.plan"}, ["pro", "team"]]})");
    doc["personas"][1]["when"] = Json::parse(R"({"or": [{"==": [{"var": "lead.plan"}, "free"]}, {"==": [{"var": "lead.tier"}, "pro"]}]})");
    CHECK(lint_summary(doc).empty());
  }
}
