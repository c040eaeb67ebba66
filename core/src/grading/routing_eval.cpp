// Routing: the first rule of the matrix whose conditions all hold decides the action; a sales
// verdict overrides the matrix and the result keeps what the matrix said (docs/routing.md).
#include <algorithm>

#include "leadscore/grading.h"
#include "leadscore/time.h"
#include "grading/routing_eval.h"
#include "io/json_text.h"

namespace leadscore {
namespace {

bool listed(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

bool route_rule_holds(const RouteRule& rule, const RouteInput& input, bool strong) {
  if (!rule.bands.empty() && !listed(rule.bands, input.band)) return false;
  // A grade condition never matches an ungraded lead (the parser only allows it with grading).
  if (rule.grade_given && (!input.grade || *input.grade < rule.grade_min || *input.grade > rule.grade_max)) return false;
  if (rule.strong_action && *rule.strong_action != strong) return false;
  // Without form checks there is no verdict, so a quality condition does not hold.
  if (!rule.quality.empty() && !listed(rule.quality, input.quality)) return false;
  return true;
}

namespace {

// The first rule that holds, else the fallback.
const RouteRule& decide(const Routing& routing, const RouteInput& input, bool strong) {
  for (const RouteRule& rule : routing.rules)
    if (route_rule_holds(rule, input, strong)) return rule;
  return routing.fallback;
}

}  // namespace

const std::string& route_action(const Routing& routing, const RouteInput& input, bool strong) {
  if (input.verdict) return input.verdict->value == "qualified" ? routing.qualified_action : routing.disqualified_action;
  return decide(routing, input, strong).action;
}

void explain_route(const Routing& routing, const RouteInput& input, RouteExplanation& out) {
  static const std::vector<StrongAction> kNone;
  const auto& strong = input.strong_actions ? *input.strong_actions : kNone;
  out.decided = &decide(routing, input, !strong.empty());
  out.band = input.band;
  out.grade = input.grade;
  if (&strong != &out.strong_actions) out.strong_actions = strong;
  out.verdict_action = nullptr;
  out.verdict_reason.clear();
  if (input.verdict) {
    // Sales has the last word; who decided and when is part of the reason shown to users. The rep
    // id is the team's own identifier, not lead data.
    const SalesVerdict& v = *input.verdict;
    out.verdict_action = v.value == "qualified" ? &routing.qualified_action : &routing.disqualified_action;
    out.verdict_reason = "Sales verdict \"" + v.value + "\" by " + v.by + " at " + format_instant(v.at);
    if (!v.reason.empty()) out.verdict_reason += ": " + v.reason;
  }
}

void write_route(const RouteExplanation& route, std::string& out) {
  using json_text::ObjectWriter;
  const RouteRule& decided = *route.decided;
  ObjectWriter o(out);
  o.string("action", route.action());
  o.string("band", route.band);
  if (route.grade) o.string("grade", grade_letter(*route.grade));
  else o.null("grade");
  if (route.verdict_action) {
    {
      ObjectWriter overridden(o.key("overridden"));
      overridden.string("action", decided.action);
      overridden.string("reason", decided.reason);
      overridden.string("rule", decided.id);
    }
    o.string("reason", route.verdict_reason);
    o.string("rule", "verdict");
  } else {
    o.string("reason", decided.reason);
    o.string("rule", decided.id);
  }
  json_text::ArrayWriter list(o.key("strong_actions"));
  for (const StrongAction& a : route.strong_actions) {
    ObjectWriter entry(list.next());
    entry.string("at", format_instant(a.at));
    entry.string("rule", *a.rule);
    entry.string("type", *a.type);
  }
}

}  // namespace leadscore
