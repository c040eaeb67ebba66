// Engagement through the public C++ API (events in ScoreOptions), the decay arithmetic against an
// independent floating-point reference, bad event input, and lint with engagement.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "engagement/decay.h"  // internal: the fixed-point table and functions are checked directly
#include "leadscore/leadscore.h"

using leadscore::Json;

namespace {

const char* kModel = R"({"format_version":1,"id":"e","version":"1",
  "fields":[{"name":"title","type":"string"}],
  "groups":[{"id":"fit"}],
  "rules":[{"id":"ceo","group":"fit","points":10,"when":{"==":[{"var":"title"},"CEO"]}}],
  "scale":{"min":0,"max":100},
  "bands":[{"id":"low","action":"email","from":0,"to":49},{"id":"high","action":"call","from":50,"to":100}],
  "engagement":{
    "event_types":[{"id":"visit"},{"id":"demo"},{"id":"sent","activity":false},{"id":"open"}],
    "groups":[{"id":"web","decay":{"kind":"half_life","half_life":"10d"}},{"id":"sales","max":50}],
    "rules":[
      {"id":"web.visit","group":"web","event":"visit","points":4,"when":{"in":["/pricing",{"var":"url"}]}},
      {"id":"sales.demo","group":"sales","event":"demo","points":40,"repeat":"once"}
    ]}})";

leadscore::Model model() {
  auto m = leadscore::Model::parse(kModel);
  REQUIRE(m);
  return std::move(m.value());
}

leadscore::Expected<Json> score_with(const Json& events, const std::string& now = "2026-11-23T00:00:00Z") {
  static const leadscore::Model m = model();
  leadscore::ScoreOptions options{now, &events};
  return leadscore::score(m, Json{{"title", "CEO"}}, options);
}

Json visit(const std::string& at, const std::string& url = "/pricing") {
  return Json{{"type", "visit"}, {"at", at}, {"props", {{"url", url}}}};
}

}  // namespace

TEST_CASE("engagement: the halving-root table is round(2^30 * 2^(-1/2^i))") {
  for (int i = 1; i <= 30; ++i) {
    const double exact = std::ldexp(std::exp2(-std::ldexp(1.0, -i)), 30);
    INFO("i = " << i);
    CHECK(std::fabs(static_cast<double>(leadscore::decay::kHalvingRoots[i]) - exact) <= 0.5 + 1e-6);
  }
}

TEST_CASE("engagement: half-life decay agrees with 2^(-age/half_life) to the centipoint") {
  using leadscore::decay::half_life;
  const std::int64_t day = 86400000;
  CHECK(half_life(1000, 0, 30 * day) == 1000);
  CHECK(half_life(1000, 30 * day, 30 * day) == 500);
  CHECK(half_life(1000, 45 * day, 30 * day) == 354);  // 10 x 2^-1.5 = 3.5355
  CHECK(half_life(-1000, 45 * day, 30 * day) == -354);
  CHECK(half_life(1000, 62 * 30 * day, 30 * day) == 0);
  CHECK(half_life(1000, 2000 * 30 * day, 30 * day) == 0);
  // Largest legal points (1e9 points = 1e11 centipoints) must not overflow the fixed point.
  CHECK(half_life(100000000000, 15 * day, 30 * day) == 70710678119);  // 1e11 / sqrt(2) = 70710678118.65
  // A sweep of awkward ages and half-lives against double arithmetic (only the test uses libm).
  for (std::int64_t h : {std::int64_t{7} * 3600000, 13 * day, 30 * day + 1}) {
    for (std::int64_t age = 0; age < 20 * h; age += h / 7 + 12345) {
      const double exact = 12345.0 * std::exp2(-static_cast<double>(age) / static_cast<double>(h));
      const double got = static_cast<double>(half_life(12345, age, h));
      INFO("h=" << h << " age=" << age << " exact=" << exact);
      CHECK(std::fabs(got - exact) <= 0.5 + 1e-3);
    }
  }
}

