// Scoring: fit rules and engagement -> contributions -> caps -> total cap -> 0..100 scale -> band.
// All arithmetic is on integer centipoints (docs/model-format.md, "How a score is computed").
#include "leadscore/score.h"

#include <algorithm>
#include <set>
#include <utility>

#include "engagement_score.h"
#include "events.h"
#include "feedback_input.h"
#include "grading_eval.h"
#include "lead_normalize.h"
#include "model_set.h"
#include "routing_eval.h"
#include "points_json.h"
#include "probability.h"
#include "leadscore/time.h"
#include "leadscore/version.h"

namespace leadscore {
namespace {

// floor(a / b) for b > 0.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && (a < 0)) --q;
  return q;
}

// Scores with one plain model (a model set has chosen its persona's model before).
Expected<Json> score_model(const Model& model, const Json& lead, const ScoreOptions& options) {
  if (options.now.empty()) return Error{"now_missing", "/now", "the scoring instant \"now\" is required (ISO-8601 with an offset)"};
  const auto now = parse_instant(options.now);
  if (!now) return Error{"now_invalid", "/now", "\"now\" is not a valid instant: " + now.error().message};
  if (!lead.is_object()) return Error{"lead_not_object", "", "a lead must be a JSON object of field values"};
  const std::string deep = find_too_deep(lead, model.limits().max_json_depth);
  if (!deep.empty()) return Error{"json_too_deep", deep, "the lead is nested too deeply"};

  const std::int64_t now_ms = now.value();
  const std::int64_t today = now_ms >= 0 ? now_ms / 86400000 : -((-now_ms + 86399999) / 86400000);
  NormalizedLead normalized = normalize_lead(model, lead, today);
  Json warnings = Json::array();
  for (auto& w : normalized.warnings) warnings.push_back(std::move(w));
  // Shape and count before anything walks the events, so an oversized array is refused at once.
  if (options.events && !options.events->is_array())
    return Error{"events_not_array", "/events", "the events must be a JSON array"};
  if (options.events && options.events->size() > model.limits().max_events)
    return Error{"too_many_events", "/events",
                 "a lead may carry at most " + std::to_string(model.limits().max_events) + " events; this one has " +
                     std::to_string(options.events->size())};
  if (options.events) {
    const std::string deep_event = find_too_deep(*options.events, model.limits().max_json_depth);
    if (!deep_event.empty()) return Error{"json_too_deep", "/events" + deep_event, "the events are nested too deeply"};
  }
  // Event warnings come after fit rule warnings (docs: "Result"), so collect them apart.
  Json event_warnings = Json::array();
  auto events = clean_events(model.engagement() ? &*model.engagement() : nullptr, options.events, now_ms,
                             model.limits(), event_warnings);
  if (!events) return events.error();

  std::vector<Centipoints> group_sums(model.groups().size(), 0);
  auto group_index = [&](const std::string& id) {
    for (std::size_t i = 0; i < model.groups().size(); ++i)
      if (model.groups()[i].id == id) return i;
    return std::size_t{0};  // unreachable: the model checked every group reference
  };

  Json contributions = Json::array();
  Centipoints raw = 0;
  for (std::size_t i = 0; i < model.rules().size(); ++i) {
    const FitRule& rule = model.rules()[i];
    const auto matched = rule.when.apply(normalized.fields);
    if (!matched) {
      warnings.push_back(make_warning("rule_failed", "/rules/" + std::to_string(i) + "/when",
                                      "rule \"" + rule.id + "\" could not be evaluated: " + matched.error().message));
      continue;
    }
    if (!logic_truthy(matched.value())) continue;
    group_sums[group_index(rule.group)] += rule.points;
    raw += rule.points;
    contributions.push_back({{"kind", "rule"}, {"rule", rule.id}, {"label", rule.label},
                             {"group", rule.group}, {"points", points_json(rule.points)}});
  }
  if (const auto& c = model.completeness()) {
    for (const auto& name : c->fields) {
      if (!normalized.fields.contains(name)) continue;
      group_sums[group_index(c->group)] += c->points_per_field;
      raw += c->points_per_field;
      contributions.push_back({{"kind", "completeness"}, {"rule", c->id}, {"label", c->label}, {"group", c->group},
                               {"field", name}, {"points", points_json(c->points_per_field)}});
    }
  }

  // Form checks: findings with points in the model become fit contributions, once per code and field.
  Json quality;
  if (model.has_checks()) {
    auto checked = check_lead(model.checks(), lead, LeadCheckOptions{options.language, options.now});
    if (!checked) return checked.error();
    const CheckConfig& config = model.checks();
    std::set<std::pair<std::string, std::string>> applied;
    for (const Json& f : checked.value()["findings"]) {
      const std::string& code = f["code"].get_ref<const std::string&>();
      const auto pts = config.points.find(code);
      if (pts == config.points.end() || !applied.emplace(code, f["field"].get<std::string>()).second) continue;
      group_sums[group_index(config.group)] += pts->second;
      raw += pts->second;
      contributions.push_back({{"kind", "check"}, {"code", code}, {"field", f["field"]}, {"label", f["message"]},
                               {"group", config.group}, {"points", points_json(pts->second)}});
    }
    quality = std::move(checked.value()["quality"]);
    quality["findings"] = std::move(checked.value()["findings"]);
    quality["blocked"] = false;
  }

  for (auto& w : event_warnings) warnings.push_back(std::move(w));
  EngagementScore engagement = score_engagement(model, events.value(), now_ms, contributions, warnings);
  raw += engagement.raw;
  const CleanEvents& cleaned = events.value();
  engagement.result["events"] = {{"received", cleaned.received}, {"invalid", cleaned.invalid},
                                 {"unknown", cleaned.unknown}, {"future", cleaned.future},
                                 {"duplicates", cleaned.duplicates}, {"used", cleaned.used.size()}};

  // Sales feedback: active point adjustments count after the group caps, before the total cap.
  std::optional<FeedbackInput> feedback;
  if (options.feedback) {
    auto read = read_feedback_input(*options.feedback, model.feedback(), now_ms, warnings);
    if (!read) return read.error();
    feedback = std::move(read.value());
    raw += feedback->points;
    for (auto& c : feedback->contributions) contributions.push_back(std::move(c));
  }

  Json groups = Json::array();
  Centipoints fit_points = 0;
  for (std::size_t i = 0; i < model.groups().size(); ++i) {
    const GroupSpec& g = model.groups()[i];
    const Centipoints capped = clamp_optional(group_sums[i], g.min, g.max);
    fit_points += capped;
    Json entry = {{"id", g.id}, {"label", g.label}, {"points_before_cap", points_json(group_sums[i])}, {"points", points_json(capped)}};
    put_caps(entry, g.min, g.max);
    groups.push_back(std::move(entry));
  }
  const Centipoints capped_sum = fit_points + engagement.points + (feedback ? feedback->points : 0);
  const Centipoints points = clamp_optional(capped_sum, model.total_min(), model.total_max());
  Json total = {{"points_before_cap", points_json(capped_sum)}, {"points", points_json(points)}};
  put_caps(total, model.total_min(), model.total_max());

  // score = round half up of 100 * (points - min) / (max - min), clamped to 0..100.
  const std::int64_t num = 100 * (points - model.scale().min);
  const std::int64_t den = model.scale().max - model.scale().min;
  std::int64_t score = std::clamp<std::int64_t>(floor_div(2 * num + den, 2 * den), 0, 100);
  // A spam verdict blocks the score when the model says so; the contribution says what it was.
  if (model.has_checks() && model.checks().spam_blocks_score && quality["verdict"] == "spam") {
    contributions.push_back({{"kind", "spam_block"}, {"label", "spam verdict: score set to 0"}, {"group", ""},
                             {"points", 0}, {"score_before", score}});
    quality["blocked"] = true;
    score = 0;
  }
  const Band* band = &model.bands().front();
  for (const Band& b : model.bands())
    if (b.from <= score && score <= b.to) band = &b;

  // Grade, then the held band and grade (tracking), then the route that reads them.
  std::optional<GradeOutcome> grade;
  if (model.grading())
    grade = grade_lead(*model.grading(), normalized.fields, fit_points,
                       feedback ? feedback->grades : std::vector<GradeAdjustment>{}, warnings);
  const std::optional<int> grade_rank = grade ? std::optional<int>(grade->rank) : std::nullopt;
  std::optional<Tracking> tracking;
  if (options.previous) {
    auto tracked = track(model, *options.previous, static_cast<int>(score), *band, grade_rank);
    if (!tracked) return tracked.error();
    tracking = std::move(tracked.value());
  }
  Json route;
  if (model.routing()) {
    const Json strong = find_strong_actions(model, cleaned, now_ms);
    RouteInput input;
    input.band = tracking ? tracking->band : band->id;
    input.grade = tracking ? tracking->grade : grade_rank;
    input.strong_actions = &strong;
    if (model.has_checks()) input.quality = quality["verdict"].get<std::string>();
    input.verdict = feedback && feedback->verdict ? &*feedback->verdict : nullptr;
    route = route_lead(*model.routing(), input);
  }

  Json result = Json::object();
  result["format_version"] = kResultFormatVersion;
  result["model"] = {{"id", model.id()}, {"version", model.version()}, {"fingerprint", model.fingerprint()}};
  result["now"] = format_instant(now_ms);
  result["score"] = score;
  result["raw_points"] = points_json(raw);
  result["points"] = points_json(points);
  if (model.probability()) result["probability"] = probability_from_points(*model.probability(), points);
  result["band"] = {{"id", band->id}, {"label", band->label}, {"action", band->action}};
  if (grade) result["grade"] = std::move(grade->json);
  if (model.routing()) result["route"] = std::move(route);
  if (tracking) result["tracking"] = std::move(tracking->json);
  result["groups"] = std::move(groups);
  result["fit"] = {{"points", points_json(fit_points)}};
  result["engagement"] = std::move(engagement.result);
  if (model.has_checks()) result["quality"] = std::move(quality);
  if (feedback) result["feedback"] = std::move(feedback->json);
  result["last_activity"] = cleaned.last_activity ? Json(format_instant(*cleaned.last_activity)) : Json(nullptr);
  result["total"] = std::move(total);
  result["contributions"] = std::move(contributions);
  result["warnings"] = std::move(warnings);
  return result;
}

}  // namespace

