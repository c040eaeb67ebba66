// Routing through the public C++ API: the matrix (first match wins, bands, strong actions,
// quality), sales verdicts, strong actions and their window, threshold tracking with dead bands,
// and the routing model errors by JSON pointer.
#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

#include "grading/routing_eval.h"  // internal: explain_route with a verdict, before feedback input exists
#include "leadscore/describe.h"
#include "leadscore/leadscore.h"

using leadscore::Json;

namespace {

const char* kNow = "2026-11-23T12:00:00Z";

// Fit points come from boolean fields b64 ... b1 (powers of two), so a lead's score is the sum of
// the flags it sets. Bands: cold 0-29, warm 30-69, hot 70-100.
Json base_model() {
  Json rules = Json::array();
  Json fields = Json::array();
  for (int p : {64, 32, 16, 8, 4, 2, 1}) {
    const std::string name = "b" + std::to_string(p);
    fields.push_back({{"name", name}, {"type", "boolean"}});
    rules.push_back({{"id", "fit." + name}, {"group", "fit"}, {"points", p}, {"when", {{"var", name}}}});
  }
  fields.push_back({{"name", "email"}, {"type", "string"}});
  fields.push_back({{"name", "hp"}, {"type", "string"}});
  Json doc = Json::parse(R"({"format_version":1,"id":"routing-test","version":"1",
    "groups":[{"id":"fit"}],
    "scale":{"min":0,"max":100},
    "bands":[{"id":"cold","action":"email","from":0,"to":29},{"id":"warm","action":"nurture","from":30,"to":69},
             {"id":"hot","action":"call","from":70,"to":100}],
    "engagement":{
      "event_types":[{"id":"page_view"},{"id":"demo_request"}],
      "groups":[{"id":"web"}],
      "rules":[
        {"id":"web.pricing","group":"web","event":"page_view","points":0,"strong":true,
         "when":{"==":[{"substr":[{"var":"url"},0,8]},"/pricing"]}},
        {"id":"web.visit","group":"web","event":"page_view","points":0},
        {"id":"intent.demo","group":"web","event":"demo_request","points":0,"strong":true,"repeat":"once"}
      ]},
    "routing":{
      "strong_within":"30d",
      "rules":[
        {"id":"spam","action":"discard","reason":"spam","quality":["spam"]},
        {"id":"strong","action":"send_to_sales","reason":"asked for it","strong_action":true},
        {"id":"hot","action":"call_now","reason":"hot","bands":["hot"]},
        {"id":"quiet_cold","action":"discard","reason":"cold, no strong action","bands":["cold"],"strong_action":false}
      ],
      "default":{"action":"nurture","reason":"everyone else"}}})");
  doc["fields"] = fields;
  doc["rules"] = rules;
  return doc;
}

leadscore::Model compile(const Json& doc) {
  auto m = leadscore::Model::from_json(doc);
  if (!m) FAIL(m.error().code << " at " << m.error().path << ": " << m.error().message);
  return std::move(m.value());
}

Json lead_scoring(int score) {
  Json lead = Json::object();
  for (int p : {64, 32, 16, 8, 4, 2, 1})
    if (score & p) lead["b" + std::to_string(p)] = true;
  return lead;
}

Json score(const leadscore::Model& m, const Json& lead, const Json* events = nullptr, const Json* previous = nullptr) {
  leadscore::ScoreOptions options{kNow, events};
  options.previous = previous;
  auto r = leadscore::score(m, lead, options);
  if (!r) FAIL(r.error().code << " at " << r.error().path);
  return r.value();
}

leadscore::Error model_error(const Json& doc) {
  auto m = leadscore::Model::from_json(doc);
  REQUIRE_FALSE(m);
  return m.error();
}

}  // namespace

