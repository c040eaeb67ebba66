// Model file: the "engagement" section -> Engagement (docs/model-format.md, "Engagement (events)").
#include "engagement/engagement_parse.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

namespace leadscore::model_detail {
namespace {

constexpr long long kMaxCount = 1000000;
constexpr long long kMaxStreak = 1000;

class EngagementReader {
 public:
  EngagementReader(Reader& r, const Limits& limits, std::set<std::string>& group_ids, std::set<std::string>& rule_ids,
                   LogicEdition edition)
      : r_(r), limits_(limits), edition_(edition), group_ids_(group_ids), rule_ids_(rule_ids) {}

  std::optional<Engagement> read(const Json& e) {
    const std::string p = "/engagement";
    if (!r_.expect_object(e, p, "engagement")) return std::nullopt;
    r_.only_keys(e, p, {"event_types", "stages", "groups", "rules", "min", "max", "description"});
    read_event_types(e);
    read_stages(e);
    read_groups(e);
    read_rules(e);
    out_.min = r_.points(e, p, "min", false);
    out_.max = r_.points(e, p, "max", false);
    if (!r_.failed() && out_.min && out_.max && *out_.min > *out_.max)
      r_.fail("cap_range", p, "the engagement min is above its max");
    if (r_.failed()) return std::nullopt;
    return std::move(out_);
  }

 private:
  const Json* array(const Json& object, const std::string& p, const char* key, bool required, bool non_empty) {
    const Json* v = r_.member(object, p, key, required);
    if (!v || !r_.expect_array(*v, p + "/" + key, key)) return nullptr;
    if (non_empty && v->empty() && !r_.failed()) r_.fail("missing_key", p + "/" + key, std::string("declare at least one entry in \"") + key + "\"");
    return r_.failed() ? nullptr : v;
  }

  void read_event_types(const Json& e) {
    const Json* types = array(e, "/engagement", "event_types", true, true);
    if (!types) return;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < types->size() && !r_.failed(); ++i) {
      const std::string p = "/engagement/event_types/" + std::to_string(i);
      const Json& t = (*types)[i];
      if (!r_.expect_object(t, p, "an event type")) return;
      r_.only_keys(t, p, {"id", "label", "activity", "description"});
      EventType type;
      type.id = r_.unique_id(t, p, "id", "event type", seen);
      type.label = r_.label_or_id(t, p, type.id);
      type.activity = r_.boolean(t, p, "activity", true);
      out_.event_types.push_back(std::move(type));
    }
    index_ids(out_.event_types, type_index_);
  }

  void read_stages(const Json& e) {
    const Json* stages = array(e, "/engagement", "stages", false, false);
    if (!stages) return;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < stages->size() && !r_.failed(); ++i) {
      const std::string p = "/engagement/stages/" + std::to_string(i);
      const Json& s = (*stages)[i];
      if (!r_.expect_object(s, p, "a stage")) return;
      r_.only_keys(s, p, {"id", "label", "description"});
      Stage stage;
      stage.id = r_.unique_id(s, p, "id", "stage", seen);
      stage.label = r_.label_or_id(s, p, stage.id);
      out_.stages.push_back(std::move(stage));
    }
    index_ids(out_.stages, stage_index_);
  }

  void read_groups(const Json& e) {
    const Json* groups = array(e, "/engagement", "groups", true, true);
    if (!groups) return;
    for (std::size_t i = 0; i < groups->size() && !r_.failed(); ++i) {
      const std::string p = "/engagement/groups/" + std::to_string(i);
      const Json& g = (*groups)[i];
      if (!r_.expect_object(g, p, "a group")) return;
      r_.only_keys(g, p, {"id", "label", "min", "max", "decay", "description"});
      EngagementGroup group;
      group.id = r_.unique_id(g, p, "id", "group", group_ids_);
      group.label = r_.label_or_id(g, p, group.id);
      group.min = r_.points(g, p, "min", false);
      group.max = r_.points(g, p, "max", false);
      if (!r_.failed() && group.min && group.max && *group.min > *group.max)
        r_.fail("cap_range", p, "the group's min is above its max");
      if (const Json* d = r_.member(g, p, "decay", false)) {
        group.decay = decay(*d, p + "/decay");
        if (!r_.failed() && group.decay.age && group.decay.age->kind == AgeDecay::None)
          r_.fail("decay_conflict", p + "/decay", "\"none\" only opts a rule out of its group's decay; leave decay out of the group instead");
      }
      out_.groups.push_back(std::move(group));
    }
    index_ids(out_.groups, group_index_);
  }

  std::optional<Millis> duration(const Json& object, const std::string& p, const char* key, bool required) {
    return r_.duration(object, p, key, required);
  }

