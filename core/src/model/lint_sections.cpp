#include "model/lint_sections.h"

#include <set>
#include <string>

namespace leadscore::lint_detail {

namespace {

bool unconditional(const RouteRule& rule) {
  return rule.bands.empty() && !rule.grade_given && !rule.strong_action && rule.quality.empty();
}

}  // namespace

void lint_routing(const Model& model, std::vector<LintFinding>& out) {
  if (!model.routing()) return;
  const auto& rules = model.routing()->rules;
  const RouteRule* catch_all = nullptr;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const std::string path = "/routing/rules/" + std::to_string(i);
    if (catch_all != nullptr) {
      out.push_back({"route_rule_unreachable", "warning", path,
                     "Routing rule \"" + rules[i].id + "\" is never used: rule \"" + catch_all->id +
                         "\" before it has no condition and matches every lead (the first matching rule wins)."});
    } else if (unconditional(rules[i])) {
      catch_all = &rules[i];
    }
    if (!rules[i].quality.empty() && !model.has_checks()) {
      out.push_back({"quality_without_checks", "warning", path + "/quality",
                     "Routing rule \"" + rules[i].id +
                         "\" reads the form-check verdict, but the model has no \"checks\" section: "
                         "no lead has a verdict, so the rule never matches."});
    }
  }
}

void lint_account(const Model& model, std::vector<LintFinding>& out) {
  if (!model.account()) return;
  const AccountSpec& account = *model.account();
  std::set<std::string> fields;
  for (const FieldSpec& f : account.fields) fields.insert(f.name);
  for (std::size_t i = 0; i < account.rules.size(); ++i) {
    std::set<std::string> reported;
    for (const std::string& name : account.rules[i].when.variables()) {
      if (name.empty() || fields.count(name) != 0 || !reported.insert(name).second) continue;
      out.push_back({"unknown_account_field", "warning", "/account/rules/" + std::to_string(i) + "/when",
                     "Account rule \"" + account.rules[i].id + "\" reads \"" + name +
                         "\", which is not one of the account's fields: accounts never have it, so the "
                         "variable is always missing."});
    }
  }
}

}  // namespace leadscore::lint_detail
