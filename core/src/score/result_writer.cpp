// write_result(): a ScoreResult as JSON text, keys in sorted order, written straight into the
// caller's buffer. The explain layout is the contract of docs/model-format.md ("Result"): every
// key below is written exactly where dump_json() of the former result tree put it (keys sorted
// byte-wise), which tests/js/result-bytes.test.mjs checks on 12,000 leads over every model.
#include <optional>

#include "io/json_text.h"
#include "checks/quality_text.h"
#include "engagement/engagement_score.h"
#include "grading/grading_eval.h"
#include "grading/routing_eval.h"
#include "score/points_json.h"
#include "score/result_texts.h"
#include "leadscore/score_result.h"
#include "leadscore/time.h"
#include "leadscore/version.h"

namespace leadscore {
namespace {

using json_text::append_double;
using json_text::append_int;
using json_text::append_string;
using json_text::append_value;

using json_text::ObjectWriter;

// Every contribution, in result order: fit rules, completeness, checks, engagement, feedback,
// spam block.
void write_contributions(std::string& out, const ScoreResult& r) {
  const Model& model = *r.model;
  out += '[';
  bool first = true;
  auto next = [&]() -> std::string& {
    if (!first) out += ',';
    first = false;
    return out;
  };
  for (const std::uint32_t i : r.rule_hits) next() += model.rules()[i].result_text;
  for (const std::uint32_t f : r.completeness_hits) next() += model.completeness()->result_texts[f];
  for (const auto& hit : r.check_hits) {
    const Finding& finding = r.checks.findings[hit.finding];
    next();
    ObjectWriter o(out);
    o.string("code", finding.code);
    o.string("field", finding.field);
    o.string("group", model.checks().group);
    o.string("kind", "check");
    o.string("label", finding.message);
    append_points(o.key("points"), hit.points);
  }
  for (const EngagementLine& line : r.engagement_lines) {
    if (!line.other.is_null()) {
      append_value(next(), line.other);
      continue;
    }
    // Keys in the sorted order of the former {"kind": "event", ...} object: the instant and the
    // event's position, then the rule's and the type's constant texts.
    const Engagement& e = *model.engagement();
    next() += "{\"at\":\"";
    append_instant(out, line.at);
    out += "\",\"event_index\":";
    append_int(out, static_cast<std::int64_t>(line.event_index));
    out += e.rules[line.rule].event_line_text;
    out += e.event_types[line.type].line_tail;
  }
  for (const Json& line : r.feedback_lines) append_value(next(), line);
  if (r.blocked_score) {
    next();
    ObjectWriter o(out);
    o.string("group", "");
    o.string("kind", "spam_block");
    o.string("label", "spam verdict: score set to 0");
    o.integer("points", 0);
    o.integer("score_before", *r.blocked_score);
  }
  out += ']';
}

void write_groups(std::string& out, const ScoreResult& r) {
  const auto& groups = r.model->groups();
  out += '[';
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (i) out += ',';
    const GroupSpec& g = groups[i];
    out += g.result_head;
    out += "\"points\":";
    append_points(out, clamp_optional(r.group_sums[i], g.min, g.max));
    out += ",\"points_before_cap\":";
    append_points(out, r.group_sums[i]);
    out += '}';
  }
  out += ']';
}

// The model that answers for the result: the set (with the persona) or the plain model.
void write_model(std::string& out, const ScoreResult& r, Detail detail) {
  const Model& answering = r.set ? *r.set : *r.model;
  if (!r.persona && !answering.result_model_text().empty()) {
    out += answering.result_model_text();
    return;
  }
  ObjectWriter o(out);
  o.string("fingerprint", answering.fingerprint());
  o.string("id", answering.id());
  if (r.persona) {
    if (detail == Detail::Summary) {
      o.string("persona", r.persona->id);
    } else {
      ObjectWriter p(o.key("persona"));
      p.json("also_matched", r.also_matched);
      p.string("id", r.persona->id);
      p.string("label", r.persona->label);
      p.string("model", r.persona->model_name);
    }
  }
  o.string("version", answering.version());
}

// The engagement object: its "events" counts first (the key sorts first), then the rest, from the
// model's constant text for a lead without events or from the object.
void write_engagement(std::string& out, const ScoreResult& r) {
  const auto& c = r.event_counts;
  out += "{\"events\":";
  {
    ObjectWriter counts(out);
    counts.integer("duplicates", static_cast<std::int64_t>(c.duplicates));
    counts.integer("future", static_cast<std::int64_t>(c.future));
    counts.integer("invalid", static_cast<std::int64_t>(c.invalid));
    counts.integer("received", static_cast<std::int64_t>(c.received));
    counts.integer("unknown", static_cast<std::int64_t>(c.unknown));
    counts.integer("used", static_cast<std::int64_t>(c.used));
  }
  if (r.engagement_tail) {
    out += *r.engagement_tail;
    return;
  }
  write_engagement_tail(*r.model->engagement(), r.engagement, out);
}

void write_instant_or_null(std::string& out, const std::optional<Millis>& at) {
  if (at) append_string(out, format_instant(*at));
  else out += "null";
}

void write_explain(std::string& out, const ScoreResult& r) {
  const Model& model = *r.model;
  ObjectWriter o(out);
  o.key("band") += r.band->result_text;
  write_contributions(o.key("contributions"), r);
  // The data pack the form checks used, when the model has checks (docs/data-packs.md).
  if (model.has_checks()) write_data_info(model.data_info(), r.checks.undecided, o.key("data"));
  write_engagement(o.key("engagement"), r);
  if (r.feedback) o.json("feedback", *r.feedback);
  {
    ObjectWriter fit(o.key("fit"));
    append_points(fit.key("points"), r.fit_points);
  }
  o.integer("format_version", kResultFormatVersion);
  if (r.explained && r.grade_rank) write_grade(*model.grading(), *r.grade_rank, r.grade, o.key("grade"));
  write_groups(o.key("groups"), r);
  write_instant_or_null(o.key("last_activity"), r.last_activity);
  write_model(o.key("model"), r, Detail::Explain);
  o.string("now", format_instant(r.now));
  append_points(o.key("points"), r.points);
  if (r.probability) append_double(o.key("probability"), *r.probability);
  if (r.explained && model.has_checks())
    write_score_quality(model.checks(), r.checks, r.blocked_score.has_value(), o.key("quality"));
  append_points(o.key("raw_points"), r.raw_points);
  if (r.route.decided) write_route(r.route, o.key("route"));
  o.integer("score", r.score);
  {
    ObjectWriter total(o.key("total"));
    write_caps(total, model.total_min(), model.total_max());
    append_points(total.key("points"), r.points);
    append_points(total.key("points_before_cap"), r.capped_sum);
  }
  if (r.tracking) o.json("tracking", *r.tracking);
  o.json("warnings", r.warnings);
}

void write_summary(std::string& out, const ScoreResult& r) {
  ObjectWriter o(out);
  o.key("band") += r.band->result_text;
  if (r.model->has_checks()) write_data_info(r.model->data_info(), r.checks.undecided, o.key("data"));
  o.string("detail", "summary");
  append_points(o.key("engagement_points"), r.engagement_points);
  append_points(o.key("fit_points"), r.fit_points);
  o.integer("format_version", kResultFormatVersion);
  if (r.grade_rank) o.string("grade", r.grade_letter);
  write_instant_or_null(o.key("last_activity"), r.last_activity);
  write_model(o.key("model"), r, Detail::Summary);
  o.string("now", format_instant(r.now));
  append_points(o.key("points"), r.points);
  if (r.probability) append_double(o.key("probability"), *r.probability);
  if (r.model->has_checks()) o.string("quality", r.quality_verdict);
  if (r.model->routing()) o.string("route", r.route_action);
  o.integer("score", r.score);
  std::string& codes = o.key("warnings");
  codes += '[';
  for (std::size_t i = 0; i < r.warnings.size(); ++i) {
    if (i) codes += ',';
    append_value(codes, r.warnings[i]["code"]);
  }
  codes += ']';
}

}  // namespace

