// check_field(): the one place that decides which checks a field gets. Every value is first made
// safe to look at (valid UTF-8, bounded length, no control characters), then trimmed and handed to
// the check modules of its kind.
#include <string>

#include "company.h"
#include "email.h"
#include "emitter.h"
#include "form_guard.h"
#include "leadscore/checks.h"
#include "names.h"
#include "phone.h"
#include "utf8.h"

namespace leadscore {
namespace {

using checks::ByteSpan;
using checks::Emitter;

// The string value of another form field (the email for the company check, the country for the
// phone check), or "" when the lead lacks it or it is not a string.
std::string_view lead_string(const FieldContext& context, std::string_view name) {
  if (name.empty()) return {};
  const Json* value = nullptr;
  if (context.record != nullptr) {
    value = context.record->find(name);
  } else if (context.lead != nullptr && context.lead->is_object()) {
    const auto it = context.lead->find(name);
    if (it != context.lead->end()) value = &*it;
  }
  if (value == nullptr || !value->is_string()) return {};
  return value->get_ref<const std::string&>();
}

// The first field of the lead that the config says is an email.
std::string_view lead_email(const CheckConfig& config, const FieldContext& lead) {
  for (const auto& [name, kind] : config.fields)
    if (kind == FieldKind::Email) {
      const std::string_view email = lead_string(lead, name);
      if (!email.empty()) return email;
    }
  return {};
}

// C0 and C1 control characters and DEL; tabs and line breaks included (no form field here is
// multi-line). Returns the byte offset of the first one, or npos.
std::size_t first_control(std::string_view value) {
  for (std::size_t i = 0; i < value.size();) {
    const std::size_t at = i;
    const char32_t cp = checks::next_code_point(value, i);
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return at;
  }
  return std::string_view::npos;
}

}  // namespace

void check_field(const CheckConfig& config, std::string_view field, std::string_view value,
                 const FieldContext& context, std::vector<Finding>& out) {
  const auto kind = config.kind_of(field);
  if (!kind) return;
  Emitter whole(field, value, context.language, config, out);
  if (*kind == FieldKind::Honeypot) {  // any content at all is the signal; nothing else matters
    checks::check_honeypot(whole);
    return;
  }
  if (value.size() > config.max_value_bytes) {
    whole.add("too_long", Severity::Block,
              whole.tr("This value is far too long for this field.", "Cette valeur est beaucoup trop longue pour ce champ."));
    return;
  }
  std::size_t bad_at = 0;
  if (!checks::valid_utf8(value, &bad_at)) {
    whole.add("invalid_utf8", Severity::Block,
              whole.tr("This value contains bytes that are not valid text (UTF-8).",
                       "Cette valeur contient des octets qui ne sont pas du texte valide (UTF-8)."));
    // One UTF-16 unit at the first bad byte: everything before it is valid, so its length in
    // UTF-16 is exact, and a bad sequence has no width of its own (a lone surrogate from
    // JavaScript, which arrives as 3 bytes, was one unit there).
    const std::uint32_t start = checks::utf16_length(value, bad_at);
    out.back().span = TextSpan{start, start + 1};
    return;
  }
  if (const std::size_t at = first_control(value); at != std::string_view::npos) {
    std::size_t end = at;
    checks::next_code_point(value, end);
    whole.add("control_characters", Severity::Block,
              whole.tr("This value contains control characters.", "Cette valeur contient des caractères de contrôle."),
              std::nullopt, ByteSpan{at, end});
    return;
  }
  const std::string_view trimmed = checks::trim_ascii(value);
  if (trimmed.empty()) return;  // whether a field is required is the model's business, not a check's
  Emitter e(field, trimmed, context.language, config, out);
  e.set_origin(value);
  e.set_undecided(context.undecided);
  switch (*kind) {
    case FieldKind::Email: checks::check_email(e); break;
    case FieldKind::FirstName:
    case FieldKind::LastName:
    case FieldKind::FullName: checks::check_person_name(e, *kind); break;
    case FieldKind::Company:
      checks::check_company_text(e);
      checks::check_company_domain(e, lead_email(config, context));
      break;
    case FieldKind::Phone: checks::check_phone(e, lead_string(context, config.country_field)); break;
    case FieldKind::Website: checks::check_website(e, lead_email(config, context)); break;
    case FieldKind::Honeypot:
    case FieldKind::Text: break;
  }
}

}  // namespace leadscore
