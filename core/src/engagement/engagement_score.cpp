// See engagement_score.h. Every step is integer arithmetic on centipoints and milliseconds.
#include "engagement/engagement_score.h"

#include <algorithm>
#include <deque>
#include <limits>

#include "engagement/decay.h"
#include "score/lead_normalize.h"
#include "leadscore/time.h"
#include "io/json_text.h"
#include "score/points_json.h"
#include "score/result_texts.h"

namespace leadscore {
namespace {

// Units of work (docs/limits.md) an event rule spends on each event it counts: about what an
// explain result writes for it (a contribution line of 150 to 250 bytes), so that the budget also
// bounds the size of the result. Charged at either detail, so summary and explain fail alike.
constexpr std::uint64_t kCountedEventUnits = 16;

std::string rule_pointer(std::size_t r) { return "/engagement/rules/" + std::to_string(r); }
std::string on_event(const UsedEvent& ev) { return "on event " + std::to_string(ev.index); }

const char* age_decay_name(AgeDecay::Kind kind) {
  return kind == AgeDecay::HalfLife ? "half_life" : kind == AgeDecay::Linear ? "linear" : "none";
}

class EngagementScorer {
 public:
  // `explanation` null: points only (a summary score).
  EngagementScorer(const Engagement& engagement, const CleanEvents& events, Millis now, EngagementExplanation* explanation,
                   std::vector<EngagementLine>& contributions, Json& warnings, WorkBudget& budget)
      : e_(engagement), events_(events), now_(now), explanation_(explanation),
        contributions_(contributions), warnings_(warnings), budget_(budget) {}

  bool explaining() const { return explanation_ != nullptr; }

  // A spent budget stops the scoring where it ran out: the caller reports the lead's error.
  EngagementScore run() {
    match_all();
    if (budget_.exhausted()) return {};
    find_resets();
    std::vector<Centipoints> group_sums(e_.groups.size(), 0), stage_sums(e_.stages.size(), 0);
    if (explaining()) explanation_->clear();
    for (std::size_t r = 0; r < e_.rules.size(); ++r) {
      const EngagementRule& rule = e_.rules[r];
      EngagementExplanation::RuleEntry entry;
      entry.rule = static_cast<std::uint32_t>(r);
      const Centipoints points = rule.kind == RuleKind::Event ? event_rule(r, entry) : pattern_rule(r, entry);
      if (budget_.exhausted()) return {};
      // Rules that saw no event and give nothing are left out: most leads touch few rules, and
      // listing every rule doubled the size (and halved the speed) of every result.
      if (explaining() && (entry.matched != 0 || points != 0)) {
        entry.points = points;
        explanation_->rules.push_back(entry);
      }
      group_sums[rule.group] += points;
      if (rule.stage) stage_sums[*rule.stage] += points;
    }

    Centipoints sum = 0;
    for (std::size_t g = 0; g < e_.groups.size(); ++g) {
      const EngagementGroup& group = e_.groups[g];
      Centipoints subtotal = group_sums[g];
      if (group.decay.inactivity && events_.last_activity) {
        const Centipoints removed = decay::inactivity_removed(*group.decay.inactivity, subtotal, now_ - *events_.last_activity);
        if (removed != 0) {
          subtotal -= removed;
          add_line([&] { return Json{{"kind", "decay"}, {"decay", "inactivity"}, {"group", group.id}, {"label", group.label}}; },
                   -removed);
        }
      }
      const Centipoints capped = clamp_optional(subtotal, group.min, group.max);
      sum += capped;
      if (explaining()) explanation_->groups.push_back({subtotal, capped, resets_[g]});
    }

    EngagementScore out;
    out.points = clamp_optional(sum, e_.min, e_.max);
    out.raw = raw_;
    if (!explaining()) return out;
    explanation_->stages = std::move(stage_sums);
    explanation_->points_before_cap = sum;
    explanation_->points = out.points;
    return out;
  }

