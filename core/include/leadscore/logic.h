// JsonLogic (jsonlogic.com) conditions: compiled once at model load, evaluated many times.
//
// Two editions (LogicEdition). The classic one follows the reference implementation
// json-logic-js 2.0 (JavaScript coercions for ==, <, +, cat...); deliberate differences are listed
// in docs/model-format.md ("JsonLogic dialect"): unknown operators fail at compile time, `log`
// returns its argument without printing. The community edition adds the JSON Logic community's
// operators and typed errors (docs/model-format.md, "The community edition"). Both are bounded
// by Limits (docs/limits.md).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/error.h"
#include "leadscore/json.h"
#include "leadscore/limits.h"
#include "leadscore/work_budget.h"

namespace leadscore {

namespace logic_detail { struct Node; struct Predicate; class Evaluator; }

/// Which JsonLogic a condition is written in; a model chooses with its `logic_edition` key.
enum class LogicEdition {
  /// json-logic-js 2.0, the default: what every model written before the editions means.
  Classic,
  /// The JSON Logic community's current operators and semantics ("community-2025"): val, exists,
  /// ??, try/throw and typed errors (NaN, Invalid Arguments), chained comparisons, operands
  /// spread from one expression, empty objects falsy, string operators, abs/ceil/floor.
  Community2025,
};
/// The edition's name in a model ("classic", "community-2025").
const char* logic_edition_name(LogicEdition edition);
/// The edition of a name; false when the name is not an edition.
bool logic_edition_from_name(std::string_view name, LogicEdition& edition);

/// A lead's declared fields by position: slot i holds the typed value of the model's field i, or
/// nothing. This is how scoring hands a lead to its conditions: a `{"var": "name"}` compiled with
/// the same field names reads its slot directly instead of searching an object by key, and a
/// scorer reuses one FieldSlots from lead to lead, so the values keep their memory.
/// Reading it is the same as reading the object {name: value} of the present slots.
class FieldSlots {
 public:
  FieldSlots() = default;
  /// Empties every slot and fixes the names (which must outlive this object, e.g. a Model's).
  void reset(const std::vector<std::string>* names);
  std::size_t size() const { return present_.size(); }
  bool has(std::size_t i) const { return present_[i] != 0; }
  /// The value of slot i (meaningful when has(i)).
  const Json& at(std::size_t i) const { return values_[i]; }
  /// Marks slot i present and returns it for writing; it still holds the previous lead's value,
  /// whose memory an assignment of the same type reuses.
  Json& fill(std::size_t i);
  /// The present value named `name`, or nullptr.
  const Json* find(std::string_view name) const;
  /// The present slots as one object {name: value}, built on first use after each reset (only a
  /// condition that reads the whole lead or a computed variable name needs it).
  const Json& object() const;

  /// Internal: where normalisation notes the member each field reads, kept for its capacity.
  std::vector<const Json*> member_lookup;

 private:
  friend class logic_detail::Evaluator;
  const std::vector<std::string>* names_ = nullptr;
  std::vector<Json> values_;
  std::vector<unsigned char> present_;
  mutable Json object_ = Json::object();
  mutable bool object_built_ = false;
};

/// The names of the slots rules read (a model's fields), indexed once: build one per model and
/// compile every rule with it, so binding each variable to its slot is a binary search, not a walk
/// over the fields (loading stays near linear in the model's size).
class SlotNames {
 public:
  SlotNames() = default;
  explicit SlotNames(const std::vector<std::string>& names);
  const std::vector<std::string>& names() const { return names_; }
  /// The slot of `name`, or -1 when no slot has that name.
  int find(std::string_view name) const;

 private:
  std::vector<std::string> names_;
  std::vector<std::uint32_t> by_name_;  // slot indices in name order
};

class Logic {
 public:
  /// Compiles a rule. `pointer` is where the rule sits in its document (used in error paths, e.g.
  /// "/rules/2/when"). Errors: "unknown_operator", "logic_too_deep", "logic_arity".
  /// `slot_names`: the field names of the FieldSlots the rule will read (a model's fields), so
  /// that each constant `var` on the lead is resolved to its slot once, here.
  /// `edition`: the JsonLogic the rule is written in (a model's `logic_edition`).
  static Expected<Logic> compile(const Json& rule, const std::string& pointer = "",
                                 const Limits& limits = Limits{},
                                 const std::vector<std::string>* slot_names = nullptr,
                                 LogicEdition edition = LogicEdition::Classic);
  /// The same with the slot names indexed beforehand (a model compiling many rules).
  static Expected<Logic> compile(const Json& rule, const std::string& pointer, const Limits& limits,
                                 const SlotNames& slots, LogicEdition edition = LogicEdition::Classic);

  /// Evaluates against `data`. Errors: "logic_budget_exceeded", "logic_value_too_large"; in the
  /// community edition also "logic_thrown", an error the condition raised and did not catch
  /// (`throw`, or a typed error such as {"type": "NaN"}). Its message repeats the error's type only
  /// when the engine or the rule's text chose it, never a type computed from the data; `thrown`
  /// (when not null) receives the value itself, for a caller that handed over the data.
  /// `budget`: the work the caller shares between evaluations (one lead's score): the evaluation
  /// spends from it and, when it has less left than Limits::max_logic_steps, stops where it runs
  /// out with the budget's error code (e.g. "lead_budget_exceeded"; budget->exhausted() is then
  /// true). Null: only this evaluation's limits apply. Budget and size errors are never caught
  /// by `try`.
  Expected<Json> apply(const Json& data, WorkBudget* budget = nullptr, Json* thrown = nullptr) const;

  /// The edition the rule was compiled in.
  LogicEdition edition() const { return edition_; }

  /// Evaluates against a lead's slots and returns the result's truthiness (logic_truthy), the
  /// way rules and criteria use a condition; builds no result value. The slots' names must be
  /// those given to compile() (or none were given: each variable is then looked up by name).
  Expected<bool> holds(const FieldSlots& lead, WorkBudget* budget = nullptr) const;
  /// The same against any JSON value (an event's props): logic_truthy() of apply(data), without
  /// building the value where only its truthiness matters.
  Expected<bool> holds(const Json& data, WorkBudget* budget = nullptr) const;

  /// Every constant variable name the rule reads with `var`, `missing` or `missing_some`
  /// (first path segment, e.g. "company.size" -> "company"), for linting models.
  const std::vector<std::string>& variables() const { return variables_; }

  /// Whether the rule reads a variable whose name is computed at run time (cannot be linted).
  bool has_dynamic_variables() const { return dynamic_vars_; }

 private:
  static Expected<Logic> compile_with(const Json& rule, const std::string& pointer, const Limits& limits,
                                      const SlotNames* slots, LogicEdition edition);

  std::shared_ptr<const logic_detail::Node> root_;
  // The rule as a predicate over slots (compiled with slot names, of the usual shape), and the
  // most steps evaluating it counts (logic/logic_predicate.h); null otherwise.
  std::shared_ptr<const logic_detail::Predicate> predicate_;
  std::uint64_t predicate_steps_ = 0;
  std::vector<std::string> variables_;
  bool dynamic_vars_ = false;
  Limits limits_;
  LogicEdition edition_ = LogicEdition::Classic;
};

/// JsonLogic truthiness: JavaScript's, except that an empty array is false (the classic edition).
bool logic_truthy(const Json& value);
/// Truthiness in `edition`: the community edition also finds an empty object false.
bool logic_truthy(const Json& value, LogicEdition edition);

}  // namespace leadscore
