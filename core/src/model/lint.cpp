// Model lint (see lint.h). Every check here is about what the model can do for *some* lead, so
// it reasons over bounds, not over leads: each group's subtotal lies between the sum of its
// negative points and the sum of its positive points (rules and completeness), then caps, the
// total cap and the scale map that interval onto scores; engagement adds its own interval. The interval over-approximates what is
// reachable (rules may exclude each other), so "unreachable" findings are certain, never guesses.
#include "leadscore/lint.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "model/lint_sections.h"
#include "model/model_set_lint.h"

namespace leadscore {
namespace {

std::string index_path(const char* array, std::size_t i) {
  return std::string("/") + array + "/" + std::to_string(i);
}

// Points as the model file writes them (1250 -> "12.5"), for messages.
std::string points_text(Centipoints cp) {
  const bool negative = cp < 0;
  const Centipoints abs = negative ? -cp : cp;
  std::string text = std::to_string(abs / 100);
  const Centipoints frac = abs % 100;
  if (frac != 0) {
    text += '.';
    text += static_cast<char>('0' + frac / 10);
    if (frac % 10 != 0) text += static_cast<char>('0' + frac % 10);
  }
  return negative ? "-" + text : text;
}

Centipoints clamp_opt(Centipoints v, const std::optional<Centipoints>& lo,
                      const std::optional<Centipoints>& hi) {
  if (lo && v < *lo) v = *lo;
  if (hi && v > *hi) v = *hi;
  return v;
}

// The scoring formula of the spec (round half up, clamped to 0..100), clamped *before* the
// multiplication so that no intermediate can overflow for any legal model.
int scale_to_score(Centipoints points, const Scale& scale) {
  if (points <= scale.min) return 0;
  if (points >= scale.max) return 100;
  const Centipoints num = 100 * (points - scale.min);
  const Centipoints den = scale.max - scale.min;
  return static_cast<int>((2 * num + den) / (2 * den));
}

// Lowest and highest uncapped subtotal a group can reach.
struct Span {
  Centipoints lo = 0;
  Centipoints hi = 0;
};

void lint_conditions(const Model& model, std::vector<LintFinding>& out) {
  const auto& rules = model.rules();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const std::string path = index_path("rules", i) + "/when";
    if (rules[i].when.has_dynamic_variables()) {
      out.push_back({"dynamic_variable", "info", path,
                     "Rule \"" + rules[i].id +
                         "\" reads a variable whose name is computed at run time; it cannot be "
                         "checked against the declared fields."});
    }
    std::set<std::string> reported;  // one finding per name and rule
    for (const std::string& name : rules[i].when.variables()) {
      // "" is JsonLogic's whole-data reference, not a field name.
      if (name.empty() || model.field(name) != nullptr || !reported.insert(name).second) continue;
      out.push_back({"unknown_field", "warning", path,
                     "Rule \"" + rules[i].id + "\" reads \"" + name +
                         "\", which is not a declared field: leads never have it, so the "
                         "variable is always missing."});
    }
  }
}

// Whether the form checks put their points into group `id`.
bool feeds_checks(const Model& model, const std::string& id) {
  return model.has_checks() && !model.checks().points.empty() && model.checks().group == id;
}

// Bounds of the engagement subtotal over every possible event history. An event rule counts at
// most Limits::max_events events (or repeat.max without a window); decay only moves points
// towards zero, so it never widens the bounds; caps clamp them.
Span engagement_span(const Model& model) {
  Span out;
  if (!model.engagement()) return out;
  const Engagement& e = *model.engagement();
  std::vector<Span> groups(e.groups.size());
  for (const EngagementRule& rule : e.rules) {
    Span span;
    if (rule.kind == RuleKind::Event) {
      const auto most = static_cast<Centipoints>(rule.repeat_max && !rule.repeat_per
                                                     ? std::min<std::size_t>(*rule.repeat_max, model.limits().max_events)
                                                     : model.limits().max_events);
      (rule.points < 0 ? span.lo : span.hi) = rule.points * most;
      span = {clamp_opt(span.lo, rule.min, rule.max), clamp_opt(span.hi, rule.min, rule.max)};
    } else {
      (rule.points < 0 ? span.lo : span.hi) = rule.points;
    }
    groups[rule.group].lo += span.lo;
    groups[rule.group].hi += span.hi;
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    out.lo += clamp_opt(groups[g].lo, e.groups[g].min, e.groups[g].max);
    out.hi += clamp_opt(groups[g].hi, e.groups[g].min, e.groups[g].max);
  }
  return {clamp_opt(out.lo, e.min, e.max), clamp_opt(out.hi, e.min, e.max)};
}

}  // namespace

