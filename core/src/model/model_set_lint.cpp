// Lint of a model set (see model_set_lint.h). Persona conditions are JsonLogic, so in general one
// cannot tell whether two of them overlap; the checks below only report what is certain:
//  - a condition that reads no data is constant: always true hides every later persona (the
//    default included), always false hides its own persona;
//  - "atoms" (a variable equal to a literal) that are *sufficient* for a condition (== / === / in /
//    !! / var, or any branch of an "or") or *necessary* for it (any conjunct of an "and"). A lead
//    with var = literal matches both personas when the atom is sufficient for both (overlap); a
//    later persona is unreachable when one of its necessary atoms is sufficient for an earlier one.
#include "model/model_set_lint.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

namespace leadscore {
namespace {

// var = literal. `loose`: the condition holds for every value loosely equal (JsonLogic ==) to the
// literal (as a sufficient atom), or the persona admits such values (as a necessary atom).
struct Atom {
  std::string var;
  Json literal;
  bool loose = false;
  std::string key() const { return var + '\x1f' + dump_json(literal); }
};
using Atoms = std::map<std::string, Atom>;  // by key(); one entry per var and literal

bool op_of(const Json& node, std::string& op, const Json*& args) {
  if (!node.is_object() || node.size() != 1) return false;
  op = node.begin().key();
  args = &node.begin().value();
  return true;
}

// The variable path of {"var": "a.b"} / {"var": ["a.b", default]}, or "".
std::string var_path(const Json& node) {
  std::string op;
  const Json* args = nullptr;
  if (!op_of(node, op, args) || op != "var") return "";
  const Json& name = args->is_array() && !args->empty() ? (*args)[0] : *args;
  return name.is_string() ? name.get<std::string>() : "";
}

bool scalar(const Json& v) { return v.is_string() || v.is_number() || v.is_boolean(); }

// var == literal, in either order, for == and ===.
void equality_atom(const std::string& op, const Json& args, Atoms& out) {
  if (!args.is_array() || args.size() != 2) return;
  for (int side = 0; side < 2; ++side) {
    const std::string var = var_path(args[side]);
    const Json& literal = args[1 - side];
    if (!var.empty() && scalar(literal)) {
      Atom a{var, literal, op == "=="};
      out.emplace(a.key(), a);
    }
  }
}

void sufficient(const Json& node, Atoms& out) {
  std::string op;
  const Json* args = nullptr;
  if (!op_of(node, op, args)) return;
  if (op == "or" && args->is_array()) {
    for (const Json& branch : *args) sufficient(branch, out);
  } else if (op == "==" || op == "===") {
    equality_atom(op, *args, out);
  } else if (op == "in" && args->is_array() && args->size() == 2 && (*args)[1].is_array()) {
    const std::string var = var_path((*args)[0]);
    for (const Json& literal : (*args)[1])
      if (!var.empty() && scalar(literal)) {
        Atom a{var, literal, false};  // "in" on an array is indexOf: strict
        out.emplace(a.key(), a);
      }
  } else if (op == "var" || op == "!!") {  // truthiness: var = true is enough
    const std::string var = var_path(op == "var" ? node : (args->is_array() && args->size() == 1 ? (*args)[0] : *args));
    if (!var.empty()) {
      Atom a{var, true, false};
      out.emplace(a.key(), a);
    }
  }
}

void necessary(const Json& node, Atoms& out) {
  std::string op;
  const Json* args = nullptr;
  if (!op_of(node, op, args)) return;
  if (op == "and" && args->is_array()) {
    for (const Json& conjunct : *args) necessary(conjunct, out);
  } else if (op == "==" || op == "===") {
    equality_atom(op, *args, out);
  } else if (op == "in" && args->is_array() && args->size() == 2 && (*args)[1].is_array() && (*args)[1].size() == 1) {
    sufficient(node, out);  // var in [x] is var === x: necessary and sufficient
  }
}

// Whether the condition reads the data at all (var, missing, missing_some anywhere).
bool reads_data(const Json& node) {
  if (node.is_array()) {
    for (const Json& v : node)
      if (reads_data(v)) return true;
  } else if (node.is_object()) {
    for (auto it = node.begin(); it != node.end(); ++it)
      if (it.key() == "var" || it.key() == "missing" || it.key() == "missing_some" || reads_data(it.value())) return true;
  }
  return false;
}

std::string literal_text(const Json& v) { return dump_json(v); }

// For each sufficient atom of the personas seen so far: the first persona it is sufficient for,
// and the first for which it is also loose.
class EarlierAtoms {
 public:
  void add(const Atoms& sufficient, std::size_t persona) {
    for (const auto& [key, atom] : sufficient) {
      First& f = first_.try_emplace(key).first->second;
      if (f.any == kNone) f.any = persona;
      if (atom.loose && f.loose == kNone) f.loose = persona;
    }
  }

