// The input readers of a score (leadscore/score_readers.h): with form_score_readers(), what the
// form module uses, sales feedback and a previous result fail with not_in_form_module at their
// pointer (under /inputs in verify()), and everything else gives the bytes all_score_readers() gives.
#include <catch2/catch.hpp>

#include <string>
#include <tuple>

#include "leadscore/leadscore.h"
#include "test_support.h"

using leadscore::Json;

namespace {

const char* kNow = "2026-11-23T10:00:00Z";

const char* kModel = R"({"format_version": 1, "id": "r", "version": "1",
  "fields": [{"name": "industry", "type": "string"}], "groups": [{"id": "g"}],
  "rules": [{"id": "sw", "group": "g", "points": 20, "when": {"==": [{"var": "industry"}, "software"]}}],
  "scale": {"min": 0, "max": 100},
  "bands": [{"id": "low", "action": "email", "from": 0, "to": 49}, {"id": "high", "action": "call", "from": 50, "to": 100}],
  "engagement": {"event_types": [{"id": "visit"}], "groups": [{"id": "web"}],
    "rules": [{"id": "web.visit", "group": "web", "event": "visit", "points": 5}]},
  "grading": {"criteria": [{"id": "sw", "weight": 3, "when": {"==": [{"var": "industry"}, "software"]}}]}})";

const leadscore::Model& model() {
  static const leadscore::Model m = test_support::parsed_model(kModel);
  return m;
}

const Json kLead = {{"industry", "software"}};
const Json kEvents = Json::array({{{"type", "visit"}, {"at", "2026-11-20T09:00:00Z"}}});
const Json kFeedback = {{"adjustments", Json::array({{{"by", "rep"}, {"at", "2026-11-20T10:00:00Z"}, {"points", 10},
                                                     {"reason", "met at a fair"}}})}};

leadscore::ScoreOptions options(const Json* feedback = nullptr, const Json* previous = nullptr) {
  leadscore::ScoreOptions o{kNow, &kEvents};
  o.feedback = feedback;
  o.previous = previous;
  return o;
}

std::string written(const leadscore::ScoreReaders& readers, const leadscore::ScoreOptions& o) {
  leadscore::LeadRecord record;
  record.view(kLead);
  leadscore::ScoreResult result;
  const auto error = leadscore::score_into(model(), record, o, result, readers);
  REQUIRE_FALSE(error);
  std::string text;
  leadscore::write_result(result, leadscore::Detail::Explain, text);
  return text;
}

}  // namespace

TEST_CASE("score readers: without feedback or previous, both tables give the same bytes", "[score_readers]") {
  const std::string all = written(leadscore::all_score_readers(), options());
  CHECK(written(leadscore::form_score_readers(), options()) == all);
  // and the overload without a table is all_score_readers()
  leadscore::ScoreResult result;
  leadscore::LeadRecord record;
  record.view(kLead);
  REQUIRE_FALSE(leadscore::score_into(model(), record, options(), result));
  std::string text;
  leadscore::write_result(result, leadscore::Detail::Explain, text);
  CHECK(text == all);
}

TEST_CASE("score readers: the form table refuses feedback and a previous result by name", "[score_readers]") {
  const auto earlier = leadscore::score(model(), kLead, options());
  REQUIRE(earlier);
  const Json& previous = earlier.value();
  for (const auto& [feedback, prev, path] : {std::tuple{&kFeedback, (const Json*)nullptr, "/feedback"},
                                             std::tuple{(const Json*)nullptr, &previous, "/previous"}}) {
    CAPTURE(path);
    // With every reader the input is read...
    const auto full = leadscore::score(model(), kLead, options(feedback, prev), leadscore::all_score_readers());
    REQUIRE(full);
    CHECK(full.value().contains(feedback ? "feedback" : "tracking"));
    // ...with the form's it is refused, never ignored.
    const auto form = leadscore::score(model(), kLead, options(feedback, prev), leadscore::form_score_readers());
    REQUIRE_FALSE(form);
    CHECK(form.error().code == "not_in_form_module");
    CHECK(form.error().path == path);
    CHECK(form.error().message.find("leadscore/form") != std::string::npos);

    const auto submission = leadscore::make_submission(model(), kLead, options(feedback, prev));
    REQUIRE(submission);
    const auto checked = leadscore::verify(model(), submission.value());
    REQUIRE(checked);
    CHECK(checked.value() == Json{{"status", "match"}});
    const auto refused = leadscore::verify(model(), submission.value(), leadscore::form_score_readers());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == "not_in_form_module");
    CHECK(refused.error().path == std::string("/inputs") + path);
    const auto not_made =
        leadscore::make_submission(model(), kLead, options(feedback, prev), leadscore::form_score_readers());
    REQUIRE_FALSE(not_made);
    CHECK(not_made.error().code == "not_in_form_module");
  }
}

TEST_CASE("score readers: the form table verifies a submission without those inputs", "[score_readers]") {
  const auto submission = leadscore::make_submission(model(), kLead, options(), leadscore::form_score_readers());
  REQUIRE(submission);
  const auto checked = leadscore::verify(model(), submission.value(), leadscore::form_score_readers());
  REQUIRE(checked);
  CHECK(checked.value() == Json{{"status", "match"}});
  CHECK(submission.value() == leadscore::make_submission(model(), kLead, options()).value());
}