  long long count(const Json& object, const std::string& p, const char* key, bool required, long long lo, long long hi,
                  long long fallback) {
    const auto v = r_.integer(object, p, key, required);
    if (!v || r_.failed()) return fallback;
    if (*v < lo || *v > hi) {
      r_.fail("value_range", p + "/" + key, std::string("\"") + key + "\" must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
      return fallback;
    }
    return *v;
  }

  DecaySpec decay(const Json& d, const std::string& p) {
    DecaySpec spec;
    if (d.is_object()) {
      decay_entry(d, p, spec);
    } else if (d.is_array()) {
      for (std::size_t i = 0; i < d.size() && !r_.failed(); ++i) decay_entry(d[i], p + "/" + std::to_string(i), spec);
    } else {
      r_.fail("wrong_type", p, "decay must be an object or an array of objects");
    }
    return spec;
  }

  void decay_entry(const Json& d, const std::string& p, DecaySpec& spec) {
    if (!r_.expect_object(d, p, "a decay")) return;
    const std::string kind = r_.string(d, p, "kind", true);
    if (r_.failed()) return;
    if (kind == "inactivity") {
      r_.only_keys(d, p, {"kind", "after", "points", "every", "description"});
      if (spec.inactivity) return r_.fail("decay_conflict", p, "only one inactivity decay per group or rule");
      InactivityDecay in;
      in.after = duration(d, p, "after", true).value_or(0);
      in.points = r_.points(d, p, "points", true).value_or(0);
      if (!r_.failed() && in.points <= 0) return r_.fail("value_range", p + "/points", "inactivity decay points must be above 0");
      in.every = duration(d, p, "every", false);
      spec.inactivity = in;
      return;
    }
    AgeDecay age;
    if (kind == "half_life") {
      r_.only_keys(d, p, {"kind", "half_life", "description"});
      age.kind = AgeDecay::HalfLife;
      age.half_life = duration(d, p, "half_life", true).value_or(1);
    } else if (kind == "linear") {
      r_.only_keys(d, p, {"kind", "percent", "per", "description"});
      age.kind = AgeDecay::Linear;
      age.percent = static_cast<int>(count(d, p, "percent", true, 1, 100, 1));
      age.per = duration(d, p, "per", true).value_or(1);
    } else if (kind == "none") {
      r_.only_keys(d, p, {"kind", "description"});
    } else {
      return r_.fail("unknown_type", p + "/kind", "decay kind must be half_life, linear, inactivity or none");
    }
    if (r_.failed()) return;
    if (spec.age) return r_.fail("decay_conflict", p, "only one age decay (half_life, linear or none) per group or rule");
    spec.age = age;
  }

  std::size_t type_ref(const Json& v, const std::string& p) {
    if (!v.is_string()) {
      r_.fail("wrong_type", p, "an event type id must be a string");
      return 0;
    }
    const auto found = type_index_.find(v.get_ref<const std::string&>());
    if (found == type_index_.end()) {
      r_.fail("unknown_event_type", p, "event type \"" + v.get<std::string>() + "\" is not declared in /engagement/event_types");
      return 0;
    }
    return found->second;
  }

  // "event"/"events": one type id or a non-empty array of them.
  std::vector<std::size_t> types(const Json& rule, const std::string& p, const char* key, bool required) {
    std::vector<std::size_t> out;
    const Json* v = r_.member(rule, p, key, required);
    if (!v || r_.failed()) return out;
    const std::string where = p + "/" + key;
    if (v->is_array()) {
      if (v->empty()) r_.fail("missing_key", where, "list at least one event type");
      for (std::size_t i = 0; i < v->size() && !r_.failed(); ++i) out.push_back(type_ref((*v)[i], where + "/" + std::to_string(i)));
    } else {
      out.push_back(type_ref(*v, where));
    }
    return out;
  }

  std::optional<Logic> condition(const Json& rule, const std::string& p) {
    const Json* when = r_.member(rule, p, "when", false);
    if (!when || r_.failed()) return std::nullopt;
    auto compiled = Logic::compile(*when, p + "/when", limits_, nullptr, edition_);
    if (!compiled) {
      r_.fail(compiled.error().code, compiled.error().path, compiled.error().message);
      return std::nullopt;
    }
    return std::move(compiled.value());
  }

  std::size_t group_ref(const Json& rule, const std::string& p, const char* key) {
    return group_ref_value(r_.string(rule, p, key, true), p + "/" + key);
  }

  std::size_t group_ref_value(const std::string& id, const std::string& where) {
    if (r_.failed()) return 0;
    if (const auto found = group_index_.find(id); found != group_index_.end()) return found->second;
    r_.fail("unknown_group", where, "group \"" + id + "\" is not an engagement group in /engagement/groups");
    return 0;
  }

  void read_repeat(const Json& rule, const std::string& p, EngagementRule& out) {
    const Json* v = r_.member(rule, p, "repeat", false);
    if (!v || r_.failed()) return;
    const std::string where = p + "/repeat";
    if (v->is_string() && v->get<std::string>() == "every") return;
    if (v->is_string() && v->get<std::string>() == "once") {
      out.repeat_max = 1;
      return;
    }
    if (!v->is_object()) return r_.fail("wrong_type", where, "repeat is \"every\", \"once\" or {\"max\": N, \"per\": duration}");
    r_.only_keys(*v, where, {"max", "per", "description"});
    out.repeat_max = static_cast<std::uint32_t>(count(*v, where, "max", true, 1, kMaxCount, 1));
    out.repeat_per = duration(*v, where, "per", false);
  }

  void read_rules(const Json& e) {
    const Json* rules = array(e, "/engagement", "rules", true, false);
    if (!rules) return;
    for (std::size_t i = 0; i < rules->size() && !r_.failed(); ++i) {
      const std::string p = "/engagement/rules/" + std::to_string(i);
      const Json& j = (*rules)[i];
      if (!r_.expect_object(j, p, "a rule")) return;
      const bool has_event = j.contains("event"), has_pattern = j.contains("pattern");
      if (has_event == has_pattern)
        return r_.fail("rule_kind", p, "an engagement rule has either \"event\" (an event rule) or \"pattern\" (a pattern rule)");
      EngagementRule rule;
      if (has_event) {
        r_.only_keys(j, p, {"id", "label", "group", "stage", "event", "when", "points", "repeat", "min", "max", "decay", "reset", "strong",
                        "description"});
      } else {
        const std::string pattern = r_.string(j, p, "pattern", true);
        if (pattern == "frequency") {
          rule.kind = RuleKind::Frequency;
          r_.only_keys(j, p, {"id", "label", "group", "stage", "pattern", "events", "when", "at_least", "within", "points", "description"});
        } else if (pattern == "recency") {
          rule.kind = RuleKind::Recency;
          r_.only_keys(j, p, {"id", "label", "group", "stage", "pattern", "events", "when", "within", "points", "description"});
        } else if (pattern == "streak") {
          rule.kind = RuleKind::Streak;
          r_.only_keys(j, p, {"id", "label", "group", "stage", "pattern", "sent", "opened", "last", "match_on", "points", "description"});
        } else if (!r_.failed()) {
          return r_.fail("rule_kind", p + "/pattern", "pattern must be frequency, recency or streak");
        }
        if (r_.failed() && r_.error().code == "unknown_key") {
          // A key of the other rule kind (repeat, decay...) on a pattern rule says the author mixed the two.
          // "decay" on a pattern rule gets its own code: pattern rules are never decayed by age.
          Error e2 = r_.error();
          const std::string key = e2.path.substr(e2.path.rfind('/') + 1);
          r_ = Reader();
          if (key == "strong")  // a strong action is one event the lead did; a pattern is many or none
            r_.fail("rule_kind", e2.path, "only event rules can be strong actions; a pattern rule takes no \"strong\"");
          else
            r_.fail(key == "decay" ? "decay_conflict" : "rule_kind", e2.path, "a pattern rule takes no \"" + key + "\" (" + e2.message + ")");
        }
      }
      rule.id = r_.string(j, p, "id", true);
      r_.identifier(rule.id, p + "/id", false);
      if (!r_.failed() && !rule_ids_.insert(rule.id).second)
        return r_.fail("duplicate_id", p + "/id", "rule \"" + rule.id + "\" is declared twice (rule ids are unique across fit and engagement rules)");
      rule.label = r_.label_or_id(j, p, rule.id);
      rule.group = group_ref(j, p, "group");
      if (const Json* s = r_.member(j, p, "stage", false); s && !r_.failed()) {
        if (!s->is_string()) return r_.fail("wrong_type", p + "/stage", "stage must be a stage id");
        if (const auto found = stage_index_.find(s->get_ref<const std::string&>()); found != stage_index_.end())
          rule.stage = found->second;
        if (!rule.stage) return r_.fail("unknown_stage", p + "/stage", "stage \"" + s->get<std::string>() + "\" is not declared in /engagement/stages");
      }
      rule.points = r_.points(j, p, "points", true).value_or(0);
      switch (rule.kind) {
        case RuleKind::Event:
          rule.types = types(j, p, "event", true);
          rule.when = condition(j, p);
          rule.strong = r_.boolean(j, p, "strong", false);
          read_repeat(j, p, rule);
          rule.min = r_.points(j, p, "min", false);
          rule.max = r_.points(j, p, "max", false);
          if (!r_.failed() && rule.min && rule.max && *rule.min > *rule.max) r_.fail("cap_range", p, "the rule's min is above its max");
          if (const Json* d = r_.member(j, p, "decay", false); d && !r_.failed()) rule.decay = decay(*d, p + "/decay");
          if (const Json* reset = r_.member(j, p, "reset", false); reset && !r_.failed()) {
            if (!r_.expect_array(*reset, p + "/reset", "reset")) return;
            for (std::size_t k = 0; k < reset->size() && !r_.failed(); ++k) {
              const std::string where = p + "/reset/" + std::to_string(k);
              if (!(*reset)[k].is_string()) return r_.fail("wrong_type", where, "reset lists engagement group ids");
              rule.resets.push_back(group_ref_value((*reset)[k].get<std::string>(), where));
            }
          }
          break;
        case RuleKind::Frequency:
          rule.types = types(j, p, "events", true);
          rule.when = condition(j, p);
          rule.at_least = static_cast<std::uint32_t>(count(j, p, "at_least", true, 1, kMaxCount, 1));
          rule.within = duration(j, p, "within", true).value_or(0);
          break;
        case RuleKind::Recency:
          rule.types = types(j, p, "events", false);
          rule.when = condition(j, p);
          rule.within = duration(j, p, "within", true).value_or(0);
          break;
        case RuleKind::Streak:
          if (const Json* s = r_.member(j, p, "sent", true); s && !r_.failed()) rule.sent = type_ref(*s, p + "/sent");
          if (const Json* o = r_.member(j, p, "opened", true); o && !r_.failed()) rule.opened = type_ref(*o, p + "/opened");
          rule.last = static_cast<std::uint32_t>(count(j, p, "last", true, 1, kMaxStreak, 1));
          rule.match_on = r_.string(j, p, "match_on", false);
          break;
      }
      out_.rules.push_back(std::move(rule));
    }
  }

  // Id -> position, built once a list is read: references are looked up once each, so loading
  // stays linear in the number of types, stages, groups and rules. (A duplicate id has failed the
  // read before any look-up, so each id has one position.)
  using Index = std::unordered_map<std::string, std::size_t>;
  template <typename Entry>
  static void index_ids(const std::vector<Entry>& entries, Index& index) {
    index.reserve(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) index.emplace(entries[i].id, i);
  }

  Reader& r_;
  const Limits& limits_;
  LogicEdition edition_;
  std::set<std::string>& group_ids_;
  std::set<std::string>& rule_ids_;
  Engagement out_;
  Index type_index_, stage_index_, group_index_;
};

}  // namespace

