// The golden vectors (tests/vectors/*.json, format in its README), run through the C++ API:
// score cases through score(), check cases through check_field() and check_lead().
#include <catch2/catch.hpp>
#include <sstream>

#include <algorithm>
#include <filesystem>

#include "leadscore/leadscore.h"
#include "test_support.h"

using leadscore::Json;

namespace {


// Warnings are compared on code and path only (messages are free text).
Json warning_keys(const Json& warnings) {
  Json out = Json::array();
  for (const auto& w : warnings) out.push_back({{"code", w.value("code", "")}, {"path", w.value("path", "")}});
  return out;
}

// Findings (README, "Check cases"): code, severity, suggestion and span always (absent = absent);
// field and message only where the expected finding gives them.
Json finding_view(const Json& got, const Json& want) {
  Json out = Json::object();
  for (const char* key : {"code", "severity", "suggestion", "span"})
    if (got.contains(key)) out[key] = got[key];
  for (const char* key : {"field", "message"})
    if (want.contains(key) && got.contains(key)) out[key] = got[key];
  return out;
}

void check_findings(const Json& got, const Json& want) {
  REQUIRE(got.is_array());
  CHECK(got.size() == want.size());
  for (std::size_t i = 0; i < std::min(got.size(), want.size()); ++i) {
    INFO("finding " << i);
    CHECK(leadscore::dump_json(finding_view(got[i], want[i])) == leadscore::dump_json(want[i]));
  }
}

// `quality`: a subset of keys; its findings by the finding rules.
void check_quality(const Json& got, const Json& want) {
  for (auto it = want.begin(); it != want.end(); ++it) {
    INFO("quality key " << it.key());
    REQUIRE(got.contains(it.key()));
    if (it.key() == "findings") check_findings(got["findings"], it.value());
    else CHECK(leadscore::dump_json(got[it.key()]) == leadscore::dump_json(it.value()));
  }
}

// Contributions: whole objects, except that a "check" contribution's label (the finding message)
// is compared only when the expected one has a label.
Json contribution_view(const Json& got, const Json& want) {
  Json out = got;
  if (got.value("kind", "") == "check" && !want.contains("label")) out.erase("label");
  return out;
}

void check_expected_subset(const Json& result, const Json& expected) {
  for (auto it = expected.begin(); it != expected.end(); ++it) {
    INFO("key " << it.key());
    REQUIRE(result.contains(it.key()));
    const Json& got = result[it.key()];
    if (it.key() == "warnings") {
      CHECK(warning_keys(got) == it.value());
    } else if (it.key() == "findings") {
      check_findings(got, it.value());
    } else if (it.key() == "quality") {
      check_quality(got, it.value());
    } else if (it.key() == "contributions") {
      REQUIRE(got.is_array());
      CHECK(got.size() == it.value().size());
      for (std::size_t i = 0; i < std::min(got.size(), it.value().size()); ++i) {
        INFO("contribution " << i);
        CHECK(leadscore::dump_json(contribution_view(got[i], it.value()[i])) == leadscore::dump_json(it.value()[i]));
      }
    } else if (it.key() == "model") {
      // The fingerprint cannot be computed by hand: "model" is compared on the keys given.
      for (auto m = it.value().begin(); m != it.value().end(); ++m) {
        INFO("model key " << m.key());
        REQUIRE(got.contains(m.key()));
        CHECK(leadscore::dump_json(got[m.key()]) == leadscore::dump_json(m.value()));
      }
    } else {
      CHECK(leadscore::dump_json(got) == leadscore::dump_json(it.value()));
    }
  }
}

// A summary result is short enough to state whole: every key, exactly (the model by the keys given,
// since a fingerprint cannot be computed by hand).
void check_summary(const Json& result, const Json& expected) {
  Json keys = Json::array(), want = Json::array();
  for (auto it = result.begin(); it != result.end(); ++it) keys.push_back(it.key());
  for (auto it = expected.begin(); it != expected.end(); ++it) want.push_back(it.key());
  CHECK(keys == want);
  for (auto it = expected.begin(); it != expected.end(); ++it) {
    INFO("key " << it.key());
    if (!result.contains(it.key())) continue;
    if (it.key() != "model") {
      CHECK(leadscore::dump_json(result[it.key()]) == leadscore::dump_json(it.value()));
      continue;
    }
    for (auto m = it.value().begin(); m != it.value().end(); ++m) {
      INFO("model key " << m.key());
      CHECK(leadscore::dump_json(result["model"].value(m.key(), Json())) == leadscore::dump_json(m.value()));
    }
  }
}

// The score options a case (or a verify spec) gives: now, events, lang, feedback, previous.
leadscore::ScoreOptions score_options(const Json& x, leadscore::Language language) {
  leadscore::ScoreOptions options{x["now"].get<std::string>()};
  if (x.contains("events")) options.events = &x["events"];  // passed as given
  if (x.contains("feedback")) options.feedback = &x["feedback"];
  if (x.contains("previous")) options.previous = &x["previous"];
  if (x.contains("detail")) options.detail = leadscore::parse_detail(x["detail"].get<std::string>()).value();
  options.language = language;
  return options;
}

// A verify case: make a submission, tamper with it as the case says, verify it.
leadscore::Expected<Json> run_verify(const leadscore::Model& model, const Json& spec, leadscore::Language language) {
  auto submission = leadscore::make_submission(model, spec["lead"], score_options(spec, language));
  if (!submission) return submission;
  Json s = std::move(submission.value());
  for (const Json& t : spec.value("tamper", Json::array()))
    s[Json::json_pointer(t["pointer"].get<std::string>())] = t["value"];
  for (const Json& pointer : spec.value("remove", Json::array())) {
    const Json::json_pointer p(pointer.get<std::string>());
    s[p.parent_pointer()].erase(p.back());
  }
  return leadscore::verify(model, s);
}

leadscore::Language vector_language(const Json& v) {
  if (!v.contains("lang")) return leadscore::Language::En;
  const auto language = leadscore::parse_language(v["lang"].get<std::string>());
  REQUIRE(language.has_value());
  return *language;
}

void run_check_field(const leadscore::Model& model, const Json& v) {
  const Json& c = v["check_field"];
  const Json* lead = c.contains("lead") ? &c["lead"] : nullptr;
  std::vector<leadscore::Finding> findings;
  leadscore::check_field(model.checks(), c["field"].get<std::string>(), c["value"].get<std::string>(),
                         leadscore::FieldContext{vector_language(v), lead}, findings);
  Json got = Json::array();
  for (const auto& f : findings) got.push_back(leadscore::finding_json(f));
  check_findings(got, v["expected_findings"]);
}

}  // namespace

