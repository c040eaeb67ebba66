// Compiling JsonLogic: every operator is resolved once, so an unknown operator is a load-time error
// with its JSON pointer, and evaluation never meets a name it does not know.
#include <algorithm>
#include <unordered_map>

#include "leadscore/logic.h"
#include "logic/logic_node.h"
#include "logic/logic_predicate.h"

namespace leadscore {
namespace logic_detail {

bool lookup_operator(const std::string& name, LogicEdition edition, Op& op) {
  static const std::unordered_map<std::string, Op> kOperators = {
      {"var", Op::Var}, {"missing", Op::Missing}, {"missing_some", Op::MissingSome},
      {"if", Op::If}, {"?:", Op::If}, {"and", Op::And}, {"or", Op::Or}, {"!", Op::Not},
      {"!!", Op::NotNot}, {"==", Op::Eq}, {"===", Op::StrictEq}, {"!=", Op::Ne},
      {"!==", Op::StrictNe}, {">", Op::Gt}, {">=", Op::Ge}, {"<", Op::Lt}, {"<=", Op::Le},
      {"+", Op::Add}, {"-", Op::Sub}, {"*", Op::Mul}, {"/", Op::Div}, {"%", Op::Mod},
      {"min", Op::Min}, {"max", Op::Max}, {"map", Op::Map}, {"filter", Op::Filter},
      {"reduce", Op::Reduce}, {"all", Op::All}, {"none", Op::None}, {"some", Op::Some},
      {"merge", Op::Merge}, {"in", Op::In}, {"cat", Op::Cat}, {"substr", Op::Substr},
      {"log", Op::Log},
  };
  // The community edition's own operators (`preserve` is resolved by the compiler: its operand
  // stays data).
  static const std::unordered_map<std::string, Op> kCommunityOperators = {
      {"val", Op::Val}, {"exists", Op::Exists}, {"??", Op::Coalesce}, {"throw", Op::Throw},
      {"try", Op::Try}, {"abs", Op::Abs}, {"ceil", Op::Ceil}, {"floor", Op::Floor},
      {"starts_with", Op::StartsWith}, {"ends_with", Op::EndsWith}, {"trim", Op::Trim},
      {"upper", Op::Upper}, {"lower", Op::Lower}, {"split", Op::Split}, {"length", Op::Length},
  };
  if (const auto it = kOperators.find(name); it != kOperators.end()) {
    op = it->second;
    return true;
  }
  if (edition != LogicEdition::Community2025) return false;
  const auto it = kCommunityOperators.find(name);
  if (it == kCommunityOperators.end()) return false;
  op = it->second;
  return true;
}

namespace {

struct Compiler {
  const Limits& limits;
  LogicEdition edition;
  std::vector<std::string>& variables;
  bool& dynamic_vars;
  const SlotNames* slot_names;  // null: no slot binding