TEST_CASE("engagement: linear decay and inactivity steps are exact") {
  using namespace leadscore::decay;
  const std::int64_t day = 86400000;
  CHECK(linear(1000, 29 * day, 25, 30 * day) == 1000);
  CHECK(linear(1000, 30 * day, 25, 30 * day) == 750);
  CHECK(linear(1000, 65 * day, 25, 30 * day) == 500);
  CHECK(linear(1000, 400 * day, 25, 30 * day) == 0);
  CHECK(linear(333, 30 * day, 50, 30 * day) == 167);    // 166.5 rounds half away from zero
  CHECK(linear(-333, 30 * day, 50, 30 * day) == -167);
  const leadscore::InactivityDecay step{30 * day, 1000, 30 * day};
  CHECK(inactivity_removed(step, 5000, 29 * day) == 0);
  CHECK(inactivity_removed(step, 5000, 30 * day) == 1000);
  CHECK(inactivity_removed(step, 5000, 75 * day) == 2000);
  CHECK(inactivity_removed(step, 1500, 75 * day) == 1500);  // never below zero
  CHECK(inactivity_removed(step, -500, 75 * day) == 0);
  CHECK(inactivity_removed(step, 5000, 1000000 * day) == 5000);
  const leadscore::InactivityDecay once{30 * day, 1000, std::nullopt};
  CHECK(inactivity_removed(once, 5000, 300 * day) == 1000);
}

TEST_CASE("engagement: events score through ScoreOptions, fit and engagement reported apart") {
  const Json events = Json::array({visit("2026-11-13T00:00:00Z"), visit("2026-11-23T00:00:00Z"),
                                   visit("2026-11-20T00:00:00Z", "/blog"), Json{{"type", "demo"}, {"at", "2026-11-01T00:00:00+02:00"}}});
  auto r = score_with(events);
  REQUIRE(r);
  const Json& result = r.value();
  CHECK(result["fit"]["points"] == 10);
  // 4 x 2^-1 + 4 = 6 (web), 40 (sales, under its max 50).
  CHECK(result["engagement"]["points"] == 46);
  CHECK(result["points"] == 56);
  CHECK(result["last_activity"] == "2026-11-23T00:00:00Z");
  CHECK(result["engagement"]["rules"][0]["matched"] == 2);
  CHECK(result["engagement"]["events"]["used"] == 4);
  // The offset is normalised to UTC in the contribution.
  bool found = false;
  for (const auto& c : result["contributions"])
    if (c["kind"] == "event" && c["rule"] == "sales.demo") found = c["at"] == "2026-10-31T22:00:00Z";
  CHECK(found);
}

TEST_CASE("engagement: bad events are warnings, never crashes") {
  const Json events = Json::array({Json("not an event"), Json{{"type", "visit"}, {"at", "2026-11-20T10:00:00"}},
                                   Json{{"type", "visit"}, {"at", "yesterday"}}, Json{{"type", "visit"}, {"at", "2026-11-20T10:00:00Z"}, {"props", "x"}},
                                   Json{{"at", "2026-11-20T10:00:00Z"}}, Json{{"type", "tweet"}, {"at", "2026-11-20T10:00:00Z"}},
                                   Json{{"type", "tweet"}, {"at", "2026-11-21T10:00:00Z"}}, visit("2027-01-01T00:00:00Z")});
  auto r = score_with(events);
  REQUIRE(r);
  const Json& w = r.value()["warnings"];
  REQUIRE(w.size() == 7);
  CHECK(w[0]["path"] == "/events/0");
  CHECK(w[1]["path"] == "/events/1/at");
  CHECK(w[2]["path"] == "/events/2/at");
  CHECK(w[3]["path"] == "/events/3/props");
  CHECK(w[4]["path"] == "/events/4/type");
  CHECK(w[5]["code"] == "event_unknown_type");
  CHECK(w[5]["path"] == "/events/5/type");
  CHECK(w[6]["code"] == "events_in_future");
  const Json& counts = r.value()["engagement"]["events"];
  CHECK(counts == Json{{"received", 8}, {"invalid", 5}, {"unknown", 2}, {"future", 1}, {"duplicates", 0}, {"used", 0}});
  // Messages name the key, never the value given.
  for (const auto& warning : w) CHECK(warning["message"].get<std::string>().find("yesterday") == std::string::npos);
}

TEST_CASE("engagement: a non-array and too many events fail the lead with a clear error") {
  auto not_array = score_with(Json{{"type", "visit"}});
  REQUIRE_FALSE(not_array);
  CHECK(not_array.error().code == "events_not_array");
  CHECK(not_array.error().path == "/events");

  // 1,000,000 events for one lead: refused by count before anything walks the events (score()
  // checks the size first), so memory and time stay bounded; the array is the caller's memory.
  Json many = Json::array();
  many.get_ref<Json::array_t&>().resize(1000000, visit("2026-11-20T10:00:00Z"));
  auto r = score_with(many);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == "too_many_events");
  CHECK(r.error().path == "/events");

  // Exactly the limit is accepted.
  many.get_ref<Json::array_t&>().resize(100000);
  auto at_limit = score_with(many);
  REQUIRE(at_limit);
  CHECK(at_limit.value()["engagement"]["events"]["duplicates"] == 99999);
}

