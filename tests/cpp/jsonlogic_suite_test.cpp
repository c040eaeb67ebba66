// The official JsonLogic conformance suite (../shared/external/jsonlogic/tests.json, 278 cases).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "leadscore/json.h"
#include "leadscore/logic.h"
#include "test_support.h"

using leadscore::Json;

TEST_CASE("JsonLogic official suite: all 278 cases pass", "[logic][conformance]") {
  const std::string text = test_support::read_file(test_support::shared_dir() + "/external/jsonlogic/tests.json");
  const auto suite = leadscore::parse_json(text, "tests.json");
  REQUIRE(suite.ok());
  std::size_t cases = 0, passed = 0;
  std::string section;
  for (const auto& entry : suite.value()) {
    if (entry.is_string()) { section = entry.get<std::string>(); continue; }
    ++cases;
    const auto logic = leadscore::Logic::compile(entry[0]);
    INFO("section: " << section << "\nrule: " << entry[0].dump() << "\ndata: " << entry[1].dump());
    REQUIRE(logic.ok());
    const auto result = logic.value().apply(entry[1]);
    REQUIRE(result.ok());
    // The suite compares JSON values; 1 and 1.0 are equal (dump_json writes both as 1).
    CHECK(leadscore::dump_json(result.value()) == leadscore::dump_json(entry[2]));
    if (leadscore::dump_json(result.value()) == leadscore::dump_json(entry[2])) ++passed;
  }
  CHECK(cases == 278);
  CHECK(passed == cases);
}
