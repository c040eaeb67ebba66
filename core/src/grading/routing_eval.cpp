// Routing: the first rule of the matrix whose conditions all hold decides the action; a sales
// verdict overrides the matrix and the result keeps what the matrix said (docs/routing.md).
#include <algorithm>

#include "leadscore/grading.h"
#include "leadscore/time.h"
#include "grading/routing_eval.h"

namespace leadscore {
namespace {

bool listed(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool matches(const RouteRule& rule, const RouteInput& input, bool strong) {
  if (!rule.bands.empty() && !listed(rule.bands, input.band)) return false;
  // A grade condition never matches an ungraded lead (the parser only allows it with grading).
  if (rule.grade_given && (!input.grade || *input.grade < rule.grade_min || *input.grade > rule.grade_max)) return false;
  if (rule.strong_action && *rule.strong_action != strong) return false;
  // Without form checks there is no verdict, so a quality condition does not hold.
  if (!rule.quality.empty() && !listed(rule.quality, input.quality)) return false;
  return true;
}

// The first rule that holds, else the fallback.
const RouteRule& decide(const Routing& routing, const RouteInput& input, bool strong) {
  for (const RouteRule& rule : routing.rules)
    if (matches(rule, input, strong)) return rule;
  return routing.fallback;
}

}  // namespace

const std::string& route_action(const Routing& routing, const RouteInput& input, bool strong) {
  if (input.verdict) return input.verdict->value == "qualified" ? routing.qualified_action : routing.disqualified_action;
  return decide(routing, input, strong).action;
}

Json route_lead(const Routing& routing, const RouteInput& input) {
  const Json strong = input.strong_actions ? *input.strong_actions : Json::array();
  const RouteRule* decided = &decide(routing, input, !strong.empty());

  Json out = {{"action", decided->action}, {"rule", decided->id}, {"reason", decided->reason}, {"band", input.band},
              {"grade", input.grade ? Json(grade_letter(*input.grade)) : Json(nullptr)}, {"strong_actions", strong}};
  if (input.verdict) {
    // Sales has the last word; who decided and when is part of the reason shown to users. The rep
    // id is the team's own identifier, not lead data.
    const SalesVerdict& v = *input.verdict;
    out["overridden"] = {{"rule", decided->id}, {"action", decided->action}, {"reason", decided->reason}};
    out["action"] = v.value == "qualified" ? routing.qualified_action : routing.disqualified_action;
    out["rule"] = "verdict";
    std::string reason = "Sales verdict \"" + v.value + "\" by " + v.by + " at " + format_instant(v.at);
    if (!v.reason.empty()) reason += ": " + v.reason;
    out["reason"] = std::move(reason);
  }
  return out;
}

}  // namespace leadscore
