// The flat result and its writers: the JSON text writer against nlohmann's own dump, the summary
// against the explain result of every golden vector, and reuse of one ScoreResult across leads.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <limits>
#include <string>

#include "leadscore/leadscore.h"
#include "leadscore/score_result.h"
#include "test_support.h"

using leadscore::Json;

namespace {

// The oracle: nlohmann's dump with JSON.stringify's integers, as dump_json() was written before
// the streaming writer (integral doubles up to 2^53 and -0 as integers, invalid UTF-8 replaced).
Json js_numbers(const Json& v) {
  if (v.is_number_float()) {
    const double d = v.get<double>();
    if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) <= 9007199254740992.0) return Json(static_cast<std::int64_t>(d));
    return v;
  }
  if (v.is_array()) {
    Json out = Json::array();
    for (const Json& e : v) out.push_back(js_numbers(e));
    return out;
  }
  if (v.is_object()) {
    Json out = Json::object();
    for (auto it = v.begin(); it != v.end(); ++it) out[it.key()] = js_numbers(it.value());
    return out;
  }
  return v;
}

std::string oracle_dump(const Json& v) { return js_numbers(v).dump(-1, ' ', false, Json::error_handler_t::replace); }


}  // namespace

TEST_CASE("dump_json writes what nlohmann writes, for every escape and number", "[result]") {
  std::vector<std::string> strings = {"", "plain", "quote \" backslash \\ slash /", "\b\f\n\r\t", "\x7f del",
                                      "caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80", "\xc3", "\xc0\x80 overlong",
                                      "\xed\xa0\x80 surrogate", "\xf4\x90\x80\x80 above U+10FFFF", "ok\xff" "bad\xfe", "\xe2\x82"};
  for (int c = 0; c < 0x20; ++c) strings.push_back(std::string("a") + static_cast<char>(c) + "b");
  for (const auto& s : strings) {
    INFO("string of " << s.size() << " bytes");
    CHECK(leadscore::dump_json(Json(s)) == oracle_dump(Json(s)));
    CHECK(leadscore::dump_json(Json::object({{s, 1}})) == oracle_dump(Json::object({{s, 1}})));
  }
  const std::vector<double> doubles = {0.0, -0.0, 0.1, 12.5, -0.01, 1e21, 1e-7, 123456789.123, 9007199254740992.0,
                                       9007199254740994.0, -9007199254740992.0, 1.7976931348623157e308,
                                       std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
                                       5e-324, 0.30000000000000004};
  for (const double d : doubles) {
    INFO("double " << d);
    CHECK(leadscore::dump_json(Json(d)) == oracle_dump(Json(d)));
  }
  const Json mixed = Json::parse(R"({"b":[1,-2,3.5,null,true,false,{"z":"\u0001","a":[]}],"a":{},"u":18446744073709551615})");
  CHECK(leadscore::dump_json(mixed) == oracle_dump(mixed));
}

TEST_CASE("a summary says what the explain result says, for every scoring vector", "[result]") {
  std::size_t compared = 0;
  for (const auto& file : test_support::vector_files()) {
    const Json v = Json::parse(test_support::read_file(file.string()));
    if (!v.contains("lead") || v.contains("expected_error") || v.contains("check_field") || v.contains("check_lead") ||
        v.contains("score_account") || v.contains("verify"))
      continue;
    INFO("vector " << file.filename().string());
    const std::string model_text = v.contains("model_ref") ? std::string(leadscore::default_model_text()) : v["model"].dump();
    const auto model = leadscore::Model::parse(model_text);
    REQUIRE(model.ok());
    leadscore::ScoreOptions options{v["now"].get<std::string>()};
    if (v.contains("events")) options.events = &v["events"];
    if (v.contains("feedback")) options.feedback = &v["feedback"];
    if (v.contains("previous")) options.previous = &v["previous"];
    if (v.value("lang", "en") == "fr") options.language = leadscore::Language::Fr;
    options.detail = leadscore::Detail::Explain;
    const auto explain = leadscore::score(model.value(), v["lead"], options);
    options.detail = leadscore::Detail::Summary;
    const auto summary = leadscore::score(model.value(), v["lead"], options);
    REQUIRE(explain.ok() == summary.ok());
    if (!explain.ok()) {
      CHECK(explain.error().code == summary.error().code);
      continue;
    }
    const Json& e = explain.value();
    const Json& s = summary.value();
    CHECK(s["detail"] == "summary");
    CHECK(s["score"] == e["score"]);
    CHECK(s["points"] == e["points"]);
    CHECK(s["band"] == e["band"]);
    CHECK(s["fit_points"] == e["fit"]["points"]);
    CHECK(s["engagement_points"] == e["engagement"]["points"]);
    CHECK(s["last_activity"] == e["last_activity"]);
    CHECK(s["now"] == e["now"]);
    CHECK(s.value("probability", Json()) == e.value("probability", Json()));
    CHECK(s.contains("grade") == e.contains("grade"));
    if (e.contains("grade")) CHECK(s["grade"] == e["grade"]["letter"]);
    CHECK(s.contains("route") == e.contains("route"));
    if (e.contains("route")) CHECK(s["route"] == e["route"]["action"]);
    CHECK(s.contains("quality") == e.contains("quality"));
    if (e.contains("quality")) CHECK(s["quality"] == e["quality"]["verdict"]);
    Json codes = Json::array();
    for (const Json& w : e["warnings"]) codes.push_back(w["code"]);
    CHECK(s["warnings"] == codes);
    CHECK(s["model"]["fingerprint"] == e["model"]["fingerprint"]);
    if (e["model"].contains("persona")) CHECK(s["model"]["persona"] == e["model"]["persona"]["id"]);
    ++compared;
  }
  CHECK(compared >= 200);
}