TEST_CASE("routing: first matching rule wins, else the default", "[routing]") {
  const auto m = compile(base_model());
  const Json cold = score(m, lead_scoring(10));
  CHECK(cold["route"]["rule"] == "quiet_cold");
  CHECK(cold["route"]["action"] == "discard");
  CHECK(cold["route"]["band"] == "cold");
  CHECK(cold["route"]["grade"].is_null());
  CHECK(cold["route"]["strong_actions"] == Json::array());
  CHECK_FALSE(cold["route"].contains("overridden"));
  const Json warm = score(m, lead_scoring(50));
  CHECK(warm["route"]["rule"] == "default");
  CHECK(warm["route"]["action"] == "nurture");
  CHECK(warm["route"]["reason"] == "everyone else");
  const Json hot = score(m, lead_scoring(70));
  CHECK(hot["route"]["rule"] == "hot");
  CHECK(hot["route"]["action"] == "call_now");
  CHECK_FALSE(hot.contains("tracking"));  // only with a previous result
}

TEST_CASE("routing: a strong action inside the window routes before the band rules", "[routing]") {
  const auto m = compile(base_model());
  // 30d window: 2026-10-24T12:00:00Z is exactly 30 days before now (inside), one ms earlier is not.
  const Json events = Json::parse(R"([
    {"type":"page_view","at":"2026-10-24T11:59:59.999Z","props":{"url":"/pricing/old"}},
    {"type":"page_view","at":"2026-10-24T12:00:00Z","props":{"url":"/pricing/team"}},
    {"type":"page_view","at":"2026-11-20T09:00:00Z","props":{"url":"/blog"}},
    {"type":"demo_request","at":"2026-11-21T09:00:00Z"},
    {"type":"demo_request","at":"2026-11-22T09:00:00Z"}])");
  const Json r = score(m, lead_scoring(10), &events);
  CHECK(r["route"]["rule"] == "strong");
  CHECK(r["route"]["action"] == "send_to_sales");
  // Latest first; the repeat limit of intent.demo does not hide the second request.
  CHECK(r["route"]["strong_actions"] == Json::parse(R"([
    {"rule":"intent.demo","type":"demo_request","at":"2026-11-22T09:00:00Z"},
    {"rule":"intent.demo","type":"demo_request","at":"2026-11-21T09:00:00Z"},
    {"rule":"web.pricing","type":"page_view","at":"2026-10-24T12:00:00Z"}])"));

  const Json old = Json::parse(R"([{"type":"demo_request","at":"2026-10-24T11:59:59Z"}])");
  const Json r2 = score(m, lead_scoring(10), &old);
  CHECK(r2["route"]["strong_actions"] == Json::array());
  CHECK(r2["route"]["rule"] == "quiet_cold");
}

TEST_CASE("routing: strong actions are capped at ten and count at any age without strong_within", "[routing]") {
  Json doc = base_model();
  doc["routing"].erase("strong_within");
  const auto m = compile(doc);
  Json events = Json::array();
  for (int day = 1; day <= 15; ++day) {
    char at[32];
    std::snprintf(at, sizeof at, "2020-01-%02dT00:00:00Z", day);
    events.push_back({{"type", "page_view"}, {"at", at}, {"props", {{"url", "/pricing"}}}});
  }
  const Json r = score(m, lead_scoring(0), &events);
  REQUIRE(r["route"]["strong_actions"].size() == 10);
  CHECK(r["route"]["strong_actions"][0]["at"] == "2020-01-15T00:00:00Z");
  CHECK(r["route"]["strong_actions"][9]["at"] == "2020-01-06T00:00:00Z");
}

TEST_CASE("routing: a quality condition reads the form-check verdict", "[routing]") {
  Json doc = base_model();
  doc["checks"] = Json::parse(R"({"fields":{"email":"email","hp":"honeypot"}})");
  const auto m = compile(doc);
  Json lead = lead_scoring(80);
  lead["email"] = "dana@northwind-analytics.com";
  CHECK(score(m, lead)["route"]["rule"] == "hot");
  lead["hp"] = "http://spam.example";
  CHECK(score(m, lead)["route"]["rule"] == "spam");
  // Without a checks section there is no verdict: the quality rule never matches.
  CHECK(score(compile(base_model()), lead)["route"]["rule"] == "hot");
}

