// Sales feedback through the public C++ API (ScoreOptions::feedback): every malformed part fails
// with feedback_invalid at its pointer and without echoing the input, the 1,000-adjustment bound,
// ties in grade adjustment order, and the model's feedback section. Vectors 340-359 pin the
// arithmetic; these tests cover the error table and the bounds.
#include <catch2/catch.hpp>

#include <string>
#include <tuple>

#include "leadscore/leadscore.h"
#include "test_support.h"

using leadscore::Json;

namespace {

const char* kNow = "2026-11-23T10:00:00Z";

const char* kModel = R"({"format_version": 1, "id": "f", "version": "1",
  "fields": [{"name": "industry", "type": "string"}], "groups": [{"id": "g"}],
  "rules": [{"id": "r", "group": "g", "points": 20, "when": true}], "scale": {"min": 0, "max": 100},
  "bands": [{"id": "all", "action": "none", "from": 0, "to": 100}],
  "grading": {"criteria": [{"id": "sw", "weight": 3, "when": {"==": [{"var": "industry"}, "software"]}}]}})";

const leadscore::Model& model() {
  static const leadscore::Model m = test_support::parsed_model(kModel);
  return m;
}

leadscore::Expected<Json> score_with(const Json& feedback) {
  leadscore::ScoreOptions options{kNow};
  options.feedback = &feedback;
  return leadscore::score(model(), {{"industry", "software"}}, options);
}

}  // namespace