 private:
  // For each event, frequency and recency rule: the used events (indices) of its types that pass
  // its condition, in time order, before resets. A failing condition warns once per rule, at its
  // first failing event; the warnings come in rule order. Each event visits only the rules that
  // read its type (Engagement::rules_by_type).
  void match_all() {
    static const Json kNoProps = Json::object();
    matches_.resize(e_.rules.size());
    std::vector<std::optional<std::string>> failures;  // per rule: its warning's message, once
    for (std::size_t i = 0; i < events_.used.size(); ++i) {
      const UsedEvent& ev = events_.used[i];
      for (const std::uint32_t r : e_.rules_by_type[ev.type]) {
        const EngagementRule& rule = e_.rules[r];
        if (!budget_.charge(1)) return budget_.locate(rule_pointer(r), on_event(ev));
        if (rule.when) {
          const auto value = rule.when->holds(ev.props ? *ev.props : kNoProps, &budget_);
          if (!value && budget_.exhausted()) return budget_.locate(rule_pointer(r) + "/when", on_event(ev));
          if (!value) {  // the event is not matched; later events are still tried
            failures.resize(e_.rules.size());
            if (!failures[r])
              failures[r] = "rule \"" + rule.id + "\" could not be evaluated on event " + std::to_string(ev.index) +
                            ": " + value.error().message;
            continue;
          }
          if (!value.value()) continue;
        }
        matches_[r].push_back(i);
      }
    }
    for (std::size_t r = 0; r < failures.size(); ++r)
      if (failures[r])
        warnings_.push_back(make_warning("rule_failed", "/engagement/rules/" + std::to_string(r) + "/when", *failures[r]));
  }

  void find_resets() {
    resets_.assign(e_.groups.size(), std::nullopt);
    for (std::size_t r = 0; r < e_.rules.size(); ++r) {
      const EngagementRule& rule = e_.rules[r];
      if (rule.resets.empty() || matches_[r].empty()) continue;
      const Millis latest = events_.used[matches_[r].back()].at;
      for (std::size_t g : rule.resets)
        if (!resets_[g] || *resets_[g] < latest) resets_[g] = latest;
    }
  }

  bool after_reset(const EngagementRule& rule, const UsedEvent& ev) const {
    return !resets_[rule.group] || ev.at >= *resets_[rule.group];
  }

  // Counts a contribution's points; an explain score also lists the line `make_line()` builds.
  template <class MakeLine>
  void add_line(MakeLine make_line, Centipoints points) {
    raw_ += points;
    if (!explaining()) return;
    EngagementLine line;
    line.other = make_line();
    line.other["points"] = points_json(points);
    contributions_.push_back(std::move(line));
  }

  // An event rule counting one event: kept as indices, written by the result writer.
  void add_event_line(std::size_t rule, const UsedEvent& ev) {
    const Centipoints points = e_.rules[rule].points;
    raw_ += points;
    if (!explaining()) return;
    EngagementLine& line = contributions_.emplace_back();
    line.rule = static_cast<std::uint32_t>(rule);
    line.type = static_cast<std::uint32_t>(ev.type);
    line.event_index = ev.index;
    line.at = ev.at;
  }

  Json rule_line(const char* kind, const EngagementRule& rule) const {
    Json line = {{"kind", kind}, {"rule", rule.id}, {"label", rule.label}, {"group", e_.groups[rule.group].id}};
    if (rule.stage) line["stage"] = e_.stages[*rule.stage].id;
    return line;
  }

  Centipoints event_rule(std::size_t r, EngagementExplanation::RuleEntry& entry) {
    std::size_t& matched = entry.matched;
    const EngagementRule& rule = e_.rules[r];
    const EngagementGroup& group = e_.groups[rule.group];
    const AgeDecay age = rule.decay.age ? *rule.decay.age : group.decay.age ? *group.decay.age : AgeDecay{};
    std::size_t counted = 0;
    Centipoints earned = 0, decayed = 0;
    std::deque<Millis> window;  // counted events inside (at - per, at], for {"max", "per"}
    for (std::size_t i : matches_[r]) {
      const UsedEvent& ev = events_.used[i];
      if (!after_reset(rule, ev)) continue;
      ++matched;
      if (rule.repeat_max) {
        if (rule.repeat_per) {
          while (!window.empty() && window.front() <= ev.at - *rule.repeat_per) window.pop_front();
          if (window.size() >= *rule.repeat_max) continue;
          window.push_back(ev.at);
        } else if (counted >= *rule.repeat_max) {
          continue;
        }
      }
      ++counted;
      if (!budget_.charge(kCountedEventUnits)) {
        budget_.locate(rule_pointer(r), on_event(ev));
        return 0;
      }
      add_event_line(r, ev);
      earned += rule.points;
      decayed += decay::apply_age(age, rule.points, now_ - ev.at);
    }
    if (decayed != earned) {
      add_line([&] {
        return Json{{"kind", "decay"}, {"decay", age_decay_name(age.kind)}, {"rule", rule.id}, {"label", rule.label},
                    {"group", group.id}};
      }, decayed - earned);
    }
    Centipoints subtotal = decayed;
    if (rule.decay.inactivity && events_.last_activity) {
      const Centipoints removed = decay::inactivity_removed(*rule.decay.inactivity, subtotal, now_ - *events_.last_activity);
      if (removed != 0) {
        subtotal -= removed;
        add_line([&] {
          return Json{{"kind", "decay"}, {"decay", "inactivity"}, {"rule", rule.id}, {"label", rule.label}, {"group", group.id}};
        }, -removed);
      }
    }
    entry.counted = counted;
    entry.points_before_cap = subtotal;
    return clamp_optional(subtotal, rule.min, rule.max);
  }

