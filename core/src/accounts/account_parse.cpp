// The model's "account" section -> AccountSpec (docs/accounts.md, "Model keys"). Every failure names
// the JSON pointer of the value at fault, like the rest of the model reader.
#include "accounts/account_parse.h"

#include <set>
#include <string>

#include "accounts/account_fields.h"
#include "leadscore/account.h"

namespace leadscore::model_detail {
namespace {

constexpr const char* kSection = "/account";
// top_n is bounded so that the result's list of contributing contacts stays small.
constexpr long long kMaxTopN = 1000;
// The sum's cap: above 100 contacts x 100 points it could never bind.
constexpr long long kMaxCap = static_cast<long long>(kMaxAccountContacts) * 100;
// Account rule points are whole score points: one rule can move the score at most end to end.
constexpr long long kMaxRulePoints = 100;

// An integer key within [lo, hi]; "account_range" outside it.
template <class T>
void bounded(Reader& r, const Json& section, const char* key, long long lo, long long hi, T& out) {
  const auto v = r.integer(section, kSection, key, false);
  if (!v || r.failed()) return;
  if (*v < lo || *v > hi) {
    r.fail("account_range", std::string(kSection) + "/" + key,
           std::string("\"") + key + "\" must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi));
    return;
  }
  out = static_cast<T>(*v);
}

AccountSpec::Aggregation aggregation(Reader& r, const Json& section) {
  if (!section.contains("aggregation")) return AccountSpec::Aggregation::Max;
  const std::string name = r.string(section, kSection, "aggregation", false);
  if (r.failed()) return AccountSpec::Aggregation::Max;
  if (name == "max") return AccountSpec::Aggregation::Max;
  if (name == "sum") return AccountSpec::Aggregation::Sum;
  if (name == "top_n_mean") return AccountSpec::Aggregation::TopNMean;
  r.fail("unknown_aggregation", "/account/aggregation", "aggregation must be max, sum or top_n_mean");
  return AccountSpec::Aggregation::Max;
}

// Fit rules over the account fields: {id, label?, points, when}; no group (an account has none).
std::vector<FitRule> read_rules(Reader& r, const Json& rules, const Limits& limits, LogicEdition edition) {
  std::vector<FitRule> out;
  if (!r.expect_array(rules, "/account/rules", "rules")) return out;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < rules.size() && !r.failed(); ++i) {
    const std::string p = "/account/rules/" + std::to_string(i);
    const Json& j = rules[i];
    if (!r.expect_object(j, p, "a rule")) break;
    r.only_keys(j, p, {"id", "label", "points", "when", "description"});
    FitRule rule;
    rule.id = r.unique_id(j, p, "id", "rule", seen);
    rule.label = r.label_or_id(j, p, rule.id);
    rule.group = "account";
    const auto points = r.integer(j, p, "points", true);
    if (r.failed()) break;
    if (*points < -kMaxRulePoints || *points > kMaxRulePoints) {
      r.fail("account_range", p + "/points", "an account rule's points are whole score points from -100 to 100");
      break;
    }
    rule.points = static_cast<Centipoints>(*points) * 100;
    const Json* when = r.member(j, p, "when", true);
    if (r.failed() || when == nullptr) break;
    auto compiled = Logic::compile(*when, p + "/when", limits, nullptr, edition);
    if (!compiled) {
      r.fail(compiled.error().code, compiled.error().path, compiled.error().message);
      break;
    }
    rule.when = std::move(compiled.value());
    out.push_back(std::move(rule));
  }
  return out;
}

}  // namespace

std::optional<AccountSpec> read_account(Reader& r, const Json& section, const Limits& limits,
                                        LogicEdition edition) {
  if (!r.expect_object(section, kSection, "account")) return std::nullopt;
  r.only_keys(section, kSection,
              {"id_field", "aggregation", "cap", "top_n", "max_contacts", "fields", "rules", "description"});
  AccountSpec spec;
  if (section.contains("id_field")) {
    spec.id_field = r.string(section, kSection, "id_field", false);
    r.identifier(spec.id_field, "/account/id_field", true);
  }
  spec.aggregation = aggregation(r, section);
  bounded(r, section, "cap", 0, kMaxCap, spec.cap);
  bounded(r, section, "top_n", 1, kMaxTopN, spec.top_n);
  bounded(r, section, "max_contacts", 1, static_cast<long long>(kMaxAccountContacts), spec.max_contacts);
  if (const Json* fields = r.member(section, kSection, "fields", false); fields && !r.failed())
    spec.fields = read_account_fields(r, *fields, "/account/fields", limits);
  if (const Json* rules = r.member(section, kSection, "rules", false); rules && !r.failed())
    spec.rules = read_rules(r, *rules, limits, edition);
  if (r.failed()) return std::nullopt;
  return spec;
}

}  // namespace leadscore::model_detail