TEST_CASE("tracking: a dead band holds the band while the lead hovers at a threshold", "[routing][tracking]") {
  Json doc = base_model();
  doc["routing"]["dead_band"] = {{"score", 3}};
  const auto held = compile(doc);
  const auto plain = compile(base_model());

  // 69 -> 71 -> 69 -> 74: with a dead band of 3 the warm band (30..69) is held up to 72.
  const Json first = score(held, lead_scoring(69));
  const Json second = score(held, lead_scoring(71), nullptr, &first);
  CHECK(second["tracking"] == Json::parse(R"({"band":"warm","grade":null,"changes":[]})"));
  CHECK(second["route"]["band"] == "warm");
  CHECK(second["band"]["id"] == "hot");  // the score's own band is unchanged
  const Json third = score(held, lead_scoring(69), nullptr, &second);
  CHECK(third["tracking"]["changes"] == Json::array());
  const Json fourth = score(held, lead_scoring(73), nullptr, &third);
  CHECK(fourth["tracking"] == Json::parse(R"({"band":"hot","grade":null,"changes":[{"kind":"band","left":"warm","entered":"hot"}]})"));
  CHECK(fourth["route"]["rule"] == "hot");
  // Once hot, the dead band holds hot down to 67.
  const Json fifth = score(held, lead_scoring(67), nullptr, &fourth);
  CHECK(fifth["tracking"]["band"] == "hot");

  // Without a dead band every crossing is a change.
  const Json a = score(plain, lead_scoring(69));
  const Json b = score(plain, lead_scoring(71), nullptr, &a);
  CHECK(b["tracking"]["changes"] == Json::parse(R"([{"kind":"band","left":"warm","entered":"hot"}])"));
  const Json c = score(plain, lead_scoring(69), nullptr, &b);
  CHECK(c["tracking"]["changes"] == Json::parse(R"([{"kind":"band","left":"hot","entered":"warm"}])"));
}

TEST_CASE("tracking: a jump past the dead band lands in the score's own band", "[routing][tracking]") {
  Json doc = base_model();
  doc["routing"]["dead_band"] = {{"score", 3}};
  const auto m = compile(doc);
  const Json prev = Json::parse(R"({"tracking":{"band":"cold","grade":null}})");
  const Json r = score(m, lead_scoring(90), nullptr, &prev);
  CHECK(r["tracking"]["changes"] == Json::parse(R"([{"kind":"band","left":"cold","entered":"hot"}])"));
}

TEST_CASE("tracking: a bad previous result is previous_invalid with a pointer", "[routing][tracking]") {
  const auto m = compile(base_model());
  auto err = [&](const char* text) {
    const Json prev = Json::parse(text);
    leadscore::ScoreOptions options{kNow};
    options.previous = &prev;
    auto r = leadscore::score(m, lead_scoring(1), options);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "previous_invalid");
    return r.error().path;
  };
  CHECK(err("[1]") == "/previous");
  CHECK(err("{}") == "/previous/band");
  CHECK(err(R"({"band":{"id":"lukewarm"}})") == "/previous/band/id");
  CHECK(err(R"({"band":{"id":"warm"},"grade":{"letter":"E"}})") == "/previous/grade/letter");
  CHECK(err(R"({"tracking":{"band":"tepid"}})") == "/previous/tracking/band");
  CHECK(err(R"({"tracking":{"band":"warm","grade":"Z"}})") == "/previous/tracking/grade");
  CHECK(err(R"({"tracking":"warm"})") == "/previous/tracking");
  // The message never repeats the caller's value.
  const Json prev = Json::parse(R"({"band":{"id":"secret-value"}})");
  leadscore::ScoreOptions options{kNow};
  options.previous = &prev;
  auto r = leadscore::score(m, lead_scoring(1), options);
  REQUIRE_FALSE(r);
  CHECK(r.error().message.find("secret-value") == std::string::npos);
}