TEST_CASE("feedback: malformed feedback fails with its pointer and without its values", "[feedback]") {
  struct Case {
    const char* feedback;
    const char* path;
  };
  // Every case carries the marker SECRET somewhere in the part at fault; no message may repeat it.
  const Case cases[] = {
      {R"("SECRET")", "/feedback"},
      {R"({"adjustments": [], "SECRET": 1})", "/feedback/SECRET"},
      {R"({"adjustments": {"SECRET": 1}})", "/feedback/adjustments"},
      {R"({"adjustments": ["SECRET"]})", "/feedback/adjustments/0"},
      {R"({"adjustments": [{"at": "2026-11-20T10:00:00Z", "points": 1, "reason": "SECRET"}]})", "/feedback/adjustments/0/by"},
      {R"({"adjustments": [{"by": "", "at": "2026-11-20T10:00:00Z", "points": 1, "reason": "SECRET"}]})", "/feedback/adjustments/0/by"},
      {R"({"adjustments": [{"by": 17, "at": "2026-11-20T10:00:00Z", "points": 1, "reason": "SECRET"}]})", "/feedback/adjustments/0/by"},
      {R"({"adjustments": [{"by": "r", "points": 1, "reason": "SECRET"}]})", "/feedback/adjustments/0/at"},
      {R"({"adjustments": [{"by": "r", "at": "2026-11-20T10:00:00SECRET", "points": 1, "reason": "x"}]})", "/feedback/adjustments/0/at"},
      {R"({"adjustments": [{"by": "r", "at": "2026-11-20T10:00:00", "points": 1, "reason": "SECRET"}]})", "/feedback/adjustments/0/at"},
      {R"({"adjustments": [{"by": "r", "at": "2026-11-20T10:00:00Z", "points": 1}]})", "/feedback/adjustments/0/reason"},
      {R"({"adjustments": [{"by": "r", "at": "2026-11-20T10:00:00Z", "reason": "SECRET"}]})", "/feedback/adjustments/0"},
      {R"({"adjustments": [{"by": "r", "at": "2026-11-20T10:00:00Z", "points": 0, "reason": "SECRET"}]})", "/feedback/adjustments/0/points"},
      {R"({"adjustments": [{"by": "r", "at": "2026-11-20T10:00:00Z", "points": 1.234, "reason": "SECRET"}]})", "/feedback/adjustments/0/points"},
      {R"({"adjustments": [{"by": "r", "at": "2026-11-20T10:00:00Z", "points": "10", "reason": "SECRET"}]})", "/feedback/adjustments/0/points"},
      {R"({"adjustments": [{"by": "r", "at": "2026-11-20T10:00:00Z", "points": 1e12, "reason": "SECRET"}]})", "/feedback/adjustments/0/points"},
      {R"({"adjustments": [{"by": "r", "at": "2026-11-20T10:00:00Z", "grade": "SECRET", "reason": "x"}]})", "/feedback/adjustments/0/grade"},
      {R"({"adjustments": [{"by": "r", "at": "2026-11-20T10:00:00Z", "grade": 0, "reason": "SECRET"}]})", "/feedback/adjustments/0/grade"},
      {R"({"adjustments": [{"by": "r", "at": "2026-11-20T10:00:00Z", "grade": -13, "reason": "SECRET"}]})", "/feedback/adjustments/0/grade"},
      {R"({"adjustments": [{"by": "r", "at": "2026-11-20T10:00:00Z", "grade": 2.5, "reason": "SECRET"}]})", "/feedback/adjustments/0/grade"},
      {R"({"adjustments": [{"by": "r", "at": "2026-11-20T10:00:00Z", "grade": true, "reason": "SECRET"}]})", "/feedback/adjustments/0/grade"},
      {R"({"adjustments": [{"by": "r", "at": "2026-11-20T10:00:00Z", "grade": null, "reason": "SECRET"}]})", "/feedback/adjustments/0/grade"},
      {R"({"adjustments": [{"by": "r", "at": "2026-11-20T10:00:00Z", "points": 1, "reason": "SECRET", "expires": ""}]})", "/feedback/adjustments/0/expires"},
      {R"({"adjustments": [{"by": "r", "at": "2026-11-20T10:00:00Z", "points": 1, "reason": "SECRET", "expires": "2026-11-19T10:00:00Z"}]})", "/feedback/adjustments/0/expires"},
      {R"({"adjustments": [{"by": "r", "at": "2026-11-20T10:00:00Z", "points": 1, "reason": "x", "note": "SECRET"}]})", "/feedback/adjustments/0/note"},
      {R"({"verdict": "SECRET"})", "/feedback/verdict"},
      {R"({"verdict": {"by": "r", "at": "2026-11-20T10:00:00Z", "value": "qualified"}})", "/feedback/verdict/reason"},
      {R"({"verdict": {"by": "r", "at": "2026-11-20T10:00:00Z", "value": "SECRET", "reason": "x"}})", "/feedback/verdict/value"},
      {R"({"verdict": {"by": "r", "at": "2026-11-20T10:00:00Z", "value": "qualified", "reason": "x", "SECRET": 1}})", "/feedback/verdict/SECRET"},
  };
  for (const Case& c : cases) {
    INFO(c.feedback);
    const auto r = score_with(Json::parse(c.feedback));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "feedback_invalid");
    CHECK(r.error().path == c.path);
    // Keys may be named (the path above does); values must not be echoed.
    if (std::string(c.path).find("SECRET") == std::string::npos) CHECK(r.error().message.find("SECRET") == std::string::npos);
  }
}

TEST_CASE("feedback: by and reason are bounded", "[feedback]") {
  Json a = {{"by", std::string(200, 'b')}, {"at", "2026-11-20T10:00:00Z"}, {"points", 1}, {"reason", std::string(1000, 'r')}};
  CHECK(score_with({{"adjustments", {a}}}));
  a["by"] = std::string(201, 'b');
  auto r = score_with({{"adjustments", {a}}});
  REQUIRE_FALSE(r);
  CHECK(r.error().path == "/feedback/adjustments/0/by");
  a["by"] = "b";
  a["reason"] = std::string(1001, 'r');
  r = score_with({{"adjustments", {a}}});
  REQUIRE_FALSE(r);
  CHECK(r.error().path == "/feedback/adjustments/0/reason");
}

