// See leadscore/describe.h.
#include "leadscore/describe.h"

#include "leadscore/checks.h"
#include "leadscore/engagement.h"
#include "leadscore/grading.h"
#include "leadscore/routing.h"
#include "score/points_json.h"

namespace leadscore {

namespace {

Json optional_points(const std::optional<Centipoints>& c) { return c ? points_json(*c) : Json(nullptr); }

Json decay_json(const DecaySpec& decay) {
  if (!decay.age && !decay.inactivity) return nullptr;
  Json out = Json::object();
  out["age"] = nullptr;
  if (decay.age) {
    const AgeDecay& age = *decay.age;
    if (age.kind == AgeDecay::HalfLife) out["age"] = Json{{"kind", "half_life"}, {"half_life_ms", age.half_life}};
    else if (age.kind == AgeDecay::Linear) out["age"] = Json{{"kind", "linear"}, {"percent", age.percent}, {"per_ms", age.per}};
    else out["age"] = Json{{"kind", "none"}};
  }
  out["inactivity"] = nullptr;
  if (decay.inactivity) {
    const InactivityDecay& d = *decay.inactivity;
    out["inactivity"] = Json{{"after_ms", d.after}, {"points", points_json(d.points)},
                             {"every_ms", d.every ? Json(*d.every) : Json(nullptr)}};
  }
  return out;
}

Json checks_json(const Model& model) {
  const CheckConfig& c = model.checks();
  Json fields = Json::object();
  for (const auto& [name, kind] : c.fields) fields[name] = field_kind_name(kind);
  Json points = Json::object();
  for (const auto& [code, cp] : c.points) points[code] = points_json(cp);
  const char* free_email = c.free_email == FreeEmailPolicy::Info ? "info" : c.free_email == FreeEmailPolicy::Penalty ? "penalty" : "block";
  return Json{{"section", model.has_checks()},
              {"fields", std::move(fields)},
              {"rendered_at_field", c.rendered_at_field},
              {"min_fill_seconds", static_cast<double>(c.min_fill_ms) / 1000},
              {"require_fill_time", c.require_fill_time},
              {"country_field", c.country_field},
              {"free_email", free_email},
              {"quality", Json{{"info", c.info_penalty}, {"warn", c.warn_penalty}, {"block", c.block_penalty},
                               {"suspicious_below", c.suspicious_below}, {"spam_below", c.spam_below}}},
              {"group", c.group.empty() ? Json(nullptr) : Json(c.group)},
              {"points", std::move(points)},
              {"spam_blocks_score", c.spam_blocks_score}};
}

Json engagement_json(const Engagement& e) {
  Json types = Json::array(), groups = Json::array(), rules = Json::array();
  for (const EventType& t : e.event_types) types.push_back(Json{{"id", t.id}, {"label", t.label}, {"activity", t.activity}});
  for (const EngagementGroup& g : e.groups)
    groups.push_back(Json{{"id", g.id}, {"label", g.label}, {"min", optional_points(g.min)},
                          {"max", optional_points(g.max)}, {"decay", decay_json(g.decay)}});
  for (const EngagementRule& r : e.rules)
    rules.push_back(Json{{"id", r.id}, {"label", r.label}, {"kind", rule_kind_name(r.kind)},
                         {"group", e.groups[r.group].id}, {"decay", decay_json(r.decay)}});
  return Json{{"event_types", std::move(types)}, {"groups", std::move(groups)}, {"rules", std::move(rules)}};
}

Json route_rule_json(const RouteRule& r) {
  // An end at the scale's own end (F, A+) is no bound: null, so a page need not know the scale.
  Json grade = nullptr;
  if (r.grade_given)
    grade = Json{{"min", r.grade_min > 0 ? Json(grade_letter(r.grade_min)) : Json(nullptr)},
                 {"max", r.grade_max < 12 ? Json(grade_letter(r.grade_max)) : Json(nullptr)}};
  return Json{{"id", r.id}, {"action", r.action}, {"reason", r.reason}, {"bands", r.bands}, {"grade", grade},
              {"strong_action", r.strong_action ? Json(*r.strong_action) : Json(nullptr)}, {"quality", r.quality}};
}

Json routing_json(const Routing& r) {
  Json rules = Json::array();
  for (const RouteRule& rule : r.rules) rules.push_back(route_rule_json(rule));
  return Json{{"strong_within_ms", r.strong_within ? Json(*r.strong_within) : Json(nullptr)},
              {"score_dead_band", r.score_dead_band},
              {"grade_dead_band", r.grade_dead_band},
              {"rules", std::move(rules)},
              {"default", Json{{"id", r.fallback.id}, {"action", r.fallback.action}, {"reason", r.fallback.reason}}}};
}

}  // namespace

Json describe_model(const Model& model) {
  Json fields = Json::array();
  for (const FieldSpec& f : model.fields()) {
    Json field{{"name", f.name}, {"label", f.label.empty() ? f.name : f.label}, {"type", field_type_name(f.type)},
               {"required", f.required}};
    if (f.type == FieldType::Enum) field["values"] = f.values;
    if (!f.column.empty()) field["column"] = f.column;
    fields.push_back(std::move(field));
  }
  Json bands = Json::array();
  for (const Band& b : model.bands())
    bands.push_back(Json{{"id", b.id}, {"label", b.label.empty() ? b.id : b.label}, {"action", b.action},
                         {"from", b.from}, {"to", b.to}});
  return Json{{"id", model.id()},
              {"version", model.version()},
              {"fingerprint", model.fingerprint()},
              {"fields", std::move(fields)},
              {"bands", std::move(bands)},
              {"checks", checks_json(model)},
              {"engagement", model.engagement() ? engagement_json(*model.engagement()) : Json(nullptr)},
              {"routing", model.routing() ? routing_json(*model.routing()) : Json(nullptr)}};
}

}  // namespace leadscore
