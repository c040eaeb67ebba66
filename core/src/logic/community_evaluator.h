// The JsonLogic community edition (LogicEdition::Community2025): the operators and semantics of
// the JSON Logic community's current specification and test suites, over the same compiled
// nodes and the same units of work as the classic evaluator (logic_evaluator.h), whose
// accounting and shared operators (merge, cat, substr, in, var, missing) it reuses.
//
// What differs from the classic edition (docs/model-format.md, "The community edition"):
// - errors are values: an operation that cannot answer raises {"type": "NaN"} (arithmetic on
//   text that is no number, division by zero), {"type": "Invalid Arguments"} (an operator given
//   the wrong operands) or {"type": "Invalid Return"} (a reduce whose accumulator is not a
//   scalar); `throw` raises any value and `try` catches, running its next operand on the error;
// - `val` and `exists` read paths as lists of keys and climb to outer scopes ([[2], "key"]);
//   `??` gives the first operand that is not null;
// - comparisons chain ({"<": [1, 2, 3]}) and evaluate lazily; `==` and `<` on a number and text
//   that is no number raise NaN instead of answering false;
// - an operator given one operation instead of a list spreads that operation's array value
//   ({"max": {"val": "prices"}}); operators that need a list refuse anything else;
// - an empty object is false;
// - abs, ceil, floor, starts_with, ends_with, trim, upper, lower, split, length.
// Internal to the core.
#pragma once
#include <cstddef>
#include <vector>

#include "logic/logic_evaluator.h"

namespace leadscore::logic_detail {

class CommunityEvaluator : public Evaluator {
 public:
  CommunityEvaluator(const Limits& limits, const FieldSlots* slots, WorkBudget* budget)
      : Evaluator(limits, slots, budget) {}

  Val eval(const Node& node, const Json& data) {
    if (!step()) return Val();
    return eval_counted(node, data);
  }
  /// The community truthiness of eval(node, data).
  bool eval_truthy(const Node& node, const Json& data);

  /// After a failure with code "logic_thrown": the value raised and not caught.
  const Json& thrown() const { return thrown_; }

 private:
  // An iteration or a `try` handler entered: the data it was called with (scope level 2 seen
  // from inside) and, for an iteration, the item's index (level 1 reads {"index": i}).
  struct Scope {
    const Json* outer;
    std::size_t index;
    bool has_index;
  };
  // An iteration's scope for as long as it runs (popped on every way out).
  struct EnteredScope {
    EnteredScope(std::vector<Scope>& scopes, Scope scope) : scopes_(scopes) { scopes_.push_back(scope); }
    ~EnteredScope() { scopes_.pop_back(); }
    EnteredScope(const EnteredScope&) = delete;
    EnteredScope& operator=(const EnteredScope&) = delete;
    std::vector<Scope>& scopes_;
  };

  Val eval_counted(const Node& node, const Json& data);
  /// Raises `value` as the condition's error. `chosen_by_rule`: its type comes from the engine
  /// or the rule's text, so the error message may name it (never a type computed from data).
  void raise(Json value, bool chosen_by_rule);
  /// Raises {"type": type} (NaN, Invalid Arguments, Invalid Return).
  void raise_type(const char* type);

  // Calls f(values) with the node's operands evaluated, a chained operand's array spread.
  template <class F>
  Val with_operands(const Node& node, const Json& data, F&& f);

  Val eval_if(const Node& node, const Json& data);
  Val eval_and_or(const Node& node, const Json& data);
  Val eval_coalesce(const Node& node, const Json& data);
  Val eval_comparison(const Node& node, const Json& data);
  Val eval_iteration(const Node& node, const Json& data);
  Val eval_reduce(const Node& node, const Json& data);
  Val eval_try(const Node& node, const Json& data);
  Val eval_var(const Node& node, const Json& data);
  // The items an iteration walks (null reads as none); false when it raised.
  bool iteration_items(const Node& node, const Json& data, Val& items);
  // val (want_exists false) or exists on evaluated operands.
  Val val_or_exists(const ValList& v, const Json& data, bool want_exists);

  // Operators on evaluated operands (community_operators.cpp).
  Val apply_community(Op op, const ValList& v, const Json& data);
  Val arithmetic(Op op, const ValList& v);
  Val min_max(Op op, const ValList& v);
  Val rounding(Op op, const ValList& v);
  Val text_operator(Op op, const ValList& v);
  Val length_of(const Json& value);
  /// One comparison of a chain; false when it raised. `answer`: whether the pair holds.
  bool compare_pair(Op op, const Json& a, const Json& b, bool& answer);
  /// A value as an arithmetic operand (ToNumber); false (raised NaN) for arrays and objects.
  bool to_operand(const Json& value, double& out);

  std::vector<Scope> scopes_;
  Json thrown_;
};

/// The community edition's truthiness: JsonLogic's, with an empty object false as well.
bool community_truthy(const Json& value);

}  // namespace leadscore::logic_detail
