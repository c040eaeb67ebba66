// write_result(): a ScoreResult as JSON text, keys in sorted order, written straight into the
// caller's buffer. The explain layout is the contract of docs/model-format.md ("Result"): every
// key below is written exactly where dump_json() of the former result tree put it (keys sorted
// byte-wise), which tests/js/result-bytes.test.mjs checks on 12,000 leads over every model.
#include <optional>

#include "io/json_text.h"
#include "score/points_json.h"
#include "leadscore/score_result.h"
#include "leadscore/time.h"
#include "leadscore/version.h"

namespace leadscore {
namespace {

using json_text::append_double;
using json_text::append_int;
using json_text::append_string;
using json_text::append_value;

// Writes a sequence of "key":value members, adding the commas.
class ObjectWriter {
 public:
  explicit ObjectWriter(std::string& out) : out_(out) { out_ += '{'; }
  ~ObjectWriter() { out_ += '}'; }
  ObjectWriter(const ObjectWriter&) = delete;
  ObjectWriter& operator=(const ObjectWriter&) = delete;

  /// Starts a member; the caller appends its value.
  std::string& key(const char* name) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += '"';
    out_ += name;  // every key written here is a plain ASCII literal
    out_ += "\":";
    return out_;
  }
  void string(const char* name, std::string_view value) { append_string(key(name), value); }
  void integer(const char* name, std::int64_t value) { append_int(key(name), value); }
  void points(const char* name, Centipoints value) { append_points(key(name), value); }
  void json(const char* name, const Json& value) { append_value(key(name), value); }

  /// Centipoints as points_json() has always written them: whole points as integers, else the
  /// shortest decimal of the double c / 100.
  static void append_points(std::string& out, Centipoints c) {
    if (c % 100 == 0) append_int(out, c / 100);
    else append_double(out, static_cast<double>(c) / 100.0);
  }

 private:
  std::string& out_;
  bool first_ = true;
};

void write_caps(ObjectWriter& o, const std::optional<Centipoints>& lo, const std::optional<Centipoints>& hi) {
  if (hi) o.points("max", *hi);
  if (lo) o.points("min", *lo);
}

void write_band(std::string& out, const Band& band) {
  ObjectWriter o(out);
  o.string("action", band.action);
  o.string("id", band.id);
  o.string("label", band.label);
}

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
  for (const std::uint32_t i : r.rule_hits) {
    const FitRule& rule = model.rules()[i];
    next();
    ObjectWriter o(out);
    o.string("group", rule.group);
    o.string("kind", "rule");
    o.string("label", rule.label);
    o.points("points", rule.points);
    o.string("rule", rule.id);
  }
  for (const std::uint32_t f : r.completeness_hits) {
    const CompletenessRule& c = *model.completeness();
    next();
    ObjectWriter o(out);
    o.string("field", c.fields[f]);
    o.string("group", c.group);
    o.string("kind", "completeness");
    o.string("label", c.label);
    o.points("points", c.points_per_field);
    o.string("rule", c.id);
  }
  for (const auto& hit : r.check_hits) {
    const Finding& finding = r.checks.findings[hit.finding];
    next();
    ObjectWriter o(out);
    o.string("code", finding.code);
    o.string("field", finding.field);
    o.string("group", model.checks().group);
    o.string("kind", "check");
    o.string("label", finding.message);
    o.points("points", hit.points);
  }
  for (const Json& line : r.engagement_lines) append_value(next(), line);
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
    ObjectWriter o(out);
    o.string("id", g.id);
    o.string("label", g.label);
    write_caps(o, g.min, g.max);
    o.points("points", clamp_optional(r.group_sums[i], g.min, g.max));
    o.points("points_before_cap", r.group_sums[i]);
  }
  out += ']';
}

// The model that answers for the result: the set (with the persona) or the plain model.
void write_model(std::string& out, const ScoreResult& r, Detail detail) {
  const Model& answering = r.set ? *r.set : *r.model;
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
  for (auto it = r.engagement.begin(); it != r.engagement.end(); ++it) {
    out += ',';
    append_string(out, it.key());
    out += ':';
    append_value(out, it.value());
  }
  out += '}';
}

void write_instant_or_null(std::string& out, const std::optional<Millis>& at) {
  if (at) append_string(out, format_instant(*at));
  else out += "null";
}

void write_explain(std::string& out, const ScoreResult& r) {
  const Model& model = *r.model;
  ObjectWriter o(out);
  write_band(o.key("band"), *r.band);
  write_contributions(o.key("contributions"), r);
  write_engagement(o.key("engagement"), r);
  if (r.feedback) o.json("feedback", *r.feedback);
  {
    ObjectWriter fit(o.key("fit"));
    fit.points("points", r.fit_points);
  }
  o.integer("format_version", kResultFormatVersion);
  if (r.grade) o.json("grade", *r.grade);
  write_groups(o.key("groups"), r);
  write_instant_or_null(o.key("last_activity"), r.last_activity);
  write_model(o.key("model"), r, Detail::Explain);
  o.string("now", format_instant(r.now));
  o.points("points", r.points);
  if (r.probability) append_double(o.key("probability"), *r.probability);
  if (r.quality) o.json("quality", *r.quality);
  o.points("raw_points", r.raw_points);
  if (r.route) o.json("route", *r.route);
  o.integer("score", r.score);
  {
    ObjectWriter total(o.key("total"));
    write_caps(total, model.total_min(), model.total_max());
    total.points("points", r.points);
    total.points("points_before_cap", r.capped_sum);
  }
  if (r.tracking) o.json("tracking", *r.tracking);
  o.json("warnings", r.warnings);
}

void write_summary(std::string& out, const ScoreResult& r) {
  ObjectWriter o(out);
  write_band(o.key("band"), *r.band);
  o.string("detail", "summary");
  o.points("engagement_points", r.engagement_points);
  o.points("fit_points", r.fit_points);
  o.integer("format_version", kResultFormatVersion);
  if (r.grade_rank) o.string("grade", r.grade_letter);
  write_instant_or_null(o.key("last_activity"), r.last_activity);
  write_model(o.key("model"), r, Detail::Summary);
  o.string("now", format_instant(r.now));
  o.points("points", r.points);
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

std::string points_text(Centipoints points) {
  std::string out;
  ObjectWriter::append_points(out, points);
  return out;
}

void write_result(const ScoreResult& result, Detail detail, std::string& out) {
  if (detail == Detail::Summary) write_summary(out, result);
  else write_explain(out, result);
}

}  // namespace leadscore
