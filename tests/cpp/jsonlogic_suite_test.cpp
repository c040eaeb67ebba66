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

namespace {

// The suite's data as a lead's slots: every key a slot, plus a slot no case fills.
void fill_slots(const Json& data, std::vector<std::string>& names, leadscore::FieldSlots& slots) {
  names.clear();
  for (const auto& item : data.items()) names.push_back(item.key());
  names.push_back("never_filled");
  slots.reset(&names);
  std::size_t i = 0;
  for (const auto& item : data.items()) slots.fill(i++) = item.value();
}

}  // namespace

TEST_CASE("JsonLogic holds(): every suite case is the truthiness of its value", "[logic][conformance]") {
  const std::string text = test_support::read_file(test_support::shared_dir() + "/external/jsonlogic/tests.json");
  const auto suite = leadscore::parse_json(text, "tests.json");
  REQUIRE(suite.ok());
  std::size_t compared = 0;
  for (const auto& entry : suite.value()) {
    if (entry.is_string()) continue;
    INFO("rule: " << entry[0].dump() << "\ndata: " << entry[1].dump());
    const auto logic = leadscore::Logic::compile(entry[0]);
    REQUIRE(logic.ok());
    const auto value = logic.value().apply(entry[1]);
    const auto truth = logic.value().holds(entry[1]);
    REQUIRE(value.ok());
    REQUIRE(truth.ok());
    CHECK(truth.value() == leadscore::logic_truthy(value.value()));
    ++compared;
  }
  CHECK(compared == 278);
}

TEST_CASE("JsonLogic on slots: every suite case holds as it does on the object the slots stand for",
          "[logic][conformance]") {
  const std::string text = test_support::read_file(test_support::shared_dir() + "/external/jsonlogic/tests.json");
  const auto suite = leadscore::parse_json(text, "tests.json");
  REQUIRE(suite.ok());
  std::vector<std::string> names;
  leadscore::FieldSlots slots;  // one for every case: reused as a scorer reuses it
  std::size_t compared = 0;
  for (const auto& entry : suite.value()) {
    if (entry.is_string() || !entry[1].is_object()) continue;
    fill_slots(entry[1], names, slots);
    INFO("rule: " << entry[0].dump() << "\ndata: " << entry[1].dump());
    const auto bound = leadscore::Logic::compile(entry[0], "", leadscore::Limits{}, &names);
    const auto by_name = leadscore::Logic::compile(entry[0]);
    REQUIRE(bound.ok());
    REQUIRE(by_name.ok());
    const auto expected = leadscore::Logic::compile(entry[0]).value().apply(entry[1]);
    REQUIRE(expected.ok());
    const bool truth = leadscore::logic_truthy(expected.value());
    const auto on_slots = bound.value().holds(slots);
    REQUIRE(on_slots.ok());
    CHECK(on_slots.value() == truth);
    const auto unbound = by_name.value().holds(slots);  // compiled without names: found by name
    REQUIRE(unbound.ok());
    CHECK(unbound.value() == truth);
    ++compared;
  }
  CHECK(compared > 100);
}

TEST_CASE("JsonLogic on slots: per-item logic reads the item, the lead's level reads the slots", "[logic]") {
  const std::vector<std::string> names = {"tags", "x", "size"};
  leadscore::FieldSlots slots;
  slots.reset(&names);
  slots.fill(0) = Json::array({Json{{"x", 1}}, Json{{"x", 5}}});
  slots.fill(1) = 3;
  auto check = [&](const char* rule, bool want) {
    INFO(rule);
    const auto logic = leadscore::Logic::compile(Json::parse(rule), "", leadscore::Limits{}, &names);
    REQUIRE(logic.ok());
    const auto got = logic.value().holds(slots);
    REQUIRE(got.ok());
    CHECK(got.value() == want);
  };
  // "x" inside `some` is the item's x (1 or 5), not the slot x (3).
  check(R"({"some": [{"var": "tags"}, {">": [{"var": "x"}, 4]}]})", true);
  check(R"({"all": [{"var": "tags"}, {">": [{"var": "x"}, 2]}]})", false);
  check(R"({"==": [{"var": "x"}, 3]})", true);
  check(R"({"==": [{"var": "size"}, null]})", true);        // an empty slot reads null
  check(R"({"==": [{"var": "undeclared"}, null]})", true);  // so does a name that is no slot
  check(R"({"missing": ["x", "size"]})", true);             // ["size"]: non-empty, true
  check(R"({"!": {"missing": ["x", "tags"]}})", true);
  check(R"({"==": [{"var": "tags.1.x"}, 5]})", true);      // a path reads the whole lead
  check(R"({"reduce": [{"var": "tags"}, {"+": [{"var": "accumulator"}, {"var": "current.x"}]}, {"var": "x"}]})", true);
  // A second lead in the same slots: nothing of the first remains, the whole-lead object included.
  slots.reset(&names);
  slots.fill(2) = 10;
  check(R"({"==": [{"var": "x"}, null]})", true);
  check(R"({"==": [{"var": "tags.1.x"}, null]})", true);
  check(R"({"==": [{"var": "size"}, 10]})", true);
}

