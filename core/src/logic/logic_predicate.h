// A rule compiled to a predicate over a lead's slots: what most rules and grade criteria are
// (and, or, !, !! of comparisons between a field and constants, `in` a constant list, `missing`
// of fields), answered without the general evaluator's values. Internal to the core.
//
// The general evaluator counts units of work against Limits::max_logic_steps (and the caller's
// WorkBudget). A predicate never takes more than a known number of steps (every node evaluated
// once, none repeated) plus the work of its comparisons, which it counts as the evaluator does, so
// Logic::holds() keeps its answer only when that total is within the budget: the budget could then
// not have run out, and the answer is the evaluator's.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "leadscore/json.h"
#include "leadscore/logic.h"
#include "logic/logic_node.h"

namespace leadscore::logic_detail {

struct Predicate {
  enum class Kind : std::uint8_t { And, Or, Not, NotNot, Missing, Compare, InStrings, Constant, Field };
  Kind kind = Kind::Constant;
  Op op = Op::Eq;                   // Compare
  bool value = false;               // Constant
  std::vector<Predicate> args;      // And, Or, Not, NotNot
  // Compare: up to three operands, each a literal (not null) or a field's slot (-1: no field,
  // reads null). InStrings and Field: operand 0. Missing: the keys' slots in `slots`.
  const Json* literal[3] = {nullptr, nullptr, nullptr};
  int slot[3] = {-1, -1, -1};
  std::size_t operands = 0;
  std::vector<int> slots;           // Missing
  const std::vector<std::string>* strings = nullptr;  // InStrings: the node's sorted list

  /// The truthiness of the rule's value on `lead` (as Evaluator::eval_truthy answers it). Adds to
  /// `units` the work of its comparisons (comparison_units(), as the evaluator charges them); once
  /// that passes `stop_after` the answer is meaningless and the caller evaluates the rule instead.
  bool holds(const FieldSlots& lead, std::uint64_t& units, std::uint64_t stop_after) const;
};

/// The predicate for a rule compiled with slot names, and the most steps the evaluator would
/// count for it; nullptr when the rule has another shape. Points into `root`, which must outlive
/// the predicate.
std::unique_ptr<Predicate> compile_predicate(const Node& root, std::uint64_t& max_steps);

}  // namespace leadscore::logic_detail
