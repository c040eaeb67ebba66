// Names, codes and JSON form of the form-check API (checks.h).
#include "leadscore/checks.h"

namespace leadscore {

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::Info: return "info";
    case Severity::Warn: return "warn";
    case Severity::Block: return "block";
  }
  return "info";
}

std::optional<Language> parse_language(std::string_view tag) {
  if (tag.size() < 2 || (tag.size() > 2 && tag[2] != '-' && tag[2] != '_')) return std::nullopt;
  auto lower = [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); };
  const char a = lower(tag[0]), b = lower(tag[1]);
  if (a == 'e' && b == 'n') return Language::En;
  if (a == 'f' && b == 'r') return Language::Fr;
  return std::nullopt;
}

namespace {
struct KindName {
  FieldKind kind;
  const char* name;
};
constexpr KindName kKindNames[] = {
    {FieldKind::Email, "email"},   {FieldKind::FirstName, "first_name"}, {FieldKind::LastName, "last_name"},
    {FieldKind::FullName, "name"}, {FieldKind::Company, "company"},      {FieldKind::Phone, "phone"},
    {FieldKind::Website, "website"}, {FieldKind::Honeypot, "honeypot"},  {FieldKind::Text, "text"},
};
}  // namespace

const char* field_kind_name(FieldKind kind) {
  for (const auto& k : kKindNames)
    if (k.kind == kind) return k.name;
  return "text";
}

std::optional<FieldKind> parse_field_kind(std::string_view name) {
  for (const auto& k : kKindNames)
    if (name == k.name) return k.kind;
  return std::nullopt;
}

const std::vector<std::string_view>& finding_codes() {
  static const std::vector<std::string_view> codes = {
      // any text field
      "invalid_utf8", "too_long", "control_characters", "wrong_type",
      // email
      "email_syntax", "email_typo", "email_disposable", "email_free", "email_role",
      // names and company text
      "name_case", "name_characters", "keyboard_walk", "repeated_characters", "character_sequence", "gibberish",
      // company, website
      "company_domain_match", "company_domain_mismatch", "website_invalid", "website_email_mismatch",
      // phone
      "phone_characters", "phone_length", "phone_country_code",
      // the form as a whole
      "honeypot_filled", "form_too_fast", "form_time_missing", "form_time_invalid",
  };
  return codes;
}

std::optional<FieldKind> CheckConfig::kind_of(std::string_view field) const {
  const auto it = fields.find(field);
  if (it == fields.end()) return std::nullopt;
  return it->second;
}

CheckConfig CheckConfig::defaults() {
  CheckConfig config;
  config.fields = {{"email", FieldKind::Email},     {"first_name", FieldKind::FirstName},
                   {"last_name", FieldKind::LastName}, {"name", FieldKind::FullName},
                   {"company", FieldKind::Company}, {"phone", FieldKind::Phone},
                   {"website", FieldKind::Website}};
  return config;
}

Json finding_json(const Finding& finding) {
  Json j = {{"field", finding.field}, {"code", finding.code}, {"severity", severity_name(finding.severity)},
            {"message", finding.message}};
  if (finding.suggestion) j["suggestion"] = *finding.suggestion;
  if (finding.span) j["span"] = Json::array({finding.span->start, finding.span->end});
  return j;
}

}  // namespace leadscore
