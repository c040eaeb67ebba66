// The community edition's walk over compiled nodes (community_evaluator.h): control flow,
// chained comparisons, iterations with scopes, try/throw, val and exists. The operators on
// evaluated operands are in community_operators.cpp.
#include <cmath>
#include <string>

#include "logic/community_evaluator.h"
#include "logic/js_value.h"
#include "logic/logic_work.h"

namespace leadscore::logic_detail {
namespace {

const Json& undefined_value() {
  static const Json kUndefined = js::undefined();
  return kUndefined;
}

// Operators that need their operands as a list: given one value instead, they raise Invalid
// Arguments (the control flow, comparisons and iterations, which evaluate lazily).
bool needs_list(Op op) {
  switch (op) {
    case Op::If: case Op::And: case Op::Or: case Op::Coalesce:
    case Op::Eq: case Op::StrictEq: case Op::Ne: case Op::StrictNe:
    case Op::Gt: case Op::Ge: case Op::Lt: case Op::Le:
    case Op::Map: case Op::Filter: case Op::Reduce: case Op::All: case Op::None: case Op::Some:
      return true;
    default: return false;
  }
}

// Operators whose one operation operand, when it answers an array, gives the operand list.
bool spreads(Op op) {
  switch (op) {
    case Op::Add: case Op::Sub: case Op::Mul: case Op::Div: case Op::Mod: case Op::Min: case Op::Max:
    case Op::Merge: case Op::Cat: case Op::Substr: case Op::In: case Op::Missing: case Op::MissingSome:
    case Op::Val: case Op::Exists: case Op::Abs: case Op::Ceil: case Op::Floor:
    case Op::StartsWith: case Op::EndsWith: case Op::Trim: case Op::Upper: case Op::Lower: case Op::Split:
      return true;
    default: return false;
  }
}

bool is_chained_comparison(Op op) {
  return op == Op::Eq || op == Op::StrictEq || op == Op::Ne || op == Op::StrictNe || op == Op::Gt ||
         op == Op::Ge || op == Op::Lt || op == Op::Le;
}

// A key of a `val` path on an array: a whole number within the array, given as a number or text.
bool array_index(const Json& key, const Json& array, std::size_t& index) {
  double d = 0;
  if (key.is_number()) {
    d = key.get<double>();
  } else if (key.is_string()) {
    const std::string& s = key.get_ref<const std::string&>();
    if (s.empty() || s.size() > 15 || (s.size() > 1 && s[0] == '0')) return false;
    for (const char c : s) {
      if (c < '0' || c > '9') return false;
      d = d * 10 + (c - '0');  // at most 15 digits: exact
    }
  } else {
    return false;
  }
  if (!(d >= 0) || d != std::floor(d) || d >= static_cast<double>(array.size())) return false;
  index = static_cast<std::size_t>(d);
  return true;
}

}  // namespace

bool community_truthy(const Json& value) {
  if (value.is_object()) return !value.empty();
  return js::truthy(value);
}

void CommunityEvaluator::raise(Json value, bool chosen_by_rule) {
  if (failed()) return;
  std::string message = "the condition raised an error";
  const Json* type = value.is_object() ? nullptr : &value;
  if (value.is_object()) {
    const auto it = value.find("type");
    if (it != value.end()) type = &*it;
  }
  if (chosen_by_rule && type != nullptr && type->is_string() && type->get_ref<const std::string&>().size() <= 100)
    message += " of type \"" + type->get<std::string>() + "\"";
  else if (!chosen_by_rule)
    message += " (its type was computed from the data, so it is not repeated here)";
  message += " that no \"try\" caught";
  thrown_ = std::move(value);
  fail("logic_thrown", std::move(message));
}

void CommunityEvaluator::raise_type(const char* type) { raise(Json{{"type", type}}, true); }

template <class F>
Val CommunityEvaluator::with_operands(const Node& node, const Json& data, F&& f) {
  if (node.chained && spreads(node.op)) {
    Val whole = eval(node.args[0], data);
    if (failed()) return Val();
    if (whole.get().is_array()) {
      const Json& items = whole.get();
      if (!charge(items.size())) return Val();
      ValList values(items.size());
      for (const auto& item : items) values.push_back(Val::borrow(item));
      return f(values);  // `whole` outlives the call: the operands borrow from it
    }
    ValList values(1);
    values.push_back(std::move(whole));
    return f(values);
  }
  ValList values(node.args.size());
  for (const auto& a : node.args) {
    values.push_back(eval(a, data));
    if (failed()) return Val();
  }
  return f(values);
}

bool CommunityEvaluator::eval_truthy(const Node& node, const Json& data) {
  const Val value = eval(node, data);
  return !failed() && community_truthy(value.get());
}

Val CommunityEvaluator::eval_counted(const Node& node, const Json& data) {
  if (node.bare && needs_list(node.op)) {
    raise_type("Invalid Arguments");
    return Val();
  }
  switch (node.op) {
    case Op::Literal: return Val::borrow(node.literal);
    case Op::Array: return eval_array(*this, node, data);
    case Op::If: return eval_if(node, data);
    case Op::And:
    case Op::Or: return eval_and_or(node, data);
    case Op::Coalesce: return eval_coalesce(node, data);
    case Op::Map:
    case Op::Filter:
    case Op::All:
    case Op::None:
    case Op::Some: return eval_iteration(node, data);
    case Op::Reduce: return eval_reduce(node, data);
    case Op::Try: return eval_try(node, data);
    case Op::Var: return eval_var(node, data);
    case Op::Throw: {
      Val value = node.args.empty() ? Val::own(nullptr) : eval(node.args[0], data);
      if (failed()) return Val();
      const bool literal = node.args.empty() || node.args[0].op == Op::Literal;
      Json thrown = take(std::move(value));
      if (failed()) return Val();
      if (thrown.is_object()) raise(std::move(thrown), literal);
      else raise(Json{{"type", std::move(thrown)}}, literal);
      return Val();
    }
    case Op::Not:
    case Op::NotNot: {
      // The first operand's truthiness (every operand evaluated, as the classic edition does).
      bool first = false;
      for (std::size_t i = 0; i < node.args.size(); ++i) {
        const Val v = eval(node.args[i], data);
        if (failed()) return Val();
        if (i == 0) first = community_truthy(v.get());
      }
      return Val::own(node.op == Op::Not ? !first : first);
    }
    case Op::Length: {
      if (node.args.size() != 1) {
        raise_type("Invalid Arguments");
        return Val();
      }
      const Val v = eval(node.args[0], data);
      if (failed()) return Val();
      return length_of(v.get());
    }
    default: break;
  }
  if (is_chained_comparison(node.op)) return eval_comparison(node, data);
  return with_operands(node, data, [&](const ValList& v) { return apply_community(node.op, v, data); });
}

Val CommunityEvaluator::eval_if(const Node& node, const Json& data) {
  const std::size_t n = node.args.size();
  std::size_t i = 0;
  for (; i + 1 < n; i += 2) {
    const bool holds = eval_truthy(node.args[i], data);
    if (failed()) return Val();
    if (holds) return eval(node.args[i + 1], data);
  }
  if (n == i + 1) return eval(node.args[i], data);
  return Val::own(nullptr);
}

Val CommunityEvaluator::eval_and_or(const Node& node, const Json& data) {
  // No operands: and answers null, or answers false (the community suites).
  if (node.args.empty()) return Val::own(node.op == Op::And ? Json(nullptr) : Json(false));
  Val current;
  for (const auto& a : node.args) {
    current = eval(a, data);
    if (failed()) return Val();
    if ((node.op == Op::And) != community_truthy(current.get())) return current;
  }
  return current;
}

Val CommunityEvaluator::eval_coalesce(const Node& node, const Json& data) {
  for (const auto& a : node.args) {
    Val current = eval(a, data);
    if (failed()) return Val();
    const Json& v = current.get();
    if (!v.is_null() && !js::is_undefined(v)) return current;
  }
  return Val::own(nullptr);
}

Val CommunityEvaluator::eval_comparison(const Node& node, const Json& data) {
  if (node.args.size() < 2) {
    raise_type("Invalid Arguments");
    return Val();
  }
  // Each operand is evaluated only when the pairs before it held.
  Val previous = eval(node.args[0], data);
  if (failed()) return Val();
  for (std::size_t i = 1; i < node.args.size(); ++i) {
    Val current = eval(node.args[i], data);
    if (failed()) return Val();
    bool holds = false;
    if (!compare_pair(node.op, previous.get(), current.get(), holds)) return Val();
    if (!holds) return Val::own(false);
    previous = std::move(current);
  }
  return Val::own(true);
}

bool CommunityEvaluator::iteration_items(const Node& node, const Json& data, Val& items) {
  items = node.args.empty() ? Val::own(nullptr) : eval(node.args[0], data);
  if (failed()) return false;
  const Json& v = items.get();
  if (v.is_null() || js::is_undefined(v)) {
    items = Val::own(Json::array());
    return true;
  }
  if (!v.is_array()) {
    raise_type("Invalid Arguments");
    return false;
  }
  return true;
}

Val CommunityEvaluator::eval_iteration(const Node& node, const Json& data) {
  Val scoped;
  if (!iteration_items(node, data, scoped)) return Val();
  const Json& items = scoped.get();
  static const Node kNull = [] { Node n; n.literal = nullptr; return n; }();
  const Node& logic = node.args.size() > 1 ? node.args[1] : kNull;
  const EnteredScope entered(scopes_, Scope{&data, 0, true});
  if (node.op == Op::Map || node.op == Op::Filter) {
    Json out = Json::array();
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!step()) return Val();
      scopes_.back().index = i;
      Val r = eval(logic, items[i]);
      if (failed()) return Val();
      if (node.op == Op::Map) {
        Json value = take(std::move(r));
        if (failed()) return Val();
        out.push_back(std::move(value));
      } else if (community_truthy(r.get())) {
        if (!charge_copy(items[i])) return Val();
        out.push_back(items[i]);
      }
    }
    return Val::own(std::move(out));
  }
  // all (false on no items), none (true), some (false)
  if (items.empty()) return Val::own(node.op == Op::None);
  const bool want = node.op != Op::All;  // the truthiness that ends the walk early
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!step()) return Val();
    scopes_.back().index = i;
    const Val r = eval(logic, items[i]);
    if (failed()) return Val();
    if (community_truthy(r.get()) == want) return Val::own(node.op == Op::Some);
  }
  return Val::own(node.op != Op::Some);
}

