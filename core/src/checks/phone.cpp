// Phone number check: allowed characters, then the number of digits of the national significant
// number against the possible lengths of its country (libphonenumber-js metadata, in the data pack).
// Rules and their reasons: docs/checks/company-phone-form.md, "Phone".
#include "phone.h"

#include <string>
#include <vector>

#include "utf8.h"

namespace leadscore::checks {

namespace {

// Without a country, a national number is only checked for 4..17 digits: 17 is the longest
// national significant number libphonenumber allows, 4 rules out obvious junk ("12").
constexpr std::size_t kGenericMin = 4, kGenericMax = 17;
constexpr std::size_t kMaxExtensionDigits = 10;
constexpr std::size_t kKeptDigits = 32;  // enough for every prefix test; the count is kept apart

bool is_digit(char c) { return c >= '0' && c <= '9'; }
char ascii_lower_char(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// An extension at `i`: "ext", "ext.", "x" or "#", optional spaces, then 1..10 digits to the end.
bool extension_at(std::string_view v, std::size_t i) {
  if (v.substr(i, 1) == "#") ++i;
  else if (i + 3 <= v.size() && ascii_lower_char(v[i]) == 'e' && ascii_lower_char(v[i + 1]) == 'x' &&
           ascii_lower_char(v[i + 2]) == 't') {
    i += 3;
    if (i < v.size() && v[i] == '.') ++i;
  } else if (i < v.size() && ascii_lower_char(v[i]) == 'x') ++i;
  else return false;
  while (i < v.size() && v[i] == ' ') ++i;
  const std::size_t digits = v.size() - i;
  if (digits == 0 || digits > kMaxExtensionDigits) return false;
  for (; i < v.size(); ++i)
    if (!is_digit(v[i])) return false;
  return true;
}

bool has_length(std::uint32_t mask, std::size_t n) { return n < 32 && (mask >> n) & 1u; }

// Argentina writes a mobile nationally as trunk 0 + area code + 15 + subscriber number
// ("011 15-2345-6789"), and internationally as +54 9 + area code + subscriber number: what
// libphonenumber's AR rule does (national prefix for parsing "0?(area code)15", transformed to
// "9" + area code). Area codes are 11 or 3 to 4 digits starting with 2 or 3, and an area code and
// its subscriber numbers always make 10 digits, so the 15 is found by position: the digits after
// the trunk 0 (also when left out, or after +54) are 12, with 15 right after such an area code.
// Checked as the 11-digit mobile number they stand for.
bool fits_argentine_national_mobile(const PhonePlan& plan, std::string_view digits, std::size_t count) {
  if (std::string_view(plan.country) != "AR") return false;
  if (count == 13 && digits.front() == '0') {
    digits.remove_prefix(1);
    --count;
  }
  if (count != 12 || digits.size() != 12) return false;
  for (std::size_t area = 2; area <= 4; ++area) {
    const bool area_code = area == 2 ? digits.substr(0, 2) == "11" : (digits[0] == '2' || digits[0] == '3');
    if (area_code && digits.substr(area, 2) == "15") return has_length(plan.lengths, 11);
  }
  return false;
}

// A number that starts with the national prefix ("06 12 34 56 78" in FR, also the "+44 (0)20 ..."
// habit in international form) is checked without it; as it is only when the country's numbers may
// themselves start with that digit. Other numbers are checked as they are.
bool fits_plan(const PhonePlan& plan, const std::string& digits, std::size_t count) {
  if (fits_argentine_national_mobile(plan, digits, count)) return true;
  const std::string_view prefix(plan.national_prefix);
  if (!prefix.empty() && count > prefix.size() && digits.compare(0, prefix.size(), prefix) == 0) {
    if (has_length(plan.lengths, count - prefix.size())) return true;
    return plan.prefix_may_lead && has_length(plan.lengths, count);
  }
  return has_length(plan.lengths, count);
}

// "9", "7, 9 or 10", "4 to 15", "6 to 8 or 10" (French: "ou", "à").
std::string lengths_text(std::uint32_t mask, Language language) {
  std::vector<std::string> items;
  for (unsigned n = 0; n < 32;) {
    if (!has_length(mask, n)) {
      ++n;
      continue;
    }
    unsigned end = n;
    while (end + 1 < 32 && has_length(mask, end + 1)) ++end;
    if (end >= n + 2) {
      items.push_back(std::to_string(n) + tr(language, " to ", " à ") + std::to_string(end));
    } else {
      for (unsigned k = n; k <= end; ++k) items.push_back(std::to_string(k));
    }
    n = end + 1;
  }
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? tr(language, " or ", " ou ") : ", ";
    out += items[i];
  }
  return out;
}

const PhonePlan* plan_for_country(const std::vector<PhonePlan>& plans, std::string_view country) {
  const std::string_view c = trim_ascii(country);
  if (c.size() != 2) return nullptr;
  char iso[3] = {0, 0, 0};
  for (int i = 0; i < 2; ++i) iso[i] = c[i] >= 'a' && c[i] <= 'z' ? static_cast<char>(c[i] - 32) : c[i];
  for (const PhonePlan& plan : plans)
    if (std::string_view(plan.country) == std::string_view(iso, 2)) return &plan;
  return nullptr;
}

// A national number whose country has no known plan: 4..17 digits.
void check_generic_length(Emitter& e, std::size_t count) {
  if (count < kGenericMin || count > kGenericMax) {
    e.add("phone_length", Severity::Warn,
          e.tr("A phone number should have 4 to 17 digits.", "Un numéro de téléphone devrait avoir de 4 à 17 chiffres."));
  }
}

}  // namespace

void check_phone(Emitter& e, std::string_view country) {
  const std::string_view raw = e.value();
  const std::string_view v = trim_ascii(raw);
  if (v.empty() || !valid_utf8(raw)) return;  // invalid UTF-8 is the dispatcher's "invalid_utf8" finding
  const std::size_t base = static_cast<std::size_t>(v.data() - raw.data());

  std::string digits;
  std::size_t count = 0;
  const bool plus = v.front() == '+';
  for (std::size_t i = plus ? 1 : 0; i < v.size();) {
    const char c = v[i];
    if (is_digit(c)) {
      if (digits.size() < kKeptDigits) digits.push_back(c);
      ++count;
    } else if (c == ' ' || c == '(' || c == ')' || c == '-' || c == '.' || c == '/') {
      // separators people type
    } else if (count > 0 && extension_at(v, i)) {
      break;
    } else {
      std::size_t next = i;
      next_code_point(v, next);
      e.add("phone_characters", Severity::Warn,
            e.tr("A phone number may contain only digits, spaces, a + at the start, ( ) - . / and an extension "
                 "such as \"ext 12\".",
                 "Un numéro de téléphone ne peut contenir que des chiffres, des espaces, un + au début, ( ) - . / "
                 "et une extension comme « ext 12 »."),
            std::nullopt, ByteSpan{base + i, base + next});
      return;
    }
    ++i;
  }

  const std::vector<PhonePlan>& plans = e.data().phone_plans();
  const bool international = plus || digits.compare(0, 2, "00") == 0;
  if (plans.empty()) {
    // No numbering plans (a build without a data pack): the country's lengths and the calling
    // code cannot be checked; the generic bounds still can.
    if (international || !trim_ascii(country).empty()) e.undecided("phone_length");
    if (international) e.undecided("phone_country_code");
    check_generic_length(e, count);
    return;
  }
  if (international) {
    if (!plus) {
      digits.erase(0, 2);
      count -= 2;
    }
    // Calling codes are prefix-free (ITU-T E.164), so at most one of 1, 2 or 3 digits matches.
    // No calling code starts with 0.
    for (std::size_t len = 1; len <= 3 && len <= count && digits[0] != '0'; ++len) {
      const unsigned code = static_cast<unsigned>(std::stoul(digits.substr(0, len)));
      std::uint32_t mask = 0;
      bool fits = false;
      const std::string nsn = digits.substr(len);
      for (const PhonePlan& plan : plans) {
        if (plan.calling_code != code) continue;
        mask |= plan.lengths;
        fits = fits || fits_plan(plan, nsn, count - len);
      }
      if (mask == 0) continue;
      if (!fits) {
        e.add("phone_length", Severity::Warn,
              e.tr("After the country code, this number should have ", "Après l'indicatif pays, ce numéro devrait avoir ") +
                  lengths_text(mask, e.language()) + e.tr(" digits.", " chiffres."));
      }
      return;
    }
    e.add("phone_country_code", Severity::Warn,
          e.tr("This number does not start with a known country calling code.",
               "Ce numéro ne commence pas par un indicatif pays connu."));
    return;
  }

  if (const PhonePlan* plan = plan_for_country(plans, country)) {
    if (fits_plan(*plan, digits, count)) return;
    std::string message = e.tr("A phone number of this country should have ", "Un numéro de ce pays devrait avoir ") +
                          lengths_text(plan->lengths, e.language()) + e.tr(" digits", " chiffres");
    if (plan->national_prefix[0] != '\0') {
      message += e.tr(", plus the national prefix ", ", plus le préfixe national ");
      message += plan->national_prefix;
      message += e.tr(" if it is used.", " s'il est utilisé.");
    } else {
      message += '.';
    }
    e.add("phone_length", Severity::Warn, std::move(message));
    return;
  }

  check_generic_length(e, count);
}

}  // namespace leadscore::checks
