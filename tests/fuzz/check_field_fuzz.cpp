// Fuzz target check_field: the first line says what the field is, the rest (every byte, newlines
// included) is its value. The first line is a field kind ("email", "first_name", "last_name",
// "name", "company", "phone", "website", "honeypot", "text"), optionally followed by words that
// set the context: a two-letter country code ("phone AR"), "fr" for French messages, an address
// with '@' as the form's email ("company a@acme.com"). An unknown kind is not a field check.
// The findings must keep check_field's promises: known codes, the field's name, a message, a span
// inside the value.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_models.h"
#include "fuzz_support.h"
#include "fuzz_targets.h"
#include "leadscore/checks.h"

namespace leadscore::fuzz {
namespace {

// The value's length in UTF-16 code units, as check_field counts spans (exact for valid UTF-8).
std::size_t utf16_length(std::string_view text) {
  std::size_t units = 0;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte & 0xC0) != 0x80) units += byte >= 0xF0 ? 2 : 1;
  }
  return units;
}

bool is_country(std::string_view word) {
  return word.size() == 2 && std::isupper(static_cast<unsigned char>(word[0])) &&
         std::isupper(static_cast<unsigned char>(word[1]));
}

}  // namespace

void check_field(std::string_view input) {
  auto [header, value] = split_first_line(input);
  std::vector<std::string_view> words;
  while (!header.empty()) {
    const auto space = header.find(' ');
    if (space != 0) words.push_back(header.substr(0, space));
    if (space == std::string_view::npos) break;
    header.remove_prefix(space + 1);
  }
  if (words.empty()) return;
  const auto kind = parse_field_kind(words[0]);
  if (!kind) return;

  FieldContext context;
  Json lead = Json::object();
  for (std::size_t i = 1; i < words.size(); ++i) {
    if (words[i] == "fr") context.language = Language::Fr;
    else if (is_country(words[i])) lead["country"] = std::string(words[i]);
    else if (words[i].find('@') != std::string_view::npos) lead["email"] = std::string(words[i]);
  }
  if (!lead.empty()) context.lead = &lead;
  std::vector<std::string> undecided;
  context.undecided = &undecided;

  // The field "f" under the defaults, and the default model's own field of that kind.
  CheckConfig config = CheckConfig::defaults();
  config.fields["f"] = *kind;
  const CheckConfig& model_config = default_model().checks();
  std::string model_field = "f";
  for (const auto& [name, field_kind] : model_config.fields)
    if (field_kind == *kind) model_field = name;

  const auto& codes = finding_codes();
  const std::size_t length = utf16_length(value);
  std::vector<Finding> findings;
  for (const auto& [cfg, field] : {std::pair<const CheckConfig*, std::string>{&config, "f"},
                                   std::pair<const CheckConfig*, std::string>{&model_config, model_field}}) {
    findings.clear();
    leadscore::check_field(*cfg, field, value, context, findings);
    bool invalid_utf8 = false;
    for (const auto& finding : findings) {
      require(std::find(codes.begin(), codes.end(), finding.code) != codes.end(), "a finding's code is listed");
      require(finding.field == field, "a finding names its field");
      require(!finding.message.empty(), "a finding has a message");
      invalid_utf8 = invalid_utf8 || finding.code == "invalid_utf8";
      if (finding.span) require(finding.span->start <= finding.span->end, "a span starts before it ends");
    }
    if (!invalid_utf8)
      for (const auto& finding : findings)
        if (finding.span) require(finding.span->end <= length, "a span ends inside the value");
    for (const auto& finding : findings) dump_json(finding_json(finding));
  }
}

}  // namespace leadscore::fuzz