TEST_CASE("routing: model errors name the JSON pointer", "[routing]") {
  auto with = [](const char* pointer, const Json& value) {
    Json doc = base_model();
    doc[Json::json_pointer(pointer)] = value;
    return model_error(doc);
  };
  auto check = [](const leadscore::Error& e, const char* code, const char* path) {
    CHECK(e.code == code);
    CHECK(e.path == path);
  };
  check(with("/routing/rules/2/bands", Json::array({"hot", "tepid"})), "unknown_band", "/routing/rules/2/bands/1");
  check(with("/routing/rules/2/grade", {{"min", "B"}}), "grading_missing", "/routing/rules/2/grade");
  check(with("/routing/rules/1/id", "spam"), "duplicate_id", "/routing/rules/1/id");
  check(with("/routing/rules/1/id", "verdict"), "reserved_id", "/routing/rules/1/id");
  check(with("/routing/rules/1/colour", "red"), "unknown_key", "/routing/rules/1/colour");
  check(with("/routing/rules/1/action", "send to sales"), "invalid_name", "/routing/rules/1/action");
  check(with("/routing/rules/1/reason", ""), "empty_value", "/routing/rules/1/reason");
  check(with("/routing/rules/1/strong_action", "yes"), "wrong_type", "/routing/rules/1/strong_action");
  check(with("/routing/rules/0/quality", Json::array({"great"})), "unknown_quality", "/routing/rules/0/quality/0");
  check(with("/routing/verdicts", {{"maybe", "review"}}), "unknown_key", "/routing/verdicts/maybe");
  check(with("/routing/verdicts", {{"qualified", "9lives"}}), "invalid_name", "/routing/verdicts/qualified");
  check(with("/routing/dead_band", {{"score", 101}}), "value_range", "/routing/dead_band/score");
  check(with("/routing/strong_within", "30 days"), "duration_syntax", "/routing/strong_within");
  Json no_default = base_model();
  no_default["routing"].erase("default");
  check(model_error(no_default), "missing_key", "/routing/default");
  Json no_reason = base_model();
  no_reason["routing"]["rules"][3].erase("reason");
  check(model_error(no_reason), "missing_key", "/routing/rules/3/reason");
}

TEST_CASE("routing: only event rules can be strong", "[routing]") {
  Json doc = base_model();
  doc["engagement"]["rules"].push_back(Json::parse(
      R"({"id":"web.often","group":"web","pattern":"frequency","events":"page_view","at_least":3,"within":"7d","points":1,"strong":true})"));
  const auto e = model_error(doc);
  CHECK(e.code == "rule_kind");
  CHECK(e.path == "/engagement/rules/3/strong");
  Json bad = base_model();
  bad["engagement"]["rules"][0]["strong"] = "yes";
  CHECK(model_error(bad).path == "/engagement/rules/0/strong");
}

TEST_CASE("routing: a sales verdict overrides the matrix and keeps what it said", "[routing]") {
  const auto m = compile(base_model());
  const std::vector<leadscore::StrongAction> none;
  leadscore::RouteInput input;
  input.band = "hot";
  input.strong_actions = &none;
  // The route object as a result shows it: explained, then written.
  const auto route_lead = [](const leadscore::Routing& routing, const leadscore::RouteInput& in) {
    leadscore::RouteExplanation explained;
    leadscore::explain_route(routing, in, explained);
    std::string text;
    leadscore::write_route(explained, text);
    return Json::parse(text);
  };
  leadscore::SalesVerdict verdict{"disqualified", "rep-17", "budget frozen", 1795435200000};  // 2026-11-23T12:00:00Z
  input.verdict = &verdict;
  const Json r = route_lead(*m.routing(), input);
  CHECK(r["action"] == "discard");
  CHECK(r["rule"] == "verdict");
  CHECK(r["reason"] == "Sales verdict \"disqualified\" by rep-17 at 2026-11-23T12:00:00Z: budget frozen");
  CHECK(r["overridden"] == Json::parse(R"({"rule":"hot","action":"call_now","reason":"hot"})"));

  Json doc = base_model();
  doc["routing"]["verdicts"] = {{"qualified", "fast_track"}};
  const auto custom = compile(doc);
  verdict = leadscore::SalesVerdict{"qualified", "rep-2", "", 1795435200000};
  input.band = "cold";
  const Json q = route_lead(*custom.routing(), input);
  CHECK(q["action"] == "fast_track");
  CHECK(q["reason"] == "Sales verdict \"qualified\" by rep-2 at 2026-11-23T12:00:00Z");
  CHECK(q["overridden"]["rule"] == "quiet_cold");
  CHECK(custom.routing()->disqualified_action == "discard");
}