  // Returns an empty Error code on success. `lead_scope`: the node reads the data the rule is
  // applied to (false inside the per-item logic of map, filter, reduce, all, none, some).
  Error compile(const Json& rule, const std::string& pointer, std::size_t depth, Node& out, bool lead_scope = true) {
    if (depth > limits.max_json_depth)
      return {"logic_too_deep", pointer, "condition is nested deeper than " + std::to_string(limits.max_json_depth) + " levels"};
    if (rule.is_array()) {
      out.op = Op::Array;
      out.args.resize(rule.size());
      bool constant = true;
      for (std::size_t i = 0; i < rule.size(); ++i) {
        Error e = compile(rule[i], pointer + "/" + std::to_string(i), depth + 1, out.args[i], lead_scope);
        if (!e.code.empty()) return e;
        constant = constant && out.args[i].op == Op::Literal;
      }
      if (constant) {  // an array of plain values evaluates to itself: keep one copy, no rebuilding
        out.op = Op::Literal;
        out.literal = rule;
        out.args.clear();
      }
      return {};
    }
    if (!rule.is_object() || rule.size() != 1) {  // data, not logic (json-logic-js's is_logic)
      out.op = Op::Literal;
      out.literal = rule;
      return {};
    }
    const auto it = rule.begin();
    const std::string name = it.key();
    const std::string op_pointer = pointer + "/" + pointer_token(name);
    if (edition == LogicEdition::Community2025 && name == "preserve") {  // its operand is data
      out.op = Op::Literal;
      out.literal = it.value();
      return {};
    }
    if (!lookup_operator(name, edition, out.op))
      return {"unknown_operator", op_pointer, "unknown JsonLogic operator \"" + name + "\"" +
                                                  (edition == LogicEdition::Classic && is_community_only(name)
                                                       ? " (it is an operator of the community edition: \"logic_edition\": \"community-2025\")"
                                                       : "")};
    const Json& operands = it.value();
    out.bare = !operands.is_array();
    out.chained = out.bare && operands.is_object() && operands.size() == 1;
    if (operands.is_array()) {
      out.args.resize(operands.size());
      for (std::size_t i = 0; i < operands.size(); ++i) {
        // The per-item logic of an iteration, and the handlers of `try` (run on the error).
        const bool per_item = (i == 1 && iterates(out.op)) || (i >= 1 && out.op == Op::Try);
        Error e = compile(operands[i], op_pointer + "/" + std::to_string(i), depth + 2, out.args[i],
                          lead_scope && !per_item);
        if (!e.code.empty()) return e;
      }
    } else {  // unary shorthand: {"var": "x"} means {"var": ["x"]}
      out.args.resize(1);
      Error e = compile(operands, op_pointer, depth + 1, out.args[0], lead_scope);
      if (!e.code.empty()) return e;
    }
    note_variables(out);
    if (out.op == Op::In) index_string_list(out);
    if (out.op == Op::Missing && lead_scope && slot_names != nullptr) bind_missing_keys(out);
    if (out.op == Op::Var && out.args.size() == 1 && out.args[0].op == Op::Literal && out.args[0].literal.is_string()) {
      const std::string& key = out.args[0].literal.get_ref<const std::string&>();
      if (!key.empty() && key.find('.') == std::string::npos) out.var_key = key;
      if (!out.var_key.empty() && lead_scope && slot_names != nullptr) {
        const int found = slot_names->find(out.var_key);
        out.slot = found < 0 ? Node::kNotAField : found;
      }
    }
    return {};
  }

  // {"missing": ["a", "b"]} at the lead's level with plain keys: each key's slot, kept on the
  // key's literal node (all or none: the evaluator's fast path needs every key bound).
  void bind_missing_keys(Node& node) const {
    for (const Node& a : node.args) {
      if (a.op != Op::Literal || !a.literal.is_string()) return;
      const std::string& key = a.literal.get_ref<const std::string&>();
      if (key.empty() || key.find('.') != std::string::npos) return;
    }
    for (Node& a : node.args) {
      const int found = slot_names->find(a.literal.get_ref<const std::string&>());
      a.slot = found < 0 ? Node::kNotAField : found;
    }
  }

  // {"in": [x, ["a", "b", ...]]}: the list's strings, sorted (see Node::in_strings).
  static void index_string_list(Node& node) {
    if (node.args.size() != 2 || node.args[1].op != Op::Literal) return;
    const Json& list = node.args[1].literal;
    if (!list.is_array() || list.empty()) return;
    for (const Json& e : list)
      if (!e.is_string()) return;
    for (const Json& e : list) node.in_strings.push_back(e.get<std::string>());
    std::sort(node.in_strings.begin(), node.in_strings.end());
  }

  // The operators whose second operand is evaluated once per item, against the item.
  static bool iterates(Op op) {
    return op == Op::Map || op == Op::Filter || op == Op::Reduce || op == Op::All || op == Op::None || op == Op::Some;
  }

