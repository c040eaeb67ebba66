// Evaluating compiled JsonLogic with json-logic-js 2.0 semantics (logic_evaluator.h): the walk over
// the nodes, iterations, the units of work they count, and the Logic entry points. The operators
// themselves are in logic_operators.cpp.
#include <algorithm>

#include "leadscore/logic.h"
#include "logic/community_evaluator.h"
#include "logic/logic_evaluator.h"
#include "logic/logic_predicate.h"
#include "logic/logic_work.h"

namespace leadscore {
namespace logic_detail {

Evaluator::Evaluator(const Limits& limits, const FieldSlots* slots, WorkBudget* budget)
    : limits_(limits), slots_(slots), budget_(budget), cap_(limits.max_logic_steps) {
  if (budget_ != nullptr && budget_->remaining() < cap_) {
    cap_ = budget_->remaining();
    budget_binds_ = true;
  }
}

bool Evaluator::over_budget() {
  if (failed()) return false;
  if (budget_binds_) {
    budget_->charge(budget_->remaining() + 1);  // one unit more than it had left: spent from here on
    fail(budget_->code(), budget_->error().message);
    budget_ = nullptr;  // charged already: settle() adds nothing
  } else {
    fail("logic_budget_exceeded",
         "condition needed more than " + std::to_string(limits_.max_logic_steps) + " evaluation steps");
  }
  return false;
}

void Evaluator::settle() {
  if (budget_ != nullptr) budget_->charge(steps_);  // at most cap_: within the budget
  budget_ = nullptr;
}

bool Evaluator::check_size(std::size_t size) {
  if (size <= limits_.max_logic_value_size) return true;
  fail("logic_value_too_large", "condition built a value larger than " + std::to_string(limits_.max_logic_value_size) +
                                    " elements or characters");
  return false;
}

bool Evaluator::charge_copy(const Json& value) {
  if (failed()) return false;
  if (!value.is_structured() && !value.is_string()) return true;
  const ValueSize size = measure(value, room());
  if (size.depth > limits_.max_json_depth) {
    fail("logic_value_too_large",
         "condition built a value nested deeper than " + std::to_string(limits_.max_json_depth) + " levels");
    return false;
  }
  return charge(size.units);
}

Json Evaluator::take(Val&& value) {
  if (!value.borrowed()) return std::move(value).release();
  if (!charge_copy(value.get())) return js::undefined();
  return value.get();
}

// The operands of a comparison when each is a literal or a slot-bound variable of the lead (two,
// or three for < and <=), read without evaluating them as nodes; their evaluation steps are
// counted all the same. Null when the node is not of that shape (nothing counted then).
const Json* const* Evaluator::plain_operands(const Node& node, const Json& data) {
  const std::size_t n = node.args.size();
  if (n < 2 || n > 3 || (n == 3 && node.op != Op::Lt && node.op != Op::Le)) return nullptr;
  const bool lead = at_lead(data);
  for (const Node& a : node.args)
    if (a.op != Op::Literal && !(lead && a.op == Op::Var && a.slot != Node::kUnbound)) return nullptr;
  static const Json kNull = nullptr;
  for (std::size_t i = 0; i < n; ++i) {
    const Node& a = node.args[i];
    if (a.op == Op::Literal) {
      if (!step()) return operands_;
      operands_[i] = &a.literal;
      continue;
    }
    if (!step() || !step()) return operands_;  // the var node and its key operand
    operands_[i] = a.slot >= 0 && slots_->has(static_cast<std::size_t>(a.slot))
                       ? &slots_->at(static_cast<std::size_t>(a.slot))
                       : &kNull;
  }
  return operands_;
}

// A comparison of plain operands: a literal list of strings is looked up, anything else compared
// once its work is paid for. False when that fails the evaluation.
bool Evaluator::compare_plain(const Node& node, const Json* const* operands, bool& answer) {
  if (!node.in_strings.empty()) {
    answer = in_strings(node.in_strings, *operands[0]);
    return true;
  }
  static const Json kUndefined = js::undefined();
  const Json& third = node.args.size() > 2 ? *operands[2] : kUndefined;
  if (!charge(comparison_units(node.op, *operands[0], *operands[1], third, room()))) return false;
  answer = comparison(node.op, *operands[0], *operands[1], third);
  return true;
}

Val Evaluator::eval_counted(const Node& node, const Json& data) {
  switch (node.op) {
    case Op::Literal: return Val::borrow(node.literal);
    case Op::Array: return eval_array(*this, node, data);
    case Op::If: return eval_if(node, data);
    case Op::And:
    case Op::Or: return eval_and_or(node, data);
    case Op::Map:
    case Op::Filter:
    case Op::All:
    case Op::None:
    case Op::Some: return eval_iteration(node, data);
    case Op::Reduce: return eval_reduce(node, data);
    case Op::Var:
      // {"var": "field"} on a lead's slots: the slot (bound at compile time) or, unbound, the
      // member of the lead's object; null when absent. The operand's step is counted as its
      // evaluation would be.
      if (!node.var_key.empty() && at_lead(data)) {
        if (!step()) return Val();
        if (node.slot >= 0) {
          const auto slot = static_cast<std::size_t>(node.slot);
          return slots_->has(slot) ? Val::borrow(slots_->at(slot)) : Val::own(Json(nullptr));
        }
        if (node.slot == Node::kNotAField) return Val::own(Json(nullptr));
        need_object(data);
      } else if (!node.var_key.empty() && data.is_object()) {
        if (!step()) return Val();
      } else if (node.args.size() == 1 && node.args[0].op == Op::Literal &&
                 (node.args[0].literal.is_null() || node.args[0].literal == "")) {
        // {"var": ""}: the data itself (map, filter and all read their items so), as var() answers.
        if (!step()) return Val();
        need_object(data);
        return Val::borrow(data);
      } else {
        break;
      }
      // {"var": "key"} on an object: the key's value or null, as var() finds it, without
      // building the path text.
      if (const auto it = data.find(node.var_key); it != data.end()) return Val::borrow(*it);
      return Val::own(Json(nullptr));
    case Op::Missing:
      // {"missing": ["a", "b"]} on the lead's slots, keys bound at compile time: which slots
      // are empty, without building the operands or, when none is, the answer.
      if (at_lead(data) && !node.args.empty() && node.args[0].slot != Node::kUnbound) {
        for (std::size_t k = 0; k < 2 * node.args.size(); ++k)  // each key as an operand, then as a key
          if (!step()) return Val();
        std::optional<Json> absent;
        for (const Node& key : node.args) {
          if (!missing_slot(*slots_, key.slot)) continue;
          if (!charge_copy(key.literal)) return Val();
          if (!absent) absent.emplace(Json::array());
          absent->push_back(key.literal);
        }
        static const Json kNoneMissing = Json::array();
        return absent ? Val::own(std::move(*absent)) : Val::borrow(kNoneMissing);
      }
      break;
    default:
      // The usual rule, a field against a constant ({"in": [{"var": "industry"}, [...]]}),
      // compared in place: the same steps and the same comparison as below, no operand list.
      if (const Json* const* operands = is_comparison(node.op) ? plain_operands(node, data) : nullptr) {
        bool answer = false;
        if (failed() || !compare_plain(node, operands, answer)) return Val();
        return Val::own(answer);
      }
      break;
  }
  ValList values(node.args.size());  // every other operator evaluates all its operands first
  for (const auto& a : node.args) {
    values.push_back(eval(a, data));
    if (failed()) return Val();
  }
  // `in` a literal list of strings is looked up whatever its first operand (no scan to pay for).
  if (!node.in_strings.empty()) return Val::own(in_strings(node.in_strings, values[0].get()));
  return apply_operator(node.op, values, data);
}

bool Evaluator::eval_truthy(const Node& node, const Json& data) {
  switch (node.op) {
    case Op::And:
    case Op::Or: {
      if (!step()) return false;
      bool t = false;  // without operands the value is undefined: falsy
      for (const auto& a : node.args) {
        t = eval_truthy(a, data);
        if (failed()) return false;
        if ((node.op == Op::And) != t) return t;  // the operand that decides is the value
      }
      return t;
    }
    case Op::Not:
    case Op::NotNot: {
      if (!step()) return false;
      bool first = false;  // undefined without operands
      for (std::size_t i = 0; i < node.args.size(); ++i) {
        if (i == 0) first = eval_truthy(node.args[0], data);
        else eval(node.args[i], data);  // evaluated and dropped, as the general path does
        if (failed()) return false;
      }
      return node.op == Op::Not ? !first : first;
    }
    case Op::Missing:
      if (at_lead(data) && !node.args.empty() && node.args[0].slot != Node::kUnbound) {
        for (std::size_t k = 0; k <= 2 * node.args.size(); ++k)  // the node, then as in eval()
          if (!step()) return false;
        for (const Node& key : node.args)  // truthy when a key is missing (a non-empty list)
          if (missing_slot(*slots_, key.slot)) return true;
        return false;
      }
      break;
    default:
      // A comparison of plain operands answers a boolean: no value to build.
      if (is_comparison(node.op)) {
        if (!step()) return false;
        if (const Json* const* operands = plain_operands(node, data)) {
          bool answer = false;
          return !failed() && compare_plain(node, operands, answer) && answer;
        }
        const Val value = eval_counted(node, data);
        return !failed() && js::truthy(value.get());
      }
      break;
  }
  const Val value = eval(node, data);
  return !failed() && js::truthy(value.get());
}

Val Evaluator::eval_if(const Node& node, const Json& data) {
  const std::size_t n = node.args.size();
  std::size_t i = 0;
  for (; i + 1 < n; i += 2) {
    Val cond = eval(node.args[i], data);
    if (failed()) return Val();
    if (js::truthy(cond.get())) return eval(node.args[i + 1], data);
  }
  if (n == i + 1) return eval(node.args[i], data);
  return Val::own(nullptr);
}

Val Evaluator::eval_and_or(const Node& node, const Json& data) {
  Val current;
  for (const auto& a : node.args) {
    current = eval(a, data);
    if (failed()) return Val();
    const bool t = js::truthy(current.get());
    if ((node.op == Op::And) != t) return current;
  }
  return current;
}

namespace {
const Node& undefined_logic() {
  static const Node kUndefinedLogic = [] { Node n; n.literal = js::undefined(); return n; }();
  return kUndefinedLogic;
}
}  // namespace

Val Evaluator::eval_iteration(const Node& node, const Json& data) {
  Val scoped = node.args.empty() ? Val() : eval(node.args[0], data);
  if (failed()) return Val();
  const Node& logic = node.args.size() > 1 ? node.args[1] : undefined_logic();
  const Json& items = scoped.get();
  const bool is_array = items.is_array();
  switch (node.op) {
    case Op::Map:
    case Op::Filter: {
      Json out = Json::array();
      if (!is_array) return Val::own(std::move(out));
      for (const auto& item : items) {
        if (!step()) return Val();
        Val r = eval(logic, item);
        if (failed()) return Val();
        if (node.op == Op::Map) {
          Json value = take(std::move(r));
          if (failed()) return Val();
          out.push_back(std::move(value));
        } else if (js::truthy(r.get())) {
          if (!charge_copy(item)) return Val();
          out.push_back(item);
        }
      }
      return Val::own(std::move(out));
    }
    default: {  // all, none, some
      const bool want = node.op != Op::All;  // the truthiness that ends the loop early
      if (!is_array || items.empty()) return Val::own(node.op == Op::None);
      for (const auto& item : items) {
        if (!step()) return Val();
        Val r = eval(logic, item);
        if (failed()) return Val();
        if (js::truthy(r.get()) == want) return Val::own(node.op == Op::Some);
      }
      return Val::own(node.op != Op::Some);
    }
  }
}

Val Evaluator::eval_reduce(const Node& node, const Json& data) {
  Val scoped = node.args.empty() ? Val() : eval(node.args[0], data);
  if (failed()) return Val();
  const Node& logic = node.args.size() > 1 ? node.args[1] : undefined_logic();
  Json accumulator = nullptr;
  if (node.args.size() > 2) {
    accumulator = take(eval(node.args[2], data));
    if (failed()) return Val();
  }
  if (!scoped.get().is_array()) return Val::own(std::move(accumulator));
  // json-logic-js passes {current, accumulator}; a member that is undefined reads as absent (var
  // finds undefined) and JSON.stringify omits it, so it is left out here. One object serves every
  // item: its members are assigned in place.
  Json context = Json::object();
  auto put = [&context](const char* key, Json&& value) {
    if (js::is_undefined(value)) context.erase(key);
    else context[key] = std::move(value);
  };
  for (const auto& item : scoped.get()) {
    if (!step()) return Val();
    if (!charge_copy(item)) return Val();
    put("current", Json(item));
    put("accumulator", std::move(accumulator));
    Val next = eval(logic, context);
    if (failed()) return Val();
    // The logic often answers a member of the context as it is: moved out, not copied.
    Json* member = nullptr;
    if (next.borrowed())
      for (auto it = context.begin(); it != context.end(); ++it)
        if (&*it == &next.get()) member = &*it;
    accumulator = member != nullptr ? std::move(*member) : take(std::move(next));
    if (failed()) return Val();
  }
  return Val::own(std::move(accumulator));
}

}  // namespace logic_detail

Expected<Json> Logic::apply(const Json& data, WorkBudget* budget, Json* thrown) const {
  if (!root_) return Error{"logic_empty", "", "condition was not compiled"};
  if (edition_ == LogicEdition::Community2025) {
    logic_detail::CommunityEvaluator evaluator(limits_, nullptr, budget);
    Json value = evaluator.take(evaluator.eval(*root_, data));
    evaluator.settle();
    if (evaluator.failed()) {
      if (thrown != nullptr && evaluator.error().code == "logic_thrown") *thrown = evaluator.thrown();
      return evaluator.error();
    }
    return value;
  }
  logic_detail::Evaluator evaluator(limits_, nullptr, budget);
  Json value = evaluator.take(evaluator.eval(*root_, data));
  evaluator.settle();
  if (evaluator.failed()) return evaluator.error();
  return value;
}

Expected<bool> Logic::holds(const FieldSlots& lead, WorkBudget* budget) const {
  if (!root_) return Error{"logic_empty", "", "condition was not compiled"};
  if (edition_ == LogicEdition::Community2025) {
    logic_detail::CommunityEvaluator evaluator(limits_, &lead, budget);
    const bool result = evaluator.eval_truthy(*root_, logic_detail::Evaluator::lead_data(lead));
    evaluator.settle();
    if (evaluator.failed()) return evaluator.error();
    return result;
  }
  // The predicate answers as the evaluator would, counting at most its most steps and the same
  // comparison work; used when that fits what this evaluation may spend.
  const std::uint64_t cap =
      budget != nullptr ? std::min(limits_.max_logic_steps, budget->remaining()) : limits_.max_logic_steps;
  if (predicate_ && predicate_steps_ <= cap) {
    std::uint64_t units = 0;
    const bool answer = predicate_->holds(lead, units, cap - predicate_steps_);
    if (units <= cap - predicate_steps_) {
      if (budget != nullptr) budget->charge(predicate_steps_ + units);
      return answer;
    }
  }
  logic_detail::Evaluator evaluator(limits_, &lead, budget);
  const bool result = evaluator.eval_truthy(*root_, logic_detail::Evaluator::lead_data(lead));
  evaluator.settle();
  if (evaluator.failed()) return evaluator.error();
  return result;
}

Expected<bool> Logic::holds(const Json& data, WorkBudget* budget) const {
  if (!root_) return Error{"logic_empty", "", "condition was not compiled"};
  if (edition_ == LogicEdition::Community2025) {
    logic_detail::CommunityEvaluator evaluator(limits_, nullptr, budget);
    const bool result = evaluator.eval_truthy(*root_, data);
    evaluator.settle();
    if (evaluator.failed()) return evaluator.error();
    return result;
  }
  logic_detail::Evaluator evaluator(limits_, nullptr, budget);
  const bool result = evaluator.eval_truthy(*root_, data);
  evaluator.settle();
  if (evaluator.failed()) return evaluator.error();
  return result;
}

bool logic_truthy(const Json& value) { return js::truthy(value); }

bool logic_truthy(const Json& value, LogicEdition edition) {
  return edition == LogicEdition::Community2025 ? logic_detail::community_truthy(value) : js::truthy(value);
}

}  // namespace leadscore
