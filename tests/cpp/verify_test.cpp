// Submissions and server-side verification through the public API (leadscore/verify.h):
// make_submission's layout, match / mismatch / model_mismatch, the first-difference rules
// (key order, one-sided keys, numbers as JSON values), malformed submissions with their pointers,
// recomputation errors under /inputs, and bounded work on hostile submissions.
#include <catch2/catch.hpp>

#include <string>

#include "score/verify_compare.h"  // internal: the comparison rules are checked directly
#include "leadscore/leadscore.h"
#include "test_support.h"

using leadscore::Json;

namespace {

const char* kModel = R"({"format_version":1,"id":"v","version":"2",
  "fields":[{"name":"title","type":"string"},{"name":"size","type":"integer"}],
  "groups":[{"id":"fit"}],
  "rules":[{"id":"ceo","group":"fit","points":30,"when":{"==":[{"var":"title"},"CEO"]}},
           {"id":"big","group":"fit","points":12.5,"when":{">=":[{"var":"size"},100]}}],
  "scale":{"min":0,"max":100},
  "bands":[{"id":"low","action":"email","from":0,"to":39},{"id":"high","action":"call","from":40,"to":100}],
  "engagement":{"event_types":[{"id":"visit"}],"groups":[{"id":"web"}],
    "rules":[{"id":"web.visit","group":"web","event":"visit","points":5}]}})";

const std::string kNow = "2026-11-23T10:00:00Z";

const leadscore::Model& model() {
  static const leadscore::Model m = test_support::parsed_model(kModel);
  return m;
}

Json lead() { return Json{{"title", "CEO"}, {"size", 250}}; }
Json events() { return Json::array({{{"type", "visit"}, {"at", "2026-11-20T09:00:00Z"}}}); }

Json submission(const Json& the_lead = lead(), const std::string& now = kNow) {
  const Json e = events();
  leadscore::ScoreOptions options{now, &e};
  auto made = leadscore::make_submission(model(), the_lead, options);
  REQUIRE(made);
  return made.value();
}

Json verified(const Json& s) {
  auto v = leadscore::verify(model(), s);
  INFO((v ? std::string() : v.error().code + " " + v.error().path));
  REQUIRE(v);
  return v.value();
}

leadscore::Error failure(const Json& s) {
  auto v = leadscore::verify(model(), s);
  REQUIRE_FALSE(v);
  return v.error();
}

Json differs_at(const std::string& field, const Json& expected, const Json& received) {
  return Json{{"status", "mismatch"}, {"field", field}, {"expected", expected}, {"received", received}};
}

}  // namespace

TEST_CASE("make_submission packs model identity, the inputs as given and score()'s result", "[verify]") {
  const Json e = events();
  leadscore::ScoreOptions options{"2026-11-23T11:00:00+01:00", &e, leadscore::Language::Fr};
  auto made = leadscore::make_submission(model(), lead(), options);
  REQUIRE(made);
  const Json& s = made.value();
  CHECK(s["format"] == "leadscore-submission/1");
  CHECK(s["model"] == Json{{"id", "v"}, {"version", "2"}, {"fingerprint", model().fingerprint()}});
  CHECK(s["inputs"] == Json{{"lead", lead()}, {"now", "2026-11-23T11:00:00+01:00"}, {"lang", "fr"}, {"events", e}});
  auto scored = leadscore::score(model(), lead(), options);
  REQUIRE(scored);
  CHECK(leadscore::dump_json(s["result"]) == leadscore::dump_json(scored.value()));
  CHECK(s["result"]["now"] == "2026-11-23T10:00:00Z");  // the result normalises; the inputs do not

  leadscore::ScoreOptions bare{kNow};
  auto plain = leadscore::make_submission(model(), lead(), bare);
  REQUIRE(plain);
  CHECK(plain.value()["inputs"] == Json{{"lead", lead()}, {"now", kNow}, {"lang", "en"}});
  CHECK(s.size() == 4);

  auto bad = leadscore::make_submission(model(), Json::array(), bare);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == "lead_not_object");
}

TEST_CASE("an honest submission matches, also after a trip through JSON text", "[verify]") {
  const Json s = submission();
  CHECK(verified(s) == Json{{"status", "match"}});
  auto reparsed = leadscore::parse_json(leadscore::dump_json(s), "submission", 200);
  REQUIRE(reparsed);
  CHECK(verified(reparsed.value()) == Json{{"status", "match"}});
  // An instant spelled with an offset is recomputed as given and still matches.
  CHECK(verified(submission(lead(), "2026-11-23T11:00:00+01:00")) == Json{{"status", "match"}});
}

