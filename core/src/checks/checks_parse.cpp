#include "checks/checks_parse.h"

#include <algorithm>

namespace leadscore::model_detail {
namespace {

bool known_code(std::string_view code) {
  const auto& codes = finding_codes();
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

std::optional<Severity> parse_severity(const std::string& s) {
  if (s == "info") return Severity::Info;
  if (s == "warn") return Severity::Warn;
  if (s == "block") return Severity::Block;
  return std::nullopt;
}

// An object whose keys must be finding codes; calls `each(code, value, pointer)`.
template <class F>
void for_each_code(Reader& r, const Json& section, const char* key, F each) {
  const Json* map = r.member(section, "/checks", key, false);
  if (!map || !r.expect_object(*map, std::string("/checks/") + key, key)) return;
  for (auto it = map->begin(); it != map->end() && !r.failed(); ++it) {
    const std::string p = std::string("/checks/") + key + "/" + pointer_token(it.key());
    if (!known_code(it.key())) {
      r.fail("unknown_check_code", p, "\"" + it.key() + "\" is not a finding code (docs/form-checks.md lists them)");
      return;
    }
    each(it.key(), *it, p);
  }
}

int percent(Reader& r, const Json& object, const std::string& pointer, const char* key, int fallback) {
  const auto v = r.integer(object, pointer, key, false);
  if (!v) return fallback;
  if (*v < 0 || *v > 100) {
    r.fail("out_of_range", pointer + "/" + key, std::string("\"") + key + "\" must be between 0 and 100");
    return fallback;
  }
  return static_cast<int>(*v);
}

}  // namespace

std::optional<CheckConfig> read_checks(Reader& r, const Json& section, const std::set<std::string>& group_ids) {
  if (!r.expect_object(section, "/checks", "\"checks\"")) return std::nullopt;
  r.only_keys(section, "/checks", {"fields", "country_field", "rendered_at_field", "free_email", "severity",
                                   "min_fill_seconds", "require_fill_time", "quality", "points", "group",
                                   "spam_blocks_score", "description"});
  CheckConfig config = CheckConfig::defaults();
  if (const Json* fields = r.member(section, "/checks", "fields", false);
      fields && r.expect_object(*fields, "/checks/fields", "\"fields\"")) {
    config.fields.clear();
    for (auto it = fields->begin(); it != fields->end() && !r.failed(); ++it) {
      const std::string p = "/checks/fields/" + pointer_token(it.key());
      const auto kind = it->is_string() ? parse_field_kind(it->get<std::string>()) : std::nullopt;
      if (!kind) {
        r.fail("unknown_field_kind", p,
               "a field's kind must be one of email, first_name, last_name, name, company, phone, website, honeypot, text");
        break;
      }
      config.fields.emplace(it.key(), *kind);
    }
  }
  if (section.contains("country_field")) config.country_field = r.string(section, "/checks", "country_field", false);
  if (section.contains("rendered_at_field"))
    config.rendered_at_field = r.string(section, "/checks", "rendered_at_field", false);
  if (const Json* free = r.member(section, "/checks", "free_email", false)) {
    const std::string s = free->is_string() ? free->get<std::string>() : "";
    if (s == "info") config.free_email = FreeEmailPolicy::Info;
    else if (s == "penalty") config.free_email = FreeEmailPolicy::Penalty;
    else if (s == "block") config.free_email = FreeEmailPolicy::Block;
    else r.fail("wrong_value", "/checks/free_email", "\"free_email\" must be \"info\", \"penalty\" or \"block\"");
  }
  for_each_code(r, section, "severity", [&](const std::string& code, const Json& v, const std::string& p) {
    const auto severity = v.is_string() ? parse_severity(v.get<std::string>()) : std::nullopt;
    if (!severity) r.fail("wrong_value", p, "a severity is \"info\", \"warn\" or \"block\"");
    else config.severity.emplace(code, *severity);
  });
  if (const auto seconds = r.integer(section, "/checks", "min_fill_seconds", false)) {
    if (*seconds < 0 || *seconds > 86400) r.fail("out_of_range", "/checks/min_fill_seconds", "\"min_fill_seconds\" must be between 0 and 86400");
    else config.min_fill_ms = *seconds * 1000;
  }
  config.require_fill_time = r.boolean(section, "/checks", "require_fill_time", false);
  config.spam_blocks_score = r.boolean(section, "/checks", "spam_blocks_score", false);

  if (const Json* q = r.member(section, "/checks", "quality", false);
      q && r.expect_object(*q, "/checks/quality", "\"quality\"")) {
    r.only_keys(*q, "/checks/quality", {"info", "warn", "block", "penalties", "suspicious_below", "spam_below"});
    config.info_penalty = percent(r, *q, "/checks/quality", "info", config.info_penalty);
    config.warn_penalty = percent(r, *q, "/checks/quality", "warn", config.warn_penalty);
    config.block_penalty = percent(r, *q, "/checks/quality", "block", config.block_penalty);
    config.suspicious_below = percent(r, *q, "/checks/quality", "suspicious_below", config.suspicious_below);
    config.spam_below = percent(r, *q, "/checks/quality", "spam_below", config.spam_below);
    if (!r.failed() && config.spam_below > config.suspicious_below)
      r.fail("out_of_range", "/checks/quality/spam_below", "\"spam_below\" must not exceed \"suspicious_below\"");
    if (const Json* pen = r.member(*q, "/checks/quality", "penalties", false);
        pen && r.expect_object(*pen, "/checks/quality/penalties", "\"penalties\"")) {
      for (auto it = pen->begin(); it != pen->end() && !r.failed(); ++it) {
        const std::string p = "/checks/quality/penalties/" + pointer_token(it.key());
        if (!known_code(it.key())) {
          r.fail("unknown_check_code", p, "\"" + it.key() + "\" is not a finding code (docs/form-checks.md lists them)");
          break;
        }
        config.penalties.emplace(it.key(), percent(r, *pen, "/checks/quality/penalties", it.key().c_str(), 0));
      }
    }
  }

  for_each_code(r, section, "points", [&](const std::string& code, const Json&, const std::string&) {
    const Json& map = section["points"];
    if (const auto pts = r.points(map, "/checks/points", code.c_str(), true)) config.points.emplace(code, *pts);
  });
  if (!config.points.empty()) {
    config.group = r.string(section, "/checks", "group", true);
    if (!r.failed() && group_ids.count(config.group) == 0)
      r.fail("unknown_group", "/checks/group", "\"group\" must name one of the model's groups");
  }
  if (r.failed()) return std::nullopt;
  return config;
}

}  // namespace leadscore::model_detail
