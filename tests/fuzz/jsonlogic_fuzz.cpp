// Fuzz target jsonlogic: the input is one JSON document. An array of two or more elements is
// [rule, data]; anything else is the rule, applied to a small fixed data object. The rule is
// compiled and applied in each edition (classic and community-2025); holds() must agree with the
// truthiness of apply(), and, for object data, the rule compiled for slots (how a model's rules
// read a lead) must agree with it on the same values.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz_support.h"
#include "fuzz_targets.h"
#include "leadscore/logic.h"

namespace leadscore::fuzz {
namespace {

const Json& fixed_data() {
  static const Json data = [] {
    auto parsed = parse_json(R"({"n": 5, "x": -2.5, "s": "Acme Corp", "e": "", "b": true, "z": null,)"
                             R"( "a": [1, 2, 3, "4"], "o": {"k": "v", "n": 1}, "country": "FR", "employees": 250})",
                             "data");
    require(parsed.ok(), "the fixed data object is JSON");
    return std::move(parsed).value();
  }();
  return data;
}

}  // namespace

namespace {

void in_edition(const Json& rule, const Json& data, LogicEdition edition) {
  const Limits limits = fuzz_limits();
  auto logic = Logic::compile(rule, "/rule", limits, nullptr, edition);
  if (!logic.ok()) return;
  auto applied = logic.value().apply(data);
  auto held = logic.value().holds(data);
  if (applied.ok()) {
    dump_json(applied.value());
    if (held.ok()) require(held.value() == logic_truthy(applied.value(), edition), "holds() is the truthiness of apply()");
  }
  if (!data.is_object()) return;

  // The same data as slots: one per member, named as the rule's variables are bound at compile time.
  std::vector<std::string> names;
  for (auto it = data.begin(); it != data.end(); ++it) names.push_back(it.key());
  auto slotted = Logic::compile(rule, "/rule", limits, &names, edition);
  require(slotted.ok(), "a rule that compiles compiles for slots too");
  FieldSlots slots;
  slots.reset(&names);
  std::size_t i = 0;
  for (auto it = data.begin(); it != data.end(); ++it, ++i) slots.fill(i) = it.value();
  auto held_slots = slotted.value().holds(slots);
  if (held.ok() && held_slots.ok())
    require(held.value() == held_slots.value(), "a rule on slots holds when it holds on the object");
}

}  // namespace

void jsonlogic(std::string_view input) {
  auto document = parse_json(input, "logic");
  if (!document.ok()) return;
  const Json& doc = document.value();
  const bool framed = doc.is_array() && doc.size() >= 2;
  const Json& rule = framed ? doc[0] : doc;
  const Json& data = framed ? doc[1] : fixed_data();
  in_edition(rule, data, LogicEdition::Classic);
  in_edition(rule, data, LogicEdition::Community2025);
}

}  // namespace leadscore::fuzz
