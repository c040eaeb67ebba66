#include "score/lead_normalize.h"

#include <cmath>

#include "logic/js_value.h"
#include "leadscore/time.h"

namespace leadscore {
namespace {

std::string trim_ascii(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n\f\v");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n\f\v");
  return s.substr(b, e - b + 1);
}

std::string ascii_lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

bool equal_ignoring_ascii_case(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

// A strict decimal number: [+-]?digits[.digits]?([eE][+-]?digits)?  (no hex, no "Infinity").
bool parse_decimal(const std::string& s, double& out) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  const std::size_t int_start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == int_start) return false;
  if (i < s.size() && s[i] == '.') {
    const std::size_t frac_start = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == frac_start) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    const std::size_t exp_start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == exp_start) return false;
  }
  if (i != s.size()) return false;
  out = js::to_number(Json(s));
  return std::isfinite(out);
}

bool as_number(const Json& v, double& out) {
  if (v.is_number()) {
    out = js::to_number(v);
    return std::isfinite(out);
  }
  return v.is_string() && parse_decimal(v.get_ref<const std::string&>(), out);
}

bool as_boolean(const Json& v, bool& out) {
  if (v.is_boolean()) { out = v.get<bool>(); return true; }
  if (v.is_number()) {
    const double d = js::to_number(v);
    if (d == 0 || d == 1) { out = d == 1; return true; }
    return false;
  }
  if (!v.is_string()) return false;
  const std::string s = ascii_lower(v.get<std::string>());
  if (s == "true" || s == "yes" || s == "1") { out = true; return true; }
  if (s == "false" || s == "no" || s == "0") { out = false; return true; }
  return false;
}

}  // namespace

Json make_warning(const std::string& code, const std::string& path, const std::string& message) {
  return Json{{"code", code}, {"path", path}, {"message", message}};
}

NormalizedLead normalize_lead(const Model& model, const Json& lead, std::int64_t today) {
  NormalizedLead out;
  for (const FieldSpec& field : model.fields()) {
    // Path and wording are built only for a warning (most fields are fine).
    auto warn = [&](const char* code, const char* what) {
      out.warnings.push_back(make_warning(code, "/" + pointer_token(field.name), "field \"" + field.name + "\"" + what));
    };
    auto it = lead.find(field.name);
    if (it == lead.end() && !field.column.empty()) it = lead.find(field.column);  // a CRM export's header
    Json value = it == lead.end() ? Json(nullptr) : *it;
    if (value.is_string()) value = trim_ascii(value.get_ref<const std::string&>());
    if (value.is_null() || (value.is_string() && value.get_ref<const std::string&>().empty())) {
      if (field.required) warn("missing_required_field", " is required but missing");
      continue;
    }
    switch (field.type) {
      case FieldType::String:
        if (!value.is_string()) { warn("field_type", " must be a string"); continue; }
        break;
      case FieldType::Email: {
        if (!value.is_string()) { warn("field_type", " must be a string"); continue; }
        const std::string s = ascii_lower(value.get<std::string>());
        const auto at = s.find('@');
        if (at == std::string::npos || at == 0 || at + 1 == s.size() || s.find('@', at + 1) != std::string::npos) {
          warn("field_format", " is not an email address (one @ with text on both sides)");
          continue;
        }
        value = s;
        break;
      }
      case FieldType::Number:
      case FieldType::Integer: {
        double d = 0;
        const bool integer = field.type == FieldType::Integer;
        if (!as_number(value, d) || (integer && d != std::trunc(d))) {
          warn("field_type", integer ? " must be an integer" : " must be a number");
          continue;
        }
        value = js::number(d);
        break;
      }
      case FieldType::Boolean: {
        bool b = false;
        if (!as_boolean(value, b)) { warn("field_type", " must be true or false"); continue; }
        value = b;
        break;
      }
      case FieldType::Enum: {
        if (!value.is_string()) { warn("field_type", " must be a string"); continue; }
        const std::string& given = value.get_ref<const std::string&>();
        const std::string* match = nullptr;
        for (const auto& allowed : field.values)
          if (equal_ignoring_ascii_case(allowed, given)) { match = &allowed; break; }
        if (match == nullptr) { warn("field_enum", " is not one of the model's values"); continue; }
        value = *match;
        break;
      }
      case FieldType::Date: {
        const auto days = value.is_string() ? parse_date(value.get_ref<const std::string&>()) : Expected<std::int64_t>(Error{});
        if (!days) { warn("field_format", " must be a date YYYY-MM-DD"); continue; }
        if (days.value() > today) warn("date_in_future", " is after the scoring date");
        value = format_date(days.value());
        break;
      }
    }
    out.fields[field.name] = std::move(value);
  }
  return out;
}

}  // namespace leadscore