std::optional<Engagement> read_engagement(Reader& reader, const Json& section, const Limits& limits,
                                          std::set<std::string>& group_ids, std::set<std::string>& rule_ids,
                                          LogicEdition edition) {
  return EngagementReader(reader, limits, group_ids, rule_ids, edition).read(section);
}

}  // namespace leadscore::model_detail

namespace leadscore {

const char* rule_kind_name(RuleKind kind) {
  switch (kind) {
    case RuleKind::Event: return "event";
    case RuleKind::Frequency: return "frequency";
    case RuleKind::Recency: return "recency";
    case RuleKind::Streak: return "streak";
  }
  return "event";
}

namespace {

// The order of Engagement::types_by_id: shorter ids first, then bytes. Most comparisons of a
// search are then decided by the lengths, without comparing the texts.
bool lookup_order(std::string_view a, std::string_view b) { return a.size() != b.size() ? a.size() < b.size() : a < b; }

}  // namespace

namespace model_detail {

void index_event_types(Engagement& engagement) {
  auto& index = engagement.types_by_id;
  index.resize(engagement.event_types.size());
  for (std::size_t t = 0; t < index.size(); ++t) index[t] = static_cast<std::uint32_t>(t);
  std::sort(index.begin(), index.end(), [&](std::uint32_t a, std::uint32_t b) {
    return lookup_order(engagement.event_types[a].id, engagement.event_types[b].id);
  });
}

}  // namespace model_detail

long Engagement::type_index(std::string_view id) const {
  if (types_by_id.size() == event_types.size()) {  // the parsed model's index: every lead's events look here
    auto it = std::lower_bound(types_by_id.begin(), types_by_id.end(), id,
                               [&](std::uint32_t t, std::string_view key) { return lookup_order(event_types[t].id, key); });
    return it != types_by_id.end() && event_types[*it].id == id ? static_cast<long>(*it) : -1;
  }
  for (std::size_t i = 0; i < event_types.size(); ++i)
    if (event_types[i].id == id) return static_cast<long>(i);
  return -1;
}

}  // namespace leadscore