void append_points(std::string& out, Centipoints c) {
  if (c % 100 == 0) append_int(out, c / 100);
  else append_double(out, static_cast<double>(c) / 100.0);
}

void write_caps(ObjectWriter& o, const std::optional<Centipoints>& min, const std::optional<Centipoints>& max) {
  if (max) append_points(o.key("max"), *max);
  if (min) append_points(o.key("min"), *min);
}

std::string rule_result_text(const FitRule& rule) {
  std::string out;
  {
    ObjectWriter o(out);
    o.string("group", rule.group);
    o.string("kind", "rule");
    o.string("label", rule.label);
    append_points(o.key("points"), rule.points);
    o.string("rule", rule.id);
  }
  return out;
}

std::string event_line_text(const Engagement& e, const EngagementRule& rule) {
  // An object's members after its first two, written by an ObjectWriter that has had them.
  std::string out;
  {
    ObjectWriter o(out);
    o.null("at");
    o.string("group", e.groups[rule.group].id);
    o.string("kind", "event");
    o.string("label", rule.label);
    append_points(o.key("points"), rule.points);
    o.string("rule", rule.id);
    if (rule.stage) o.string("stage", e.stages[*rule.stage].id);
  }
  const std::string head = "{\"at\":null";
  return out.substr(head.size(), out.size() - head.size() - 1);  // without the head and the brace
}

std::string event_line_tail(const EventType& type) {
  std::string out = ",\"type\":";
  append_string(out, type.id);
  return out + '}';
}

std::string completeness_result_text(const CompletenessRule& c, std::size_t field) {
  std::string out;
  {
    ObjectWriter o(out);
    o.string("field", c.fields[field]);
    o.string("group", c.group);
    o.string("kind", "completeness");
    o.string("label", c.label);
    append_points(o.key("points"), c.points_per_field);
    o.string("rule", c.id);
  }
  return out;
}

std::string band_result_text(const Band& band) {
  std::string out;
  {
    ObjectWriter o(out);
    o.string("action", band.action);
    o.string("id", band.id);
    o.string("label", band.label);
  }
  return out;
}

std::string group_result_head(const GroupSpec& g) {
  std::string out = "{\"id\":";
  append_string(out, g.id);
  out += ",\"label\":";
  append_string(out, g.label);
  out += ',';
  if (g.max) {
    out += "\"max\":";
    append_points(out, *g.max);
    out += ',';
  }
  if (g.min) {
    out += "\"min\":";
    append_points(out, *g.min);
    out += ',';
  }
  return out;
}

std::string criterion_result_head(const GradeCriterion& c) {
  std::string out = "{\"criterion\":";
  append_string(out, c.id);
  out += ",\"label\":";
  append_string(out, c.label);
  return out;
}

std::string model_result_text(const Model& model) {
  std::string out;
  {
    ObjectWriter o(out);
    o.string("fingerprint", model.fingerprint());
    o.string("id", model.id());
    o.string("version", model.version());
  }
  return out;
}

std::string points_text(Centipoints points) {
  std::string out;
  append_points(out, points);
  return out;
}

void write_result(const ScoreResult& result, Detail detail, std::string& out) {
  if (detail == Detail::Summary) write_summary(out, result);
  else write_explain(out, result);
}

}  // namespace leadscore