TEST_CASE("one ScoreResult reused across leads and models writes what a fresh one writes", "[result]") {
  const auto plain = leadscore::Model::parse(leadscore::default_model_text());
  const auto set = leadscore::Model::parse(test_support::read_file(test_support::source_dir() + "/examples/models/personas.json"));
  REQUIRE(plain.ok());
  REQUIRE(set.ok());
  const Json events = Json::parse(R"([{"type":"page_view","at":"2026-11-20T09:00:00Z","props":{"path":"/pricing"}},
                                      {"type":"demo_request","at":"2026-11-22T09:00:00Z"}])");
  const std::vector<Json> leads = {
      Json::parse(R"({"email":"ada@acme.example","seniority":"vp","company_size":250,"industry":"software","country":"US"})"),
      Json::parse(R"({"email":"x@mailinator.com","first_name":"asdf","company_size":"lots"})"),
      Json::parse(R"({})"),
      Json::parse(R"({"email":"bo@corp.example","seniority":"student","country":"FR","company":"Corp"})")};
  leadscore::ScoreResult reused;
  std::string reused_text;
  for (const auto* model : {&plain.value(), &set.value()}) {
    for (std::size_t i = 0; i < leads.size(); ++i) {
      for (const auto detail : {leadscore::Detail::Explain, leadscore::Detail::Summary}) {
        INFO("lead " << i << (detail == leadscore::Detail::Summary ? " summary" : " explain"));
        leadscore::ScoreOptions options{"2026-11-23T10:00:00Z", i % 2 == 0 ? &events : nullptr};
        options.detail = detail;
        REQUIRE_FALSE(leadscore::score_into(*model, leads[i], options, reused));
        reused_text.clear();
        leadscore::write_result(reused, detail, reused_text);
        leadscore::ScoreResult fresh;
        REQUIRE_FALSE(leadscore::score_into(*model, leads[i], options, fresh));
        std::string fresh_text;
        leadscore::write_result(fresh, detail, fresh_text);
        CHECK(reused_text == fresh_text);
        const auto tree = leadscore::score(*model, leads[i], options);
        REQUIRE(tree.ok());
        CHECK(leadscore::dump_json(tree.value()) == fresh_text);
      }
    }
  }
}

TEST_CASE("score_into reports the same errors as score and leaves nothing behind", "[result]") {
  const auto model = leadscore::Model::parse(leadscore::default_model_text());
  REQUIRE(model.ok());
  leadscore::ScoreResult result;
  REQUIRE_FALSE(leadscore::score_into(model.value(), Json::object(), {"2026-11-23T10:00:00Z"}, result));
  CHECK(result.band != nullptr);
  const auto error = leadscore::score_into(model.value(), Json::array(), {"2026-11-23T10:00:00Z"}, result);
  REQUIRE(error);
  CHECK(error->code == "lead_not_object");
  CHECK(result.band == nullptr);
  CHECK(leadscore::score_into(model.value(), Json::object(), {"yesterday"}, result)->code == "now_invalid");
  CHECK(leadscore::parse_detail("summary") == leadscore::Detail::Summary);
  CHECK(leadscore::parse_detail("explain") == leadscore::Detail::Explain);
  CHECK_FALSE(leadscore::parse_detail("Summary"));
}