TEST_CASE("engagement: model errors name the JSON pointer") {
  auto error_of = [](const std::string& patch_from, const std::string& patch_to) {
    std::string text = kModel;
    const auto at = text.find(patch_from);
    REQUIRE(at != std::string::npos);
    text.replace(at, patch_from.size(), patch_to);
    auto m = leadscore::Model::parse(text);
    REQUIRE_FALSE(m);
    return m.error();
  };
  auto e = error_of(R"("event":"demo")", R"("event":"meeting")");
  CHECK(e.code == "unknown_event_type");
  CHECK(e.path == "/engagement/rules/1/event");
  e = error_of(R"("half_life":"10d")", R"("half_life":"10 days")");
  CHECK(e.code == "duration_syntax");
  CHECK(e.path == "/engagement/groups/0/decay/half_life");
  e = error_of(R"("repeat":"once")", R"("repeat":{"max":0})");
  CHECK(e.code == "value_range");
  CHECK(e.path == "/engagement/rules/1/repeat/max");
  e = error_of(R"("event":"demo")", R"("event":"demo","pattern":"recency")");
  CHECK(e.code == "rule_kind");
  e = error_of(R"({"id":"sales","max":50})", R"({"id":"fit"})");
  CHECK(e.code == "duplicate_id");
  CHECK(e.path == "/engagement/groups/1/id");
}

TEST_CASE("lint: engagement widens the reachable scores") {
  // Fit alone reaches 10 of 100 points (band "high" unreachable); a demo adds 40 capped at 50.
  auto m = leadscore::Model::parse(kModel);
  REQUIRE(m);
  for (const auto& f : leadscore::validate_model(m.value())) {
    INFO(f.code << " " << f.path << ": " << f.message);
    CHECK(f.code != "unreachable_band");
  }
}

TEST_CASE("engagement: event_from_row turns an events CSV row into an event") {
  const std::vector<std::string> header = {"lead_id", "type", "at", "url", "campaign"};
  CHECK(leadscore::event_from_row(header, {"L1", "page_view", "2026-11-20T10:00:00Z", "/pricing", ""}) ==
        Json{{"type", "page_view"}, {"at", "2026-11-20T10:00:00Z"}, {"props", {{"url", "/pricing"}}}});
  // No props: no "props" key; an empty time is left out so scoring reports the event as invalid.
  CHECK(leadscore::event_from_row(header, {"L1", "demo", "", "", ""}) == Json{{"type", "demo"}});
}

TEST_CASE("engagement: a condition that fails on an event warns once per rule, in rule order, and later events still count") {
  leadscore::Limits limits;
  limits.max_logic_steps = 30;  // a long "list" in an event's props exhausts it; a short one does not
  const char* text = R"({"format_version":1,"id":"e","version":"1",
    "fields":[{"name":"title","type":"string"}], "groups":[{"id":"fit"}], "rules":[],
    "scale":{"min":0,"max":100}, "bands":[{"id":"all","action":"email","from":0,"to":100}],
    "engagement":{"event_types":[{"id":"visit"}], "groups":[{"id":"web"}],
      "rules":[
        {"id":"b.first","group":"web","event":"visit","points":2,"when":{"some":[{"var":"list"},{"==":[{"var":""},1]}]}},
        {"id":"a.second","group":"web","event":"visit","points":3,"when":{"some":[{"var":"list"},{"==":[{"var":""},2]}]}}
      ]}})";
  auto m = leadscore::Model::parse(text, limits);
  REQUIRE(m.ok());
  Json long_list = Json::array();
  for (int i = 0; i < 40; ++i) long_list.push_back(0);
  const Json events = Json::array({Json{{"type", "visit"}, {"at", "2026-11-20T10:00:00Z"}, {"props", {{"list", long_list}}}},
                                   Json{{"type", "visit"}, {"at", "2026-11-21T10:00:00Z"}, {"props", {{"list", {1, 2}}}}},
                                   Json{{"type", "visit"}, {"at", "2026-11-22T10:00:00Z"}, {"props", {{"list", long_list}}}}});
  leadscore::ScoreOptions options{"2026-11-23T09:30:00Z"};
  options.events = &events;
  auto r = leadscore::score(m.value(), Json::object(), options);
  REQUIRE(r.ok());
  const Json& w = r.value()["warnings"];
  REQUIRE(w.size() == 2);
  CHECK(w[0]["path"] == "/engagement/rules/0/when");
  CHECK(w[1]["path"] == "/engagement/rules/1/when");
  CHECK(w[0]["message"].get<std::string>().find("on event 0:") != std::string::npos);
  CHECK(r.value()["engagement"]["points"] == 5);  // the second event counts for both rules
}