TEST_CASE("golden vectors: every case gives its expected result or error", "[vectors]") {
  const auto files = test_support::vector_files();
  // Exactly the vectors of tests/vectors/MANIFEST (scripts/vector-manifest.mjs), in the same order.
  std::vector<std::string> names, listed;
  for (const auto& file : files) names.push_back(file.filename().string());
  std::istringstream manifest(test_support::read_file(test_support::source_dir() + "/tests/vectors/MANIFEST"));
  for (std::string line; std::getline(manifest, line);)
    if (!line.empty()) listed.push_back(line);
  REQUIRE(names == listed);
  std::size_t check_cases = 0;
  for (const auto& file : files) {
    INFO("vector " << file.filename().string());
    const auto doc = leadscore::parse_json(test_support::read_file(file.string()), "vector");
    REQUIRE(doc.ok());
    const Json& v = doc.value();
    const std::string model_text = v.contains("model_ref") ? std::string(leadscore::default_model_text()) : v["model"].dump();
    const auto model = leadscore::Model::parse(model_text);
    if (v.contains("check_field")) {
      REQUIRE(model.ok());
      run_check_field(model.value(), v);
      ++check_cases;
      continue;
    }
    leadscore::Expected<Json> outcome = Json();
    if (v.contains("check_lead")) {
      REQUIRE(model.ok());
      outcome = leadscore::check_lead(model.value().checks(), v["check_lead"],
                                      leadscore::LeadCheckOptions{vector_language(v), v.value("now", "")});
      ++check_cases;
    } else if (!model.ok()) {
      outcome = model.error();
    } else if (v.contains("score_account")) {
      outcome = leadscore::score_account(model.value(), v["score_account"],
                                         leadscore::AccountOptions{v["now"].get<std::string>(), vector_language(v)});
    } else if (v.contains("verify")) {
      outcome = run_verify(model.value(), v["verify"], vector_language(v["verify"]));
    } else {
      outcome = leadscore::score(model.value(), v["lead"], score_options(v, vector_language(v)));
    }
    if (v.contains("expected_error")) {
      REQUIRE_FALSE(outcome.ok());
      CHECK(outcome.error().code == v["expected_error"]["code"].get<std::string>());
      CHECK(outcome.error().path == v["expected_error"]["path"].get<std::string>());
      continue;
    }
    if (!outcome.ok()) FAIL("unexpected error " << outcome.error().code << " at " << outcome.error().path);
    if (v.value("detail", "") == "summary") check_summary(outcome.value(), v["expected"]);
    else check_expected_subset(outcome.value(), v["expected"]);
  }
  CHECK(check_cases >= 50);
}