TEST_CASE("a tampered result is a mismatch at the first differing pointer", "[verify]") {
  // Points: ceo 30 + big 12.5 + visit 5 = 47.5 -> score 48 (round half up of 47.5), band high.
  const Json honest = submission();
  REQUIRE(honest["result"]["score"] == 48);

  Json s = honest;
  s["result"]["score"] = 99;
  CHECK(verified(s) == differs_at("/score", 48, 99));

  s = honest;
  s["result"]["band"]["id"] = "low";
  CHECK(verified(s) == differs_at("/band/id", "high", "low"));

  s = honest;
  s["result"]["contributions"][1]["points"] = 20;
  CHECK(verified(s) == differs_at("/contributions/1/points", 12.5, 20));

  // Two tampered fields: the first in key order ("band" < "score") is reported.
  s = honest;
  s["result"]["score"] = 10;
  s["result"]["band"]["id"] = "low";
  CHECK(verified(s)["field"] == "/band/id");

  // A string where a number was: different JSON values even if they print alike.
  s = honest;
  s["result"]["score"] = "48";
  CHECK(verified(s) == differs_at("/score", 48, "48"));

  // A whole object replaced by a scalar is a difference at the object's pointer.
  s = honest;
  s["result"]["band"] = 1;
  CHECK(verified(s) == differs_at("/band", honest["result"]["band"], 1));
}

TEST_CASE("keys and elements on one side only count, with the missing side left out", "[verify]") {
  const Json honest = submission();
  Json s = honest;
  s["result"]["bonus"] = 10;  // sorts between "band" and "contributions"
  CHECK(verified(s) == Json{{"status", "mismatch"}, {"field", "/bonus"}, {"received", 10}});

  s = honest;
  s["result"].erase("warnings");
  CHECK(verified(s) == Json{{"status", "mismatch"}, {"field", "/warnings"}, {"expected", Json::array()}});

  s = honest;
  const Json dropped = s["result"]["contributions"][2];
  s["result"]["contributions"].erase(2);
  CHECK(verified(s) == Json{{"status", "mismatch"}, {"field", "/contributions/2"}, {"expected", dropped}});

  s = honest;
  s["result"]["contributions"].push_back(Json{{"kind", "rule"}});
  CHECK(verified(s) == Json{{"status", "mismatch"}, {"field", "/contributions/3"}, {"received", Json{{"kind", "rule"}}}});

  // Pointer tokens are escaped.
  s = honest;
  s["result"]["a/b~c"] = true;
  CHECK(verified(s)["field"] == "/a~1b~0c");
}

TEST_CASE("numbers compare as JSON values: 30 equals 30.0, 2^53 + 1 does not equal 2^53", "[verify]") {
  Json s = submission();
  s["result"]["contributions"][0]["points"] = 30.0;
  s["result"]["score"] = 48u;
  CHECK(verified(s) == Json{{"status", "match"}});
  s["result"]["score"] = 48.5;
  CHECK(verified(s) == differs_at("/score", 48, 48.5));

  // Past 2^53 a double cannot hold the integer, though operator== would call them equal.
  CHECK(leadscore::first_difference(Json(9007199254740993LL), Json(9007199254740992.0)));
  CHECK_FALSE(leadscore::first_difference(Json(9007199254740992LL), Json(9007199254740992.0)));
  CHECK_FALSE(leadscore::first_difference(Json(-3), Json(-3.0)));
}

TEST_CASE("a forged fingerprint is a model_mismatch, in the submission's model or in the result", "[verify]") {
  const Json honest = submission();
  const std::string fp = model().fingerprint();
  const std::string forged = "sha256:" + std::string(64, '0');

  Json s = honest;
  s["model"]["fingerprint"] = forged;
  CHECK(verified(s) == Json{{"status", "model_mismatch"}, {"expected", fp}, {"received", forged}});

  s = honest;
  s["result"]["model"]["fingerprint"] = forged;
  CHECK(verified(s) == Json{{"status", "model_mismatch"}, {"expected", fp}, {"received", forged}});

  // Checked before the result is compared: a forged fingerprint and a tampered score report the model.
  s["result"]["score"] = 100;
  CHECK(verified(s)["status"] == "model_mismatch");

  // A non-string fingerprint in the result is forged too.
  s = honest;
  s["result"]["model"]["fingerprint"] = 7;
  CHECK(verified(s) == Json{{"status", "model_mismatch"}, {"expected", fp}, {"received", 7}});

  // id and version are labels: the fingerprint covers the whole model document.
  s = honest;
  s["model"]["version"] = "3";
  CHECK(verified(s)["status"] == "match");
  // ...but the result's copy of them is compared like any field.
  s["result"]["model"]["version"] = "3";
  CHECK(verified(s) == differs_at("/model/version", "2", "3"));

  // A result without its model is a plain difference.
  s = honest;
  s["result"].erase("model");
  CHECK(verified(s)["field"] == "/model");
}

