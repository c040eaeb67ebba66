// JsonLogic (jsonlogic.com) conditions: compiled once at model load, evaluated many times.
//
// Semantics follow the reference implementation json-logic-js 2.0 (JavaScript coercions for ==, <,
// +, cat...). Deliberate differences are listed in docs/model-format.md ("JsonLogic dialect"):
// unknown operators fail at compile time, `log` returns its argument without printing, and
// evaluation is bounded by Limits.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "leadscore/error.h"
#include "leadscore/json.h"
#include "leadscore/limits.h"

namespace leadscore {

namespace logic_detail { struct Node; }

class Logic {
 public:
  /// Compiles a rule. `pointer` is where the rule sits in its document (used in error paths, e.g.
  /// "/rules/2/when"). Errors: "unknown_operator", "logic_too_deep", "logic_arity".
  static Expected<Logic> compile(const Json& rule, const std::string& pointer = "",
                                 const Limits& limits = Limits{});

  /// Evaluates against `data`. Errors: "logic_budget_exceeded", "logic_value_too_large".
  Expected<Json> apply(const Json& data) const;

  /// Every constant variable name the rule reads with `var`, `missing` or `missing_some`
  /// (first path segment, e.g. "company.size" -> "company"), for linting models.
  const std::vector<std::string>& variables() const { return variables_; }

  /// Whether the rule reads a variable whose name is computed at run time (cannot be linted).
  bool has_dynamic_variables() const { return dynamic_vars_; }

 private:
  std::shared_ptr<const logic_detail::Node> root_;
  std::vector<std::string> variables_;
  bool dynamic_vars_ = false;
  Limits limits_;
};

/// JsonLogic truthiness: JavaScript's, except that an empty array is false.
bool logic_truthy(const Json& value);

}  // namespace leadscore
