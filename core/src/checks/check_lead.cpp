// check_lead(): every checked field of a lead, the form-level signals (honeypot, fill time), and
// the quality verdict. Quality = 100 - the findings' penalties; any block finding means spam.
#include <algorithm>
#include <limits>
#include <string>

#include "emitter.h"
#include "form_guard.h"
#include "leadscore/checks.h"
#include "leadscore/time.h"
#include "io/json_text.h"
#include "checks/quality_text.h"

namespace leadscore {
namespace {

int penalty_of(const CheckConfig& config, const Finding& f) {
  if (const auto it = config.penalties.find(f.code); it != config.penalties.end()) return it->second;
  switch (f.severity) {
    case Severity::Info: return config.info_penalty;
    case Severity::Warn: return config.warn_penalty;
    case Severity::Block: return config.block_penalty;
  }
  return 0;
}

// A number in a phone field is checked as its digits; other non-string values are not text.
void check_value(const CheckConfig& config, const std::string& name, FieldKind kind, const Json& value,
                 const FieldContext& context, std::vector<Finding>& out) {
  if (value.is_null()) return;
  if (value.is_string()) {
    check_field(config, name, value.get_ref<const std::string&>(), context, out);
    return;
  }
  if (kind == FieldKind::Honeypot) {  // a filled honeypot is a filled honeypot, whatever its type
    check_field(config, name, "filled", context, out);
    return;
  }
  if (kind == FieldKind::Phone && (value.is_number_unsigned() || (value.is_number_integer() && value.get<std::int64_t>() >= 0))) {
    check_field(config, name, std::to_string(value.get<std::uint64_t>()), context, out);
    return;
  }
  checks::Emitter e(name, "", context.language, config, out);
  e.add("wrong_type", Severity::Warn, e.tr("This field should hold text.", "Ce champ devrait contenir du texte."));
}

}  // namespace

std::optional<Error> check_lead_into(const CheckConfig& config, const Json& lead, const LeadCheckOptions& options,
                                     LeadQuality& out) {
  LeadRecord record;
  record.view(lead);
  return check_lead_into(config, record, options, out);
}

std::optional<Error> check_lead_into(const CheckConfig& config, const LeadRecord& lead, const LeadCheckOptions& options,
                                     LeadQuality& out) {
  out.findings.clear();
  out.undecided.clear();
  out.score = 100;
  out.verdict = "ok";
  if (!lead.is_object()) return Error{"lead_not_object", "", "a lead must be a JSON object of field values"};
  const std::string deep = lead.too_deep(128);
  if (!deep.empty()) return Error{"json_too_deep", deep, "the lead is nested too deeply"};

  std::vector<Finding>& findings = out.findings;
  FieldContext context{options.language, nullptr};
  context.record = &lead;
  context.undecided = &out.undecided;
  for (const auto& [name, kind] : config.fields) {  // in field-name order: stable output
    if (const Json* value = lead.find(name)) check_value(config, name, kind, *value, context, findings);
  }

  // Fill time: only when the form's render time is known or required.
  const Json* rendered = lead.find(config.rendered_at_field);
  const bool has_rendered = rendered != nullptr && !rendered->is_null();
  if (has_rendered || config.require_fill_time) {
    if (options.now.empty())
      return Error{"now_missing", "/now", "the submission instant \"now\" is required to check the form's fill time"};
    const auto now = parse_instant(options.now);
    if (!now) return Error{"now_invalid", "/now", "\"now\" is not a valid instant: " + now.error().message};
    checks::Emitter form(config.rendered_at_field, "", options.language, config, findings);
    std::optional<std::int64_t> rendered_ms;
    if (has_rendered) {
      const auto parsed = rendered->is_string() ? parse_instant(rendered->get_ref<const std::string&>())
                                                : Expected<std::int64_t>(Error{"wrong_type", "", ""});
      if (!parsed) {
        form.add("form_time_invalid", Severity::Block,
                 form.tr("The form's render time is not a valid instant (ISO-8601 with an offset).",
                         "L'heure d'affichage du formulaire n'est pas un instant valide (ISO-8601 avec décalage)."));
      } else {
        rendered_ms = parsed.value();
      }
    }
    if (!has_rendered || rendered_ms) checks::check_fill_time(form, rendered_ms, now.value());
  }

  int quality = 100;
  bool blocked = false;
  for (const Finding& f : findings) {
    quality -= penalty_of(config, f);
    blocked = blocked || f.severity == Severity::Block;
  }
  out.score = std::max(quality, 0);
  out.verdict = blocked || out.score < config.spam_below ? "spam"
                : out.score < config.suspicious_below    ? "suspicious"
                                                         : "ok";
  return std::nullopt;
}

// The tree is read back from the text writer (below), so the two cannot differ.
Json lead_quality_json(const CheckConfig& config, const LeadQuality& quality) {
  std::string text;
  write_lead_quality(config, quality, text);
  return parse_json(text, "the findings", std::numeric_limits<std::size_t>::max()).value();
}

Expected<Json> check_lead(const CheckConfig& config, const Json& lead, const LeadCheckOptions& options) {
  LeadQuality quality;
  if (auto error = check_lead_into(config, lead, options, quality)) return *error;
  return lead_quality_json(config, quality);
}

}  // namespace leadscore

