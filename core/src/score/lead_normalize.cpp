#include "score/lead_normalize.h"

#include <algorithm>
#include <cmath>

#include "logic/js_value.h"
#include "leadscore/time.h"

namespace leadscore {
namespace {

std::string_view trim_ascii(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n\f\v");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n\f\v");
  return s.substr(b, e - b + 1);
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

// Writes a string into a slot, reusing the slot's string (and its capacity) when it holds one.
void set_string(Json& slot, std::string_view text) {
  if (slot.is_string()) slot.get_ref<std::string&>().assign(text.data(), text.size());
  else slot = std::string(text);
}

// A strict decimal number: [+-]?digits[.digits]?([eE][+-]?digits)?  (no hex, no "Infinity").
bool parse_decimal(std::string_view s, double& out) {
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
  out = js::number_from_text(s);
  return std::isfinite(out);
}

// `text` is set when the value is a string (already trimmed).
bool as_number(const Json& v, const std::string_view* text, double& out) {
  if (v.is_number()) {
    out = js::to_number(v);
    return std::isfinite(out);
  }
  return text != nullptr && parse_decimal(*text, out);
}

bool as_boolean(const Json& v, const std::string_view* text, bool& out) {
  if (v.is_boolean()) { out = v.get<bool>(); return true; }
  if (v.is_number()) {
    const double d = js::to_number(v);
    if (d == 0 || d == 1) { out = d == 1; return true; }
    return false;
  }
  if (text == nullptr) return false;
  for (const char* word : {"true", "yes", "1"})
    if (equal_ignoring_ascii_case(*text, word)) { out = true; return true; }
  for (const char* word : {"false", "no", "0"})
    if (equal_ignoring_ascii_case(*text, word)) { out = false; return true; }
  return false;
}

}  // namespace

Json make_warning(const std::string& code, const std::string& path, const std::string& message) {
  return Json{{"code", code}, {"path", path}, {"message", message}};
}

void normalize_lead_into(const Model& model, const LeadRecord& lead, std::int64_t today, FieldSlots& out, Json& warnings) {
  out.reset(&model.field_names());
  const auto& fields = model.fields();
  // The member each field reads, found in one pass over the lead: [2i] under the field's name,
  // [2i + 1] under its column. A search per field, and another per column for a CRM export's row
  // (named by columns), cost more than the rules on a wide row. The last of a repeated key wins,
  // as with LeadRecord::find().
  std::vector<const Json*>& by_key = out.member_lookup;  // kept from lead to lead
  by_key.assign(2 * fields.size(), nullptr);
  const auto& keys = model.field_keys();
  lead.for_each_member([&](std::string_view key, const Json& value) {
    auto it = std::lower_bound(keys.begin(), keys.end(), key,
                               [](const std::pair<std::string, std::uint32_t>& k, std::string_view x) { return k.first < x; });
    for (; it != keys.end() && it->first == key; ++it) by_key[it->second] = &value;
  });
  for (std::size_t index = 0; index < fields.size(); ++index) {
    const FieldSpec& field = fields[index];
    // Path and wording are built only for a warning (most fields are fine).
    auto warn = [&](const char* code, const char* what) {
      warnings.push_back(make_warning(code, "/" + pointer_token(field.name), "field \"" + field.name + "\"" + what));
    };
    const Json* found = by_key[2 * index];
    if (found == nullptr) found = by_key[2 * index + 1];  // a CRM export's header (when the field has a column)
    static const Json kNull = nullptr;
    const Json& value = found == nullptr ? kNull : *found;
    // A string value as the rules see it: without surrounding ASCII white space.
    std::string_view text;
    if (value.is_string()) text = trim_ascii(value.get_ref<const std::string&>());
    const std::string_view* string = value.is_string() ? &text : nullptr;
    if (value.is_null() || (string != nullptr && text.empty())) {
      if (field.required) warn("missing_required_field", " is required but missing");
      continue;
    }
    switch (field.type) {
      case FieldType::String:
        if (string == nullptr) { warn("field_type", " must be a string"); continue; }
        set_string(out.fill(index), text);
        break;
      case FieldType::Email: {
        if (string == nullptr) { warn("field_type", " must be a string"); continue; }
        const auto at = text.find('@');
        if (at == std::string_view::npos || at == 0 || at + 1 == text.size() ||
            text.find('@', at + 1) != std::string_view::npos) {
          warn("field_format", " is not an email address (one @ with text on both sides)");
          continue;
        }
        Json& slot = out.fill(index);
        set_string(slot, text);
        for (char& c : slot.get_ref<std::string&>()) c = ascii_lower(c);
        break;
      }
      case FieldType::Number:
      case FieldType::Integer: {
        double d = 0;
        const bool integer = field.type == FieldType::Integer;
        if (!as_number(value, string, d) || (integer && d != std::trunc(d))) {
          warn("field_type", integer ? " must be an integer" : " must be a number");
          continue;
        }
        out.fill(index) = js::number(d);
        break;
      }
      case FieldType::Boolean: {
        bool b = false;
        if (!as_boolean(value, string, b)) { warn("field_type", " must be true or false"); continue; }
        out.fill(index) = b;
        break;
      }
      case FieldType::Enum: {
        if (string == nullptr) { warn("field_type", " must be a string"); continue; }
        const std::string* match = nullptr;
        for (const auto& allowed : field.values)
          if (equal_ignoring_ascii_case(allowed, text)) { match = &allowed; break; }
        if (match == nullptr) { warn("field_enum", " is not one of the model's values"); continue; }
        set_string(out.fill(index), *match);
        break;
      }
      case FieldType::Date: {
        const auto days = string != nullptr ? parse_date(text) : Expected<std::int64_t>(Error{});
        if (!days) { warn("field_format", " must be a date YYYY-MM-DD"); continue; }
        if (days.value() > today) warn("date_in_future", " is after the scoring date");
        set_string(out.fill(index), format_date(days.value()));
        break;
      }
    }
  }
}

NormalizedLead normalize_lead(const Model& model, const Json& lead, std::int64_t today) {
  FieldSlots slots;
  Json warnings = Json::array();
  LeadRecord record;
  record.view(lead);
  normalize_lead_into(model, record, today, slots, warnings);
  NormalizedLead out;
  out.fields = slots.object();
  for (auto& w : warnings) out.warnings.push_back(std::move(w));
  return out;
}

}  // namespace leadscore
