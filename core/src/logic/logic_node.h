// The compiled form of a JsonLogic rule. Internal to the core.
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "leadscore/logic.h"

#include "leadscore/json.h"

namespace leadscore::logic_detail {

enum class Op {
  Literal,  // a value returned as is (scalars, {} and objects with several keys)
  Array,    // an array whose elements are rules
  Var, Missing, MissingSome,
  If, And, Or, Not, NotNot,
  Eq, StrictEq, Ne, StrictNe, Gt, Ge, Lt, Le,
  Add, Sub, Mul, Div, Mod, Min, Max,
  Map, Filter, Reduce, All, None, Some,
  Merge, In, Cat, Substr, Log,
  // The community edition's own operators (LogicEdition::Community2025, community_evaluator.h).
  Val, Exists, Coalesce, Throw, Try, Abs, Ceil, Floor,
  StartsWith, EndsWith, Trim, Upper, Lower, Split, Length,
};

struct Node {
  Op op = Op::Literal;
  Json literal;             // for Op::Literal
  std::vector<Node> args;   // operands (compiled) for everything else
  // Op::Var of one constant, non-empty key without a dot ({"var": "seniority"}, the most common
  // node): the key, so evaluation looks it up directly. Empty otherwise.
  std::string var_key;
  // For that Op::Var at the lead's level (not inside map/filter/reduce...) of a rule compiled with
  // slot names: the key's slot, kNotAField when the key names no field (it reads null), or kUnbound.
  // Also set on the key literals of such a `missing` whose keys are all plain strings.
  int slot = kUnbound;
  // Op::In whose list is a literal array of strings only: those strings, sorted, so that a
  // string is looked up by binary search (json-logic-js compares with ===: only a string can be
  // in such a list). Empty otherwise.
  std::vector<std::string> in_strings;
  // The operator's operand was not a JSON array ({"if": "x"}, {"+": {"val": "xs"}}). The
  // community edition refuses that for operators that need a list (if, and, comparisons,
  // iterators...) and, when the single operand is an operation, spreads its array value into the
  // operand list ("chained": {"max": {"val": "prices"}}).
  bool bare = false;
  bool chained = false;
  static constexpr int kUnbound = -2;
  static constexpr int kNotAField = -1;
};

/// The operator for a JsonLogic operator name in `edition`; false if the edition has no such
/// operator.
bool lookup_operator(const std::string& name, LogicEdition edition, Op& op);

/// `missing`'s test of a value: null or the empty string.
inline bool missing_value(const Json& v) {
  return v.is_null() || (v.is_string() && v.get_ref<const std::string&>().empty());
}
/// `missing`'s test of a slot-bound key: no field, an empty slot, or a missing value in it.
inline bool missing_slot(const FieldSlots& lead, int slot) {
  return slot < 0 || !lead.has(static_cast<std::size_t>(slot)) || missing_value(lead.at(static_cast<std::size_t>(slot)));
}
/// `in` a literal list of strings (Node::in_strings, sorted): only a string can be in it (===).
inline bool in_strings(const std::vector<std::string>& sorted, const Json& x) {
  return x.is_string() && std::binary_search(sorted.begin(), sorted.end(), x.get_ref<const std::string&>());
}

/// Whether `op` is a comparison or `in` (a boolean of its evaluated operands).
bool is_comparison(Op op);
/// A comparison or `in` on evaluated operands; `c` is the third operand (undefined when absent),
/// which only < and <= read ("between"). Linear in the operands' sizes (logic_compare.cpp).
bool comparison(Op op, const Json& a, const Json& b, const Json& c);
/// The units of work (logic_work.h) comparison() does on these operands: the text it compares,
/// converts or searches and the elements `in` looks at. An array operand is measured no further
/// than `stop_after` units.
std::uint64_t comparison_units(Op op, const Json& a, const Json& b, const Json& c, std::uint64_t stop_after);

}  // namespace leadscore::logic_detail