  static bool is_community_only(const std::string& name) {
    Op op;
    return name == "preserve" || (!lookup_operator(name, LogicEdition::Classic, op) &&
                                  lookup_operator(name, LogicEdition::Community2025, op));
  }

  void note_variables(const Node& node) {
    if (node.op == Op::Val || node.op == Op::Exists) {
      // {"val": "a"} or {"val": ["a", "b"]}: the first key, when it is constant and the path does
      // not climb scopes ([[1], ...] reads an outer context, not the lead's field).
      if (node.args.empty()) return;
      const Node& first = node.args[0];
      if (first.op != Op::Literal) { dynamic_vars = true; return; }
      const Json& key = first.literal;
      if (key.is_string() && !key.get_ref<const std::string&>().empty()) variables.push_back(key.get<std::string>());
      return;
    }
    if (node.op != Op::Var && node.op != Op::Missing && node.op != Op::MissingSome) return;
    auto note = [&](const Node& arg) {
      if (arg.op != Op::Literal) { dynamic_vars = true; return; }
      if (arg.literal.is_string()) {
        const auto& s = arg.literal.get_ref<const std::string&>();
        if (!s.empty()) variables.push_back(s.substr(0, s.find('.')));
      } else if (arg.literal.is_number()) {
        variables.push_back(dump_json(arg.literal));
      }
    };
    if (node.op == Op::Var) {
      if (!node.args.empty()) note(node.args[0]);
      return;
    }
    const Node* keys = &node;
    if (node.op == Op::MissingSome) {
      if (node.args.size() < 2) return;
      keys = &node.args[1];
    } else if (node.args.size() == 1 && (node.args[0].op == Op::Array ||
                                         (node.args[0].op == Op::Literal && node.args[0].literal.is_array()))) {
      keys = &node.args[0];
    }
    if (keys->op == Op::Literal) {
      if (keys->literal.is_array())
        for (const auto& k : keys->literal) {
          Node n;
          n.literal = k;
          note(n);
        }
      return;
    }
    for (const auto& k : keys->args) note(k);
  }
};

}  // namespace
}  // namespace logic_detail

Expected<Logic> Logic::compile(const Json& rule, const std::string& pointer, const Limits& limits,
                               const std::vector<std::string>* slot_names, LogicEdition edition) {
  if (slot_names == nullptr) return compile_with(rule, pointer, limits, nullptr, edition);
  const SlotNames slots(*slot_names);
  return compile_with(rule, pointer, limits, &slots, edition);
}

Expected<Logic> Logic::compile(const Json& rule, const std::string& pointer, const Limits& limits,
                               const SlotNames& slots, LogicEdition edition) {
  return compile_with(rule, pointer, limits, &slots, edition);
}

Expected<Logic> Logic::compile_with(const Json& rule, const std::string& pointer, const Limits& limits,
                                    const SlotNames* slots, LogicEdition edition) {
  Logic logic;
  logic.limits_ = limits;
  logic.edition_ = edition;
  auto root = std::make_shared<logic_detail::Node>();
  logic_detail::Compiler compiler{limits, edition, logic.variables_, logic.dynamic_vars_, slots};
  Error e = compiler.compile(rule, pointer, 0, *root);
  if (!e.code.empty()) return e;
  // The predicates over slots answer with the classic edition's semantics only.
  if (slots != nullptr && edition == LogicEdition::Classic)
    logic.predicate_ = logic_detail::compile_predicate(*root, logic.predicate_steps_);
  logic.root_ = std::move(root);
  return logic;
}

const char* logic_edition_name(LogicEdition edition) {
  return edition == LogicEdition::Community2025 ? "community-2025" : "classic";
}

bool logic_edition_from_name(std::string_view name, LogicEdition& edition) {
  if (name == "classic") edition = LogicEdition::Classic;
  else if (name == "community-2025") edition = LogicEdition::Community2025;
  else return false;
  return true;
}

}  // namespace leadscore