  // The first earlier persona where a necessary atom of `need` hits (a loose one only on a loose
  // sufficient atom) or that shares a sufficient atom with `suff`; `none` if there is none.
  std::size_t first_sharing(const Atoms& need, const Atoms& suff, std::size_t none) const {
    std::size_t first = none;
    for (const auto& [key, atom] : need) {
      const auto hit = first_.find(key);
      if (hit != first_.end()) first = std::min(first, atom.loose ? hit->second.loose : hit->second.any);
    }
    for (const auto& [key, atom] : suff) {
      const auto hit = first_.find(key);
      if (hit != first_.end()) first = std::min(first, hit->second.any);
    }
    return first;
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  struct First {
    std::size_t any = kNone, loose = kNone;
  };
  std::unordered_map<std::string, First> first_;
};

void lint_models(const Model& set, std::vector<LintFinding>& out) {
  std::set<std::string> linted;
  for (const Persona& persona : set.personas()) {
    if (!linted.insert(persona.model_name).second) continue;
    for (LintFinding f : validate_model(*persona.model)) {
      f.path = "/models/" + pointer_token(persona.model_name) + f.path;
      out.push_back(std::move(f));
    }
  }
  const Json& models = set.document()["models"];
  std::set<std::string> extended;
  for (auto it = models.begin(); it != models.end(); ++it) {
    const auto parent = it.value().find("extends");
    if (parent != it.value().end() && parent->is_string()) extended.insert(parent->get<std::string>());
  }
  for (auto it = models.begin(); it != models.end(); ++it) {
    if (linted.count(it.key()) != 0 || extended.count(it.key()) != 0) continue;
    out.push_back({"model_unused", "warning", "/models/" + pointer_token(it.key()),
                   "Model \"" + it.key() + "\" is used by no persona and extended by no model."});
  }
}

}  // namespace

std::vector<LintFinding> lint_model_set(const Model& set) {
  std::vector<LintFinding> out;
  lint_models(set, out);
  // The conditions evaluated below spend one budget, as one lead's do (docs/limits.md).
  WorkBudget budget(set.limits().max_lead_work, "model_budget_exceeded", "validating the model");
  const auto& personas = set.personas();
  const Json& docs = set.document()["personas"];
  std::vector<Atoms> suff(personas.size()), need(personas.size());
  EarlierAtoms earlier;
  for (std::size_t j = 0; j + 1 < personas.size(); ++j) {
    const Json& when = docs[j]["when"];
    const std::string pj = "/personas/" + std::to_string(j);
    if (!reads_data(when)) {
      const auto value = personas[j].when->holds(Json::object(), &budget);
      if (!value && budget.exhausted()) {  // the later conditions are not evaluated
        budget.locate(pj + "/when");
        const Error e = budget.error();
        out.push_back({e.code, "warning", e.path, "Validation stopped: " + e.message + "."});
        return out;
      }
      if (!value) {
        out.push_back({value.error().code, "warning", pj + "/when",
                       "The condition of persona \"" + personas[j].id + "\" reads no data and could not be evaluated (" +
                           value.error().message + "): it never matches."});
        continue;
      }
      const bool always = value.value();
      if (!always) {
        out.push_back({"persona_unreachable", "warning", pj + "/when",
                       "The condition of persona \"" + personas[j].id + "\" reads no data and is never true."});
        continue;
      }
      for (std::size_t k = j + 1; k < personas.size(); ++k)
        out.push_back({"persona_unreachable", "warning", "/personas/" + std::to_string(k),
                       "Persona \"" + personas[k].id + "\" is never selected: the condition of persona \"" +
                           personas[j].id + "\" before it is always true."});
      return out;
    }
    sufficient(when, suff[j]);
    necessary(when, need[j]);
    // Only the first earlier persona that shares an atom is reported: found through the index
    // instead of by comparing with every earlier persona (a set may have many personas).
    const std::size_t i = earlier.first_sharing(need[j], suff[j], j);
    if (i < j) {
      bool reported = false;
      for (const auto& [key, atom] : need[j]) {
        const auto hit = suff[i].find(key);
        if (hit == suff[i].end() || (atom.loose && !hit->second.loose)) continue;
        out.push_back({"persona_unreachable", "warning", pj,
                       "Persona \"" + personas[j].id + "\" needs " + atom.var + " = " + literal_text(atom.literal) +
                           ", which already selects persona \"" + personas[i].id + "\" before it."});
        reported = true;
        break;
      }
      for (const auto& [key, atom] : suff[j]) {
        if (reported || suff[i].count(key) == 0) continue;
        out.push_back({"persona_overlap", "warning", pj + "/when",
                       "Leads with " + atom.var + " = " + literal_text(atom.literal) + " match personas \"" +
                           personas[i].id + "\" and \"" + personas[j].id + "\"; the first one wins."});
        reported = true;
      }
    }
    earlier.add(suff[j], j);
  }
  return out;
}

}  // namespace leadscore