Val CommunityEvaluator::eval_reduce(const Node& node, const Json& data) {
  Val scoped;
  if (!iteration_items(node, data, scoped)) return Val();
  const Json& items = scoped.get();
  static const Node kNull = [] { Node n; n.literal = nullptr; return n; }();
  const Node& logic = node.args.size() > 1 ? node.args[1] : kNull;
  // The accumulator is a scalar (number, text, boolean, null): anything else is Invalid Return.
  auto scalar = [this](const Json& v) {
    if (!v.is_array() && !v.is_object()) return true;
    raise_type("Invalid Return");
    return false;
  };
  Json accumulator;
  std::size_t first = 0;
  if (node.args.size() > 2) {
    accumulator = take(eval(node.args[2], data));
    if (failed()) return Val();
  } else {  // without an initial value the first item is one
    if (items.empty()) {
      raise_type("Invalid Arguments");
      return Val();
    }
    accumulator = items[0];
    first = 1;
  }
  if (js::is_undefined(accumulator)) accumulator = nullptr;
  if (!scalar(accumulator)) return Val();
  const EnteredScope entered(scopes_, Scope{&data, 0, true});
  Json context = Json::object();
  for (std::size_t i = first; i < items.size(); ++i) {
    if (!step() || !charge_copy(items[i])) return Val();
    scopes_.back().index = i;
    context["current"] = items[i];
    context["accumulator"] = std::move(accumulator);
    Json next = take(eval(logic, context));
    if (failed()) return Val();
    if (js::is_undefined(next)) next = nullptr;
    if (!scalar(next)) return Val();
    accumulator = std::move(next);
  }
  return Val::own(std::move(accumulator));
}