TEST_CASE("describe_route: every row of the matrix for a scored lead, decided by the router", "[routing][describe]") {
  const auto m = compile(base_model());
  using Row = std::tuple<std::string, bool, std::string>;
  const auto rows_of = [](const Json& described) {
    std::vector<Row> rows;
    for (const Json& r : described["rows"]) rows.emplace_back(r["rule"], r["holds"], r["state"]);
    return rows;
  };
  const Json cold = score(m, lead_scoring(10));
  auto d = leadscore::describe_route(m, cold);
  REQUIRE(d);
  CHECK(d.value()["rule"] == "quiet_cold");
  CHECK(rows_of(d.value()) == std::vector<Row>{{"spam", false, "no_match"}, {"strong", false, "no_match"},
                                               {"hot", false, "no_match"}, {"quiet_cold", true, "matched"},
                                               {"default", true, "not_reached"}});
  CHECK(d.value()["rows"][3]["action"] == "discard");
  // A hot lead: the cold rule after the match neither holds nor is reached.
  d = leadscore::describe_route(m, score(m, lead_scoring(70)));
  REQUIRE(d);
  CHECK(rows_of(d.value()) == std::vector<Row>{{"spam", false, "no_match"}, {"strong", false, "no_match"},
                                               {"hot", true, "matched"}, {"quiet_cold", false, "not_reached"},
                                               {"default", true, "not_reached"}});
  // A strong action: that row decides, and the hot row below it would also hold.
  const Json events = Json::parse(R"([{"type":"demo_request","at":"2026-11-20T09:00:00Z"}])");
  d = leadscore::describe_route(m, score(m, lead_scoring(70), &events));
  REQUIRE(d);
  CHECK(rows_of(d.value())[1] == Row{"strong", true, "matched"});
  CHECK(rows_of(d.value())[2] == Row{"hot", true, "not_reached"});
}

TEST_CASE("describe_route: a result this model's routing would not give, and bad input, are errors", "[routing][describe]") {
  const auto m = compile(base_model());
  Json edited = score(m, lead_scoring(10));
  edited["route"]["band"] = "hot";  // the router would pick "hot", the result says "quiet_cold"
  auto d = leadscore::describe_route(m, edited);
  REQUIRE_FALSE(d);
  CHECK(d.error().code == "result_invalid");
  CHECK(d.error().path == "/route/rule");
  Json no_route = score(m, lead_scoring(10));
  no_route.erase("route");
  d = leadscore::describe_route(m, no_route);
  REQUIRE_FALSE(d);
  CHECK(d.error().path == "/route");
  Json bad_grade = score(m, lead_scoring(10));
  bad_grade["route"]["grade"] = "E";
  d = leadscore::describe_route(m, bad_grade);
  REQUIRE_FALSE(d);
  CHECK(d.error().path == "/route/grade");
  d = leadscore::describe_route(m, Json::array());
  REQUIRE_FALSE(d);
  CHECK(d.error().code == "result_invalid");
  Json without = base_model();
  without.erase("routing");
  const auto plain = compile(without);
  d = leadscore::describe_route(plain, score(plain, lead_scoring(10)));
  REQUIRE_FALSE(d);
  CHECK(d.error().code == "routing_missing");
}
