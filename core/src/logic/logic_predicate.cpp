// See logic_predicate.h. Every case mirrors Evaluator::eval_truthy (logic_eval.cpp), its step count
// and the work of its comparisons; tests/cpp/jsonlogic_suite_test.cpp holds the two together.
#include "logic/logic_predicate.h"

#include <algorithm>

#include "logic/js_value.h"

namespace leadscore::logic_detail {
namespace {

bool is_plain_operand(const Node& n) {
  return n.op == Op::Literal || (n.op == Op::Var && !n.var_key.empty() && n.slot != Node::kUnbound);
}

bool build(const Node& node, Predicate& out, std::uint64_t& steps) {
  ++steps;  // the node's own step
  switch (node.op) {
    case Op::Not:
    case Op::NotNot:
      // A second operand is evaluated for nothing but its work, building values the predicate
      // would not count: such a rule (unusual) keeps the evaluator.
      if (node.args.size() > 1) return false;
      [[fallthrough]];
    case Op::And:
    case Op::Or:
      out.kind = node.op == Op::And   ? Predicate::Kind::And
                 : node.op == Op::Or  ? Predicate::Kind::Or
                 : node.op == Op::Not ? Predicate::Kind::Not
                                      : Predicate::Kind::NotNot;
      out.args.resize(node.args.size());
      for (std::size_t i = 0; i < node.args.size(); ++i)
        if (!build(node.args[i], out.args[i], steps)) return false;
      return true;
    case Op::Missing:
      if (node.args.empty() || node.args[0].slot == Node::kUnbound) return false;  // bound all or none
      out.kind = Predicate::Kind::Missing;
      for (const Node& key : node.args) out.slots.push_back(key.slot);
      steps += 2 * node.args.size();
      return true;
    case Op::Literal:
      out.kind = Predicate::Kind::Constant;
      out.value = js::truthy(node.literal);
      return true;
    case Op::Var:
      if (node.var_key.empty() || node.slot == Node::kUnbound) return false;
      out.kind = Predicate::Kind::Field;
      out.slot[0] = node.slot;
      out.operands = 1;
      ++steps;  // the var's own lookup step
      return true;
    default:
      break;
  }
  if (!is_comparison(node.op)) return false;
  const std::size_t n = node.args.size();
  if (n < 2 || n > 3 || (n == 3 && node.op != Op::Lt && node.op != Op::Le)) return false;
  for (const Node& a : node.args)
    if (!is_plain_operand(a)) return false;
  out.kind = node.in_strings.empty() ? Predicate::Kind::Compare : Predicate::Kind::InStrings;
  out.op = node.op;
  out.operands = n;
  out.strings = &node.in_strings;
  for (std::size_t i = 0; i < n; ++i) {
    const Node& a = node.args[i];
    if (a.op == Op::Literal) {
      out.literal[i] = &a.literal;
      ++steps;
    } else {
      out.slot[i] = a.slot;  // kNotAField (-1) reads null, like an empty slot
      steps += 2;
    }
  }
  return true;
}

const Json& operand(const Predicate& p, std::size_t i, const FieldSlots& lead) {
  static const Json kNull = nullptr;
  if (p.literal[i] != nullptr) return *p.literal[i];
  const int s = p.slot[i];
  return s >= 0 && lead.has(static_cast<std::size_t>(s)) ? lead.at(static_cast<std::size_t>(s)) : kNull;
}

}  // namespace

bool Predicate::holds(const FieldSlots& lead, std::uint64_t& units, std::uint64_t stop_after) const {
  switch (kind) {
    case Kind::And:
      for (const Predicate& a : args)
        if (!a.holds(lead, units, stop_after)) return false;
      return !args.empty();  // without operands the value is undefined: falsy
    case Kind::Or:
      for (const Predicate& a : args)
        if (a.holds(lead, units, stop_after)) return true;
      return false;
    case Kind::Not:
      return args.empty() || !args[0].holds(lead, units, stop_after);  // one operand at most (build())
    case Kind::NotNot:
      return !args.empty() && args[0].holds(lead, units, stop_after);
    case Kind::Missing:
      for (const int s : slots)
        if (missing_slot(lead, s)) return true;
      return false;
    case Kind::Compare: {
      static const Json kUndefined = js::undefined();
      const Json& a = operand(*this, 0, lead);
      const Json& b = operand(*this, 1, lead);
      const Json& c = operands > 2 ? operand(*this, 2, lead) : kUndefined;
      units += comparison_units(op, a, b, c, stop_after > units ? stop_after - units : 0);
      if (units > stop_after) return false;  // over: Logic::holds() asks the evaluator instead
      return comparison(op, a, b, c);
    }
    case Kind::InStrings: return in_strings(*strings, operand(*this, 0, lead));
    case Kind::Constant: return value;
    case Kind::Field: return js::truthy(operand(*this, 0, lead));
  }
  return false;
}

std::unique_ptr<Predicate> compile_predicate(const Node& root, std::uint64_t& max_steps) {
  auto out = std::make_unique<Predicate>();
  max_steps = 0;
  if (!build(root, *out, max_steps)) return nullptr;
  return out;
}

}  // namespace leadscore::logic_detail