TEST_CASE("changed inputs with the old result are a mismatch", "[verify]") {
  const Json honest = submission();
  Json s = honest;
  // Loses ceo's 30 points: 17.5 -> score 18, band low. The band's keys in order: action, id, label.
  s["inputs"]["lead"]["title"] = "Intern";
  CHECK(verified(s) == differs_at("/band/action", "email", "call"));

  s = honest;
  s["inputs"]["events"] = Json::array();  // loses the visit's 5 points
  CHECK(verified(s)["status"] == "mismatch");

  s = honest;
  s["inputs"]["now"] = "2026-11-24T10:00:00Z";
  CHECK(verified(s) == differs_at("/now", "2026-11-24T10:00:00Z", kNow));
}

TEST_CASE("a malformed submission is submission_invalid at the pointer of what is wrong", "[verify]") {
  const Json honest = submission();
  auto expect_invalid = [](const Json& s, const std::string& pointer) {
    const auto e = failure(s);
    CHECK(e.code == "submission_invalid");
    CHECK(e.path == pointer);
  };
  expect_invalid(Json::array(), "");
  expect_invalid(Json("text"), "");
  Json s = honest;
  s.erase("format");
  expect_invalid(s, "/format");
  s["format"] = "leadscore-submission/2";
  expect_invalid(s, "/format");
  s["format"] = 1;
  expect_invalid(s, "/format");

  s = honest;
  s.erase("model");
  expect_invalid(s, "/model");
  s["model"] = "v";
  expect_invalid(s, "/model");
  s["model"] = Json{{"id", "v"}};
  expect_invalid(s, "/model/fingerprint");
  s["model"]["fingerprint"] = nullptr;
  expect_invalid(s, "/model/fingerprint");
  s = honest;
  s["model"]["id"] = 3;
  expect_invalid(s, "/model/id");

  s = honest;
  s.erase("inputs");
  expect_invalid(s, "/inputs");
  s["inputs"] = Json::array();
  expect_invalid(s, "/inputs");
  s = honest;
  s["inputs"].erase("lead");
  expect_invalid(s, "/inputs/lead");
  s = honest;
  s["inputs"].erase("now");
  expect_invalid(s, "/inputs/now");
  s["inputs"]["now"] = 1700000000;
  expect_invalid(s, "/inputs/now");
  s = honest;
  s["inputs"]["lang"] = "de";
  expect_invalid(s, "/inputs/lang");

  s = honest;
  s.erase("result");
  expect_invalid(s, "/result");
  s["result"] = Json::array();
  expect_invalid(s, "/result");
}

TEST_CASE("a recomputation that fails returns score()'s error under /inputs", "[verify]") {
  const Json honest = submission();
  auto expect_error = [](const Json& s, const std::string& code, const std::string& pointer) {
    const auto e = failure(s);
    CHECK(e.code == code);
    CHECK(e.path == pointer);
  };
  Json s = honest;
  s["inputs"]["lead"] = Json::array();
  expect_error(s, "lead_not_object", "/inputs/lead");
  s = honest;
  s["inputs"]["now"] = "yesterday";
  expect_error(s, "now_invalid", "/inputs/now");
  s["inputs"]["now"] = "";
  expect_error(s, "now_missing", "/inputs/now");
  s = honest;
  s["inputs"]["events"] = Json::object();
  expect_error(s, "events_not_array", "/inputs/events");

  // Too deep inside the lead: the pointer is the lead's own place in the submission.
  s = honest;
  Json deep = 1;
  for (int i = 0; i < 140; ++i) deep = Json::array({deep});
  s["inputs"]["lead"]["events"] = deep;
  const auto e = failure(s);
  CHECK(e.code == "json_too_deep");
  CHECK(e.path.rfind("/inputs/lead/events/0/0", 0) == 0);
}

TEST_CASE("hostile submissions: deep nesting and huge results are bounded", "[verify]") {
  // A value built in C++ has not been through parse_json's depth limit.
  Json deep = Json::object();
  for (int i = 0; i < 20000; ++i) deep = Json{{"x", std::move(deep)}};
  Json s = submission();
  s["result"]["deep"] = std::move(deep);
  const auto e = failure(s);
  CHECK(e.code == "json_too_deep");
  CHECK(e.path.rfind("/result/deep/x/x", 0) == 0);

  // 200,000 extra contributions: the first extra one is the difference.
  s = submission();
  for (int i = 0; i < 200000; ++i) s["result"]["contributions"].push_back(i);
  CHECK(verified(s) == Json{{"status", "mismatch"}, {"field", "/contributions/3"}, {"received", 0}});
}

TEST_CASE("the default model verifies its own submissions; another model's are model_mismatch", "[verify]") {
  auto set = leadscore::Model::parse(leadscore::default_model_text());
  REQUIRE(set);
  leadscore::ScoreOptions options{kNow};
  auto made = leadscore::make_submission(set.value(), Json{{"email", "ada@acme.example"}, {"seniority", "vp"}}, options);
  REQUIRE(made);
  CHECK(leadscore::verify(set.value(), made.value()).value() == Json{{"status", "match"}});
  // Verified with another model: the fingerprints differ.
  CHECK(leadscore::verify(model(), made.value()).value()["status"] == "model_mismatch");
}