namespace {

// A rule bound to the slots and the same rule evaluated node by node on their object agree, at
// every step budget from 1 to `max_budget`: the same answer, or the same error.
void agree_at_every_budget(const char* text, const std::vector<std::string>& names, const leadscore::FieldSlots& slots,
                           std::uint64_t max_budget) {
  const Json object = slots.object();
  for (std::uint64_t budget = 1; budget <= max_budget; ++budget) {
    INFO(text << " with a budget of " << budget);
    leadscore::Limits limits;
    limits.max_logic_steps = budget;
    const auto bound = leadscore::Logic::compile(Json::parse(text), "", limits, &names);
    REQUIRE(bound.ok());
    const auto on_slots = bound.value().holds(slots);
    const auto on_object = bound.value().apply(object);
    REQUIRE(on_slots.ok() == on_object.ok());
    if (on_slots.ok()) CHECK(on_slots.value() == leadscore::logic_truthy(on_object.value()));
    else CHECK(on_slots.error().code == on_object.error().code);
  }
}

}  // namespace

TEST_CASE("JsonLogic on slots: comparisons read in place count the same steps as evaluated ones", "[logic]") {
  const std::vector<std::string> names = {"size", "industry", "ok"};
  leadscore::FieldSlots slots;
  slots.reset(&names);
  slots.fill(0) = 250;
  slots.fill(1) = "software";
  const char* rules[] = {
      R"({"in": [{"var": "industry"}, ["software", "saas"]]})",
      R"({"<=": [50, {"var": "size"}, 999]})",
      R"({"and": [{">=": [{"var": "size"}, 200]}, {"==": [{"var": "industry"}, "software"]}, {"!": {"var": "ok"}}]})",
      R"({"or": [{"===": [{"var": "ok"}, true]}, {"!=": [{"var": "nothing"}, null]}, {"<": [1, 2, 3]}]})",
      R"({"if": [{">": [{"var": "size"}, 100]}, {"in": ["soft", {"var": "industry"}]}, false]})",
  };
  for (const char* text : rules) agree_at_every_budget(text, names, slots, 40);
}

TEST_CASE("JsonLogic on slots: missing with bound keys answers as missing on the object", "[logic]") {
  const std::vector<std::string> names = {"a", "b", "c", "d"};
  leadscore::FieldSlots slots;
  slots.reset(&names);
  slots.fill(0) = "x";
  slots.fill(1) = "";       // empty strings and nulls count as missing, in a slot as in an object
  slots.fill(2) = nullptr;
  const char* rules[] = {
      R"({"missing": ["a"]})", R"({"missing": ["b"]})", R"({"missing": ["c", "d", "a", "zz"]})",
      R"({"!": {"missing": ["a"]}})", R"({"missing": [["a", "d"]]})", R"({"missing": ["a.b"]})",
      R"({"missing_some": [1, ["a", "d"]]})", R"({"and": [{"!": {"missing": ["a"]}}, {"==": [{"var": "a"}, "x"]}]})",
      // holds() reads and, or, !, !! and missing for their truthiness only: the same steps.
      R"({"and": [{"!": {"missing": ["a", "b"]}}, {"!": {"in": [{"var": "a"}, ["y", "z"]]}}]})",
      R"({"or": [{"!!": {"missing": ["c"]}}, {"!": [{"var": "a"}, {"missing": ["d"]}]}]})",
      R"({"and": []})", R"({"or": []})", R"({"!": []})", R"({"!!": []})",
      R"({"!": [{"and": [{"var": "a"}, {"missing": ["a"]}]}, {"var": "zz"}]})",
      R"({"or": [{"and": [{"missing": ["a"]}, true]}, {"!": {"!": {"missing": ["b", "a"]}}}]})",
      // Shapes compiled to a predicate over the slots (logic_predicate.h), whole and in parts.
      R"({"var": "a"})", R"({"var": "b"})", R"({"var": "zz"})", R"(true)", R"(0)", R"({"!!": {"var": "c"}})",
      R"({"and": [{"var": "a"}, {"in": [{"var": "a"}, ["x", "y"]]}, {"<=": ["a", {"var": "a"}, "z"]}]})",
      R"({"or": [{"==": [{"var": "zz"}, null]}, {"missing": ["zz"]}]})",
      R"({"!": [{"in": [{"var": "b"}, ["", "q"]]}, {"missing": ["a"]}]})",
  };
  for (const char* text : rules) agree_at_every_budget(text, names, slots, 20);
}

TEST_CASE("JsonLogic: `in` a literal list of strings answers as scanning the list does", "[logic]") {
  // The same list with one more element that nothing here equals (a number) is scanned element by
  // element; the list of strings alone is looked up. Both must agree for every kind of value.
  const char* lists[] = {R"(["b", "a", "Café", "a", "", "10"])", R"(["only"])"};
  const char* values[] = {R"("a")", R"("b")", R"("Café")", R"("cafe")", R"("")", R"("10")", "10", "10.0",
                          "true", "null", R"(["a"])", R"({"a": 1})", R"("zz")"};
  const std::vector<std::string> names = {"x"};
  leadscore::FieldSlots slots;
  std::size_t compared = 0;
  for (const char* list : lists) {
    const Json looked_up = Json::parse(std::string(R"({"in": [{"var": "x"}, )") + list + "]}");
    Json scanned = looked_up;
    scanned["in"][1].push_back(-987654321.5);
    for (const char* value : values) {
      INFO(list << " / " << value);
      const Json data = {{"x", Json::parse(value)}};
      slots.reset(&names);
      slots.fill(0) = data["x"];
      const auto fast = leadscore::Logic::compile(looked_up, "", leadscore::Limits{}, &names).value();
      const auto slow = leadscore::Logic::compile(scanned, "", leadscore::Limits{}, &names).value();
      const bool expected = leadscore::logic_truthy(slow.apply(data).value());
      CHECK(leadscore::logic_truthy(fast.apply(data).value()) == expected);
      CHECK(fast.holds(slots).value() == expected);
      CHECK(slow.holds(slots).value() == expected);
      ++compared;
    }
  }
  CHECK(compared == 26);
}
