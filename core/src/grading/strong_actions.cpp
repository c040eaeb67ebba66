// Strong actions: the used events that an engagement event rule flagged "strong" counts (its event
// types and its `when` on the event's props), no older than routing.strong_within (docs/routing.md).
#include "leadscore/time.h"
#include "grading/routing_eval.h"

namespace leadscore {
namespace {

constexpr std::size_t kMaxStrongActions = 10;

// The same test engagement applies before counting an event for a rule (engagement_score.cpp,
// match_all): the type is one of the rule's, and its condition, if any, is truthy on the props. A
// condition that fails to evaluate is not a strong action; engagement has already warned about it.
// Spends from the lead's budget, and says where when it runs out.
bool rule_takes(const EngagementRule& rule, std::size_t r, const UsedEvent& ev, WorkBudget& budget) {
  bool typed = false;
  for (std::size_t t : rule.types) typed = typed || t == ev.type;
  if (!typed) return false;
  if (!rule.when) return true;
  static const Json kNoProps = Json::object();
  const auto value = rule.when->holds(ev.props ? *ev.props : kNoProps, &budget);
  if (!value && budget.exhausted())
    budget.locate("/engagement/rules/" + std::to_string(r) + "/when", "on event " + std::to_string(ev.index));
  return value && value.value();
}

// Calls `found(rule, event)` for each strong action, latest first, until it returns false or the
// budget runs out.
template <class Found>
void each_strong_action(const Model& model, const CleanEvents& events, Millis now, WorkBudget& budget, Found found) {
  if (!model.engagement()) return;
  const Engagement& e = *model.engagement();
  const bool bounded = model.routing() && model.routing()->strong_within;
  const Millis within = bounded ? *model.routing()->strong_within : 0;
  // Repeat limits and resets shape points, not intent: a second demo request is still a strong
  // action, so only the type, the condition and the age are checked. Walking the events from the
  // latest (they are sorted by time) stops at the first ten, whatever the number of events.
  for (std::size_t i = events.used.size(); i-- > 0;) {
    const UsedEvent& ev = events.used[i];
    if (bounded && now - ev.at > within) break;  // older events are older still
    for (std::size_t r = 0; r < e.rules.size(); ++r) {
      const EngagementRule& rule = e.rules[r];
      if (rule.kind != RuleKind::Event || !rule.strong) continue;
      const bool takes = rule_takes(rule, r, ev, budget);
      if (budget.exhausted()) return;
      if (takes && !found(rule, ev)) return;
    }
  }
}

}  // namespace

void find_strong_actions(const Model& model, const CleanEvents& events, Millis now, std::vector<StrongAction>& out,
                         WorkBudget& budget) {
  out.clear();
  each_strong_action(model, events, now, budget, [&](const EngagementRule& rule, const UsedEvent& ev) {
    out.push_back(StrongAction{&rule.id, &model.engagement()->event_types[ev.type].id, ev.at});
    return out.size() < kMaxStrongActions;
  });
}

bool has_strong_action(const Model& model, const CleanEvents& events, Millis now, WorkBudget& budget) {
  std::size_t found = 0;  // counted as far as find_strong_actions() looks: the same work
  each_strong_action(model, events, now, budget, [&](const EngagementRule&, const UsedEvent&) {
    return ++found < kMaxStrongActions;
  });
  return found > 0;
}

}  // namespace leadscore