Val CommunityEvaluator::eval_try(const Node& node, const Json& data) {
  // Each operand in turn until one answers; a handler runs on the error the one before raised
  // (its data; the try's own data is two scopes up). Only raised errors are caught: a budget or
  // size error ends the evaluation.
  Json caught;
  for (std::size_t i = 0; i < node.args.size(); ++i) {
    Val value;
    if (i == 0) {
      value = eval(node.args[0], data);
    } else {
      scopes_.push_back(Scope{&data, 0, false});
      value = eval(node.args[i], caught);
      if (!failed()) value = Val::own(take(std::move(value)));  // it may borrow from `caught`
      scopes_.pop_back();
    }
    if (!failed()) return value;
    if (error().code != "logic_thrown" || i + 1 == node.args.size()) return Val();
    caught = std::move(thrown_);
    thrown_ = Json();
    error_ = Error{};
  }
  return Val::own(nullptr);  // no operands
}

Val CommunityEvaluator::eval_var(const Node& node, const Json& data) {
  // The classic `var` (kept in this edition): a lead's slot read directly, else var().
  if (!node.var_key.empty() && at_lead(data) && node.slot != Node::kUnbound) {
    if (!step()) return Val();
    if (node.slot >= 0) {
      const auto slot = static_cast<std::size_t>(node.slot);
      return slots_->has(slot) ? Val::borrow(slots_->at(slot)) : Val::own(Json(nullptr));
    }
    return Val::own(Json(nullptr));
  }
  ValList values(node.args.size());
  for (const auto& a : node.args) {
    values.push_back(eval(a, data));
    if (failed()) return Val();
  }
  return var(values.size() > 0 ? values[0].get() : undefined_value(),
             values.size() > 1 ? values[1].get() : undefined_value(), data);
}