std::vector<LintFinding> validate_model(const Model& model) {
  // A set's accessors describe its default persona's model with paths of a plain model; the set
  // lint re-paths each model's findings under /models/<name> instead.
  if (!model.personas().empty()) return lint_model_set(model);
  std::vector<LintFinding> out;
  lint_conditions(model, out);
  lint_detail::lint_routing(model, out);
  lint_detail::lint_account(model, out);

  const auto& groups = model.groups();
  const auto& rules = model.rules();
  const auto& completeness = model.completeness();

  // Each group's rules, in model order, by the index the parser resolved (one pass over the
  // rules, not one per group: a model may have as many groups as rules).
  std::vector<Span> spans(groups.size());
  std::vector<std::vector<std::size_t>> rules_of(groups.size());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const std::size_t g = rules[i].group_index;
    rules_of[g].push_back(i);
    (rules[i].points < 0 ? spans[g].lo : spans[g].hi) += rules[i].points;
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (completeness && completeness->group == groups[g].id) {
      const Centipoints all =
          completeness->points_per_field * static_cast<Centipoints>(completeness->fields.size());
      (all < 0 ? spans[g].lo : spans[g].hi) += all;
    }
    // The form checks' points go into their group, once per finding code and checked field.
    if (feeds_checks(model, groups[g].id)) {
      const auto checked = static_cast<Centipoints>(model.checks().fields.size());
      for (const auto& [code, points] : model.checks().points) (points < 0 ? spans[g].lo : spans[g].hi) += points * checked;
    }
  }

  Span total;  // sum of capped group bounds
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const GroupSpec& group = groups[g];
    const std::string path = index_path("groups", g);
    const bool has_completeness = completeness && completeness->group == group.id;
    if (rules_of[g].empty() && !has_completeness && !feeds_checks(model, group.id)) {
      // A group with only a min is a (possibly deliberate) constant offset; otherwise it is dead.
      const bool constant = group.min && *group.min != 0;
      out.push_back({"empty_group", constant ? "info" : "warning", path,
                     constant
                         ? "Group \"" + group.id + "\" has no rules: it always adds its min (" +
                               points_text(*group.min) + ")."
                         : "Group \"" + group.id + "\" has no rules and adds nothing."});
    }
    const Span raw = spans[g];
    const Span capped{clamp_opt(raw.lo, group.min, group.max),
                      clamp_opt(raw.hi, group.min, group.max)};
    if (group.max && *group.max >= raw.hi) {
      out.push_back({"cap_never_binds", "info", path + "/max",
                     "The max of group \"" + group.id + "\" (" + points_text(*group.max) +
                         ") is never reached: its rules and checks add at most " + points_text(raw.hi) + "."});
    }
    if (group.min && *group.min <= raw.lo) {
      out.push_back({"cap_never_binds", "info", path + "/min",
                     "The min of group \"" + group.id + "\" (" + points_text(*group.min) +
                         ") never applies: its rules and checks take away at most " + points_text(-raw.lo) +
                         "."});
    }
    // When the caps pin the subtotal to one value, no rule of the group changes any score.
    if (capped.lo == capped.hi && raw.lo != raw.hi) {
      for (const std::size_t i : rules_of[g]) {
        if (rules[i].points == 0) continue;
        out.push_back({"points_always_capped", "warning", index_path("rules", i) + "/points",
                       "The caps of group \"" + group.id +
                           "\" always cancel the points of rule \"" + rules[i].id +
                           "\": the group's subtotal is always " + points_text(capped.lo) + "."});
      }
    }
    total.lo += capped.lo;
    total.hi += capped.hi;
  }

  const Span engagement = engagement_span(model);
  total.lo += engagement.lo;
  total.hi += engagement.hi;

  if (model.total_max() && *model.total_max() >= total.hi) {
    out.push_back({"cap_never_binds", "info", "/total/max",
                   "The total max (" + points_text(*model.total_max()) +
                       ") is never reached: the groups add at most " + points_text(total.hi) +
                       "."});
  }
  if (model.total_min() && *model.total_min() <= total.lo) {
    out.push_back({"cap_never_binds", "info", "/total/min",
                   "The total min (" + points_text(*model.total_min()) +
                       ") never applies: the groups add at least " + points_text(total.lo) + "."});
  }
  const Centipoints points_lo = clamp_opt(total.lo, model.total_min(), model.total_max());
  const Centipoints points_hi = clamp_opt(total.hi, model.total_min(), model.total_max());
  const int score_lo = scale_to_score(points_lo, model.scale());
  const int score_hi = scale_to_score(points_hi, model.scale());

  const auto& bands = model.bands();
  for (std::size_t b = 0; b < bands.size(); ++b) {
    if (bands[b].to >= score_lo && bands[b].from <= score_hi) continue;
    out.push_back({"unreachable_band", "warning", index_path("bands", b),
                   "No lead can reach band \"" + bands[b].id + "\" (" +
                       std::to_string(bands[b].from) + ".." + std::to_string(bands[b].to) +
                       "): scores range from " + std::to_string(score_lo) + " to " +
                       std::to_string(score_hi) + " (points " + points_text(points_lo) + " to " +
                       points_text(points_hi) + ")."});
  }
  return out;
}

}  // namespace leadscore