  Centipoints pattern_rule(std::size_t r, EngagementExplanation::RuleEntry& entry) {
    std::size_t& matched = entry.matched;
    const EngagementRule& rule = e_.rules[r];
    bool fired = false;
    std::optional<Millis> at;
    if (rule.kind == RuleKind::Streak) {
      fired = streak(rule, matched, at);
      if (budget_.exhausted()) {
        budget_.locate(rule_pointer(r));
        return 0;
      }
    } else {
      const Millis from = now_ - rule.within;
      for (std::size_t i : matches_[r]) {
        const UsedEvent& ev = events_.used[i];
        if (!after_reset(rule, ev) || ev.at < from) continue;
        ++matched;
        at = ev.at;
      }
      fired = rule.kind == RuleKind::Frequency ? matched >= rule.at_least : matched > 0;
    }
    entry.fired = fired;
    if (!fired) return 0;
    add_line([&] {
      Json line = rule_line("pattern", rule);
      line["pattern"] = rule_kind_name(rule.kind);
      if (at) line["at"] = format_instant(*at);
      if (rule.kind == RuleKind::Frequency) line["count"] = matched;
      return line;
    }, rule.points);
    return rule.points;
  }

  // The latest `last` sends each opened (docs: "streak"). `opened` counts the opened ones among
  // them; `at` is the latest send.
  // Spends a unit for each event it sorts and each open it looks at for a send.
  bool streak(const EngagementRule& rule, std::size_t& opened, std::optional<Millis>& at) {
    if (!budget_.charge(events_.used.size())) return false;
    std::vector<const UsedEvent*> sends, opens;
    for (const UsedEvent& ev : events_.used) {
      if (!after_reset(rule, ev)) continue;
      if (ev.type == rule.sent) sends.push_back(&ev);
      if (ev.type == rule.opened) opens.push_back(&ev);
    }
    if (sends.empty()) return false;
    at = sends.back()->at;
    const std::size_t first = sends.size() > rule.last ? sends.size() - rule.last : 0;
    for (std::size_t k = first; k < sends.size(); ++k) {
      const UsedEvent& send = *sends[k];
      const bool has_next = k + 1 < sends.size();
      const Json* key = rule.match_on.empty() ? nullptr : prop(send, rule.match_on);
      if (!rule.match_on.empty() && key == nullptr) continue;
      for (const UsedEvent* open : opens) {
        if (!budget_.charge(1)) return false;
        if (open->at < send.at) continue;
        if (key) {
          const Json* other = prop(*open, rule.match_on);
          if (other == nullptr || *other != *key) continue;
        } else if (has_next && open->at >= sends[k + 1]->at) {
          break;
        }
        ++opened;
        break;
      }
    }
    return sends.size() >= rule.last && opened == rule.last;
  }

  static const Json* prop(const UsedEvent& ev, const std::string& key) {
    if (!ev.props) return nullptr;
    const auto it = ev.props->find(key);
    return it == ev.props->end() ? nullptr : &*it;
  }