Val CommunityEvaluator::val_or_exists(const ValList& v, const Json& data, bool want_exists) {
  const Json* current = &data;
  Json holder;  // a climbed scope's {"index": i}
  std::size_t first_key = 0;
  // [[n], keys...]: start n scopes up (level 0 is the data itself; odd levels an iteration's
  // {"index": i}; even levels the data that iteration was called with).
  if (v.size() > 0 && v[0].get().is_array() && v[0].get().size() == 1 && v[0].get()[0].is_number()) {
    first_key = 1;
    const double d = std::fabs(std::trunc(v[0].get()[0].get<double>()));
    const auto level = d > 1e9 ? std::size_t{1000000000} : static_cast<std::size_t>(d);
    if (level > 0) {
      const std::size_t frame = (level - 1) / 2;
      if (frame >= scopes_.size()) return Val::own(want_exists ? Json(false) : Json(nullptr));
      const Scope& scope = scopes_[scopes_.size() - 1 - frame];
      if (level % 2 == 0) {
        current = scope.outer;
      } else {
        holder = scope.has_index ? Json{{"index", scope.index}} : Json(nullptr);
        current = &holder;
      }
    }
  }
  need_object(*current);
  for (std::size_t i = first_key; i < v.size(); ++i) {
    if (!step()) return Val();
    const Json& key = v[i].get();
    const Json* next = nullptr;
    if (current->is_object()) {
      if (!charge(conversion_units(key, room()))) return Val();
      const auto it = current->find(key.is_string() ? key.get<std::string>() : js::to_string(key));
      if (it != current->end()) next = &*it;
    } else if (current->is_array()) {
      std::size_t index = 0;
      if (array_index(key, *current, index)) next = &(*current)[index];
    }
    if (next == nullptr) return Val::own(want_exists ? Json(false) : Json(nullptr));
    current = next;
  }
  if (want_exists) return Val::own(true);
  if (current == &holder) return Val::own(std::move(holder));
  if (holder.is_object()) {  // a member of the climbed {"index": i}: copied, the holder dies here
    Json copy = *current;
    return Val::own(std::move(copy));
  }
  return Val::borrow(*current);
}

}  // namespace leadscore::logic_detail
