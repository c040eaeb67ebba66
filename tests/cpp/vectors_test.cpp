// The golden vectors (tests/vectors/*.json, format in its README), run through the C++ API.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "leadscore/leadscore.h"
#include "test_support.h"

using leadscore::Json;

namespace {

std::vector<std::filesystem::path> vector_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(test_support::source_dir() + "/tests/vectors"))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// Warnings are compared on code and path only (messages are free text).
Json warning_keys(const Json& warnings) {
  Json out = Json::array();
  for (const auto& w : warnings) out.push_back({{"code", w.value("code", "")}, {"path", w.value("path", "")}});
  return out;
}

}  // namespace

TEST_CASE("golden vectors: every case gives its expected result or error", "[vectors]") {
  const auto files = vector_files();
  REQUIRE(files.size() >= 50);
  for (const auto& file : files) {
    INFO("vector " << file.filename().string());
    const auto doc = leadscore::parse_json(test_support::read_file(file.string()), "vector");
    REQUIRE(doc.ok());
    const Json& v = doc.value();
    const std::string model_text = v.contains("model_ref") ? std::string(leadscore::default_model_text()) : v["model"].dump();
    const auto model = leadscore::Model::parse(model_text);
    leadscore::ScoreOptions options{v["now"].get<std::string>()};
    if (v.contains("events")) options.events = &v["events"];  // optional: the lead's events, passed as given
    leadscore::Expected<Json> outcome = model.ok() ? leadscore::score(model.value(), v["lead"], options)
                                        : leadscore::Expected<Json>(model.error());
    if (v.contains("expected_error")) {
      REQUIRE_FALSE(outcome.ok());
      CHECK(outcome.error().code == v["expected_error"]["code"].get<std::string>());
      CHECK(outcome.error().path == v["expected_error"]["path"].get<std::string>());
      continue;
    }
    if (!outcome.ok()) FAIL("unexpected error " << outcome.error().code << " at " << outcome.error().path);
    const Json& result = outcome.value();
    for (auto it = v["expected"].begin(); it != v["expected"].end(); ++it) {
      INFO("key " << it.key());
      REQUIRE(result.contains(it.key()));
      if (it.key() == "warnings") CHECK(warning_keys(result["warnings"]) == it.value());
      else CHECK(leadscore::dump_json(result[it.key()]) == leadscore::dump_json(it.value()));
    }
  }
}