TEST_CASE("feedback: at most 1,000 adjustments", "[feedback]") {
  const Json one = {{"by", "r"}, {"at", "2026-11-20T10:00:00Z"}, {"points", 0.01}, {"reason", "x"}};
  Json list = Json::array();
  for (int i = 0; i < 1000; ++i) list.push_back(one);
  auto r = score_with({{"adjustments", list}});
  REQUIRE(r);
  CHECK(r.value()["feedback"]["points"] == 10);  // 1,000 x 0.01, in integer centipoints
  CHECK(r.value()["feedback"]["active"] == 1000);
  list.push_back(one);
  r = score_with({{"adjustments", list}});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == "feedback_invalid");
  CHECK(r.error().path == "/feedback/adjustments");
}

TEST_CASE("feedback: grade adjustments at the same instant keep their list order", "[feedback]") {
  const Json set_b = {{"by", "r"}, {"at", "2026-11-20T10:00:00Z"}, {"grade", "B"}, {"reason", "x"}};
  const Json plus_one = {{"by", "r"}, {"at", "2026-11-20T11:00:00+01:00"}, {"grade", 1}, {"reason", "x"}};  // same instant
  auto r = score_with({{"adjustments", {set_b, plus_one}}});
  REQUIRE(r);
  CHECK(r.value()["grade"]["letter"] == "B+");  // set B (8), then +1
  r = score_with({{"adjustments", {plus_one, set_b}}});
  REQUIRE(r);
  CHECK(r.value()["grade"]["letter"] == "B");  // C (5) +1, then set B
}

TEST_CASE("feedback: empty feedback and a null verdict", "[feedback]") {
  auto r = score_with(Json::object());
  REQUIRE(r);
  CHECK(r.value()["feedback"] == Json{{"points", 0}, {"active", 0}, {"expired", 0}, {"future", 0}, {"verdict", nullptr}});
  CHECK(r.value()["contributions"].size() == 1);
  r = score_with({{"adjustments", Json::array()}, {"verdict", nullptr}});
  REQUIRE(r);
  CHECK(r.value()["feedback"]["verdict"].is_null());
  CHECK_FALSE(r.value()["grade"].contains("adjustments"));
}

TEST_CASE("feedback: the longest default expiry does not overflow", "[feedback]") {
  std::string text = kModel;
  text.insert(text.rfind('}'), R"(, "feedback": {"expire_after": "999999w"})");
  auto m = leadscore::Model::parse(text);
  REQUIRE(m);
  const Json feedback = {{"adjustments", {{{"by", "r"}, {"at", "9999-12-31T23:59:59Z"}, {"points", 1}, {"reason", "x"}}}}};
  leadscore::ScoreOptions options{"9999-12-31T23:59:59Z"};
  options.feedback = &feedback;
  auto r = leadscore::score(m.value(), Json::object(), options);
  REQUIRE(r);
  CHECK(r.value()["feedback"]["active"] == 1);
}

TEST_CASE("feedback: the model section", "[feedback]") {
  const auto with = [](const char* section) {
    std::string text = kModel;
    text.insert(text.rfind('}'), std::string(R"(, "feedback": )") + section);
    return leadscore::Model::parse(text);
  };
  CHECK(with("{}"));
  CHECK(with(R"({"expire_after": "90d", "description": "a quarter"})"));
  for (const auto& [section, code, path] : {std::tuple{"[]", "wrong_type", "/feedback"},
                                            std::tuple{R"({"expire_after": 90})", "wrong_type", "/feedback/expire_after"},
                                            std::tuple{R"({"expire_after": "0d"})", "duration_syntax", "/feedback/expire_after"},
                                            std::tuple{R"({"group": "g"})", "unknown_key", "/feedback/group"}}) {
    INFO(section);
    auto m = with(section);
    REQUIRE_FALSE(m);
    CHECK(m.error().code == code);
    CHECK(m.error().path == path);
  }
}