namespace leadscore {
namespace {

using json_text::ArrayWriter;
using json_text::ObjectWriter;

// A finding as finding_json() builds it, keys in byte-wise order.
void write_finding(const Finding& f, std::string& out) {
  ObjectWriter o(out);
  o.string("code", f.code);
  o.string("field", f.field);
  o.string("message", f.message);
  o.string("severity", severity_name(f.severity));
  if (f.span) {
    ArrayWriter span(o.key("span"));
    json_text::append_int(span.next(), f.span->start);
    json_text::append_int(span.next(), f.span->end);
  }
  if (f.suggestion) o.string("suggestion", *f.suggestion);
}

void write_findings(const LeadQuality& quality, std::string& out) {
  ArrayWriter list(out);
  for (const Finding& f : quality.findings) write_finding(f, list.next());
}

// "reasons", "score", "verdict": the members lead_quality_json()'s "quality" object has.
void write_verdict_members(const CheckConfig& config, const LeadQuality& quality, ObjectWriter& o) {
  {
    ArrayWriter reasons(o.key("reasons"));
    for (const Finding& f : quality.findings) {
      if (!(penalty_of(config, f) > 0 || f.severity == Severity::Block)) continue;
      ObjectWriter reason(reasons.next());
      reason.string("code", f.code);
      reason.string("field", f.field);
      reason.string("severity", severity_name(f.severity));
    }
  }
  o.integer("score", quality.score);
  o.string("verdict", quality.verdict);
}

}  // namespace

void write_data_info(const DataInfo& info, const std::vector<std::string>& undecided, std::string& out) {
  ObjectWriter o(out);
  o.string("tier", info.tier);
  if (!undecided.empty()) {
    std::string& codes = o.key("undecided");
    codes += '[';
    for (std::size_t i = 0; i < undecided.size(); ++i) {
      if (i) codes += ',';
      json_text::append_string(codes, undecided[i]);
    }
    codes += ']';
  }
  o.string("version", info.version);
}

void write_lead_quality(const CheckConfig& config, const LeadQuality& quality, std::string& out) {
  ObjectWriter o(out);
  write_data_info(data_info(*config.data), quality.undecided, o.key("data"));
  write_findings(quality, o.key("findings"));
  ObjectWriter verdict(o.key("quality"));
  write_verdict_members(config, quality, verdict);
}

void write_score_quality(const CheckConfig& config, const LeadQuality& quality, bool blocked, std::string& out) {
  ObjectWriter o(out);
  o.boolean("blocked", blocked);
  write_findings(quality, o.key("findings"));
  write_verdict_members(config, quality, o);
}

}  // namespace leadscore