  const Engagement& e_;
  const CleanEvents& events_;
  const Millis now_;
  EngagementExplanation* explanation_;  // null: points only, no explanation or contribution lines
  std::vector<EngagementLine>& contributions_;
  Json& warnings_;
  WorkBudget& budget_;
  std::vector<std::vector<std::size_t>> matches_;
  std::vector<std::optional<Millis>> resets_;
  Centipoints raw_ = 0;
};

// The text of `object` (which has no "events" member) as it follows an "events" member written
// first: "," + its members + "}", or "}" when it has none. "events" sorts before every key here.
std::string events_tail(const Json& object) {
  const std::string text = dump_json(object);
  return text == "{}" ? "}" : "," + text.substr(1);
}

}  // namespace

void write_engagement_tail(const Engagement& e, const EngagementExplanation& x, std::string& out) {
  using json_text::ArrayWriter;
  using json_text::ObjectWriter;
  // The object's members after "events", in key order; the caller wrote "{" and "events".
  out += ",\"groups\":";
  {
    ArrayWriter groups(out);
    for (std::size_t g = 0; g < x.groups.size(); ++g) {
      const EngagementGroup& group = e.groups[g];
      const EngagementExplanation::GroupEntry& entry = x.groups[g];
      ObjectWriter o(groups.next());
      o.string("id", group.id);
      o.string("label", group.label);
      write_caps(o, group.min, group.max);
      append_points(o.key("points"), entry.points);
      append_points(o.key("points_before_cap"), entry.points_before_cap);
      if (entry.reset_at) o.string("reset_at", format_instant(*entry.reset_at));
    }
  }
  if (e.max) append_points(out += ",\"max\":", *e.max);
  if (e.min) append_points(out += ",\"min\":", *e.min);
  append_points(out += ",\"points\":", x.points);
  append_points(out += ",\"points_before_cap\":", x.points_before_cap);
  out += ",\"rules\":";
  {
    ArrayWriter rules(out);
    for (const EngagementExplanation::RuleEntry& entry : x.rules) {
      const EngagementRule& rule = e.rules[entry.rule];
      ObjectWriter o(rules.next());
      if (rule.kind == RuleKind::Event) {
        o.integer("counted", static_cast<std::int64_t>(entry.counted));
        o.string("group", e.groups[rule.group].id);
        o.string("id", rule.id);
        o.integer("matched", static_cast<std::int64_t>(entry.matched));
        write_caps(o, rule.min, rule.max);
        append_points(o.key("points"), entry.points);
        append_points(o.key("points_before_cap"), entry.points_before_cap);
      } else {
        o.boolean("fired", entry.fired);
        o.string("group", e.groups[rule.group].id);
        o.string("id", rule.id);
        o.integer("matched", static_cast<std::int64_t>(entry.matched));
        append_points(o.key("points"), entry.points);
      }
    }
  }
  out += ",\"stages\":";
  {
    ArrayWriter stages(out);
    for (std::size_t s = 0; s < x.stages.size(); ++s) {
      ObjectWriter o(stages.next());
      o.string("id", e.stages[s].id);
      o.string("label", e.stages[s].label);
      append_points(o.key("points"), x.stages[s]);
    }
  }
  out += '}';
}

EngagementScore score_engagement(const Model& model, const CleanEvents& events, Millis now, Detail detail,
                                 EngagementExplanation& explanation, std::vector<EngagementLine>& contributions,
                                 Json& warnings, WorkBudget& budget) {
  const bool explain = detail == Detail::Explain;
  // Without an engagement section every event is unknown, so nothing is used: 0 points, and an
  // explain result writes no_engagement_tail() (score.cpp).
  if (!model.engagement()) return EngagementScore{};
  const Engagement& engagement = *model.engagement();
  // Most leads have no event: their engagement points depend on the model alone, computed once.
  // (An explain score of such a lead writes the model's constant text instead: score.cpp.)
  if (!explain && events.used.empty() && !events.last_activity && engagement.without_events) {
    EngagementScore out;
    out.points = engagement.without_events->points;
    out.raw = engagement.without_events->raw;
    return out;
  }
  return EngagementScorer(engagement, events, now, explain ? &explanation : nullptr, contributions, warnings, budget).run();
}

std::shared_ptr<const EngagementScore> engagement_without_events(const Engagement& engagement) {
  // Without used events no rule reads `now` (windows, decay and inactivity all start from an
  // event), so any instant gives the same answer.
  const CleanEvents none;
  EngagementExplanation explanation;
  std::vector<EngagementLine> lines;
  Json warnings = Json::array();
  WorkBudget unbounded(std::numeric_limits<std::uint64_t>::max(), "lead_budget_exceeded", "the lead");  // no event: no work
  auto constant = std::make_shared<EngagementScore>(
      EngagementScorer(engagement, none, 0, &explanation, lines, warnings, unbounded).run());
  constant->lines = std::move(lines);
  write_engagement_tail(engagement, explanation, constant->text_tail);
  return constant;
}

const std::string& no_engagement_tail() {
  static const std::string tail = events_tail(Json{{"points_before_cap", 0}, {"points", 0}, {"groups", Json::array()},
                                                   {"stages", Json::array()}, {"rules", Json::array()}});
  return tail;
}

}  // namespace leadscore