Expected<Json> score(const Model& model, const Json& lead, const ScoreOptions& options) {
  if (model.personas().empty()) return score_model(model, lead, options);
  // A model set: pick the persona, score with its model, and say which one applied.
  if (options.now.empty()) return Error{"now_missing", "/now", "the scoring instant \"now\" is required (ISO-8601 with an offset)"};
  const auto now = parse_instant(options.now);
  if (!now) return Error{"now_invalid", "/now", "\"now\" is not a valid instant: " + now.error().message};
  if (!lead.is_object()) return Error{"lead_not_object", "", "a lead must be a JSON object of field values"};
  Json selection_warnings = Json::array();
  PersonaChoice choice = select_persona(model, lead, options.events, now.value(), selection_warnings);
  auto result = score_model(*choice.persona->model, lead, options);
  if (!result) return result;
  Json& r = result.value();
  r["model"] = {{"id", model.id()}, {"version", model.version()}, {"fingerprint", model.fingerprint()},
                {"persona", {{"id", choice.persona->id}, {"label", choice.persona->label},
                             {"model", choice.persona->model_name}, {"also_matched", std::move(choice.also_matched)}}}};
  for (auto& w : selection_warnings) r["warnings"].push_back(std::move(w));
  return result;
}

}  // namespace leadscore
