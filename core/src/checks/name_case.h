// Capitalization of personal names: is a name typed without its capital letters, and what is its
// corrected casing. docs/checks/names.md has the rules and the cases where the suggestion differs
// from the name's usual spelling.
#pragma once
#include <string>
#include <string_view>

namespace leadscore::checks {

enum class NameFieldMode {
  Individual,  ///< a first-name or last-name field: "von Streit" may start with its particle
  Combined,    ///< a full-name field: the first word is always capitalized ("Al Lowe")
};

/// True when a word of the name starts with a small letter and is not a particle written in small
/// letters before another word ("de", "van", "von", "d'", ...). Capitals are never flagged: an
/// all-caps name ("DUPONT", "JEAN", "JJ") is accepted, and so are inner capitals ("McDonald",
/// "DiCaprio", "LaMothe"). Letters without case (Arabic, CJK, ...) are never flagged.
bool name_needs_case_fix(std::string_view name, NameFieldMode mode);

/// The name with every flagged word re-cased from small letters: first letter of each word and of
/// each hyphenated part capitalized, "Mc" + capital, "O'" + capital, particles in small letters
/// unless first (Individual: unless alone), Roman numerals II..XXXIX (not "xi", a surname) in
/// capitals. Words that were not flagged, white space and punctuation are kept as typed.
std::string fix_name_case(std::string_view name, NameFieldMode mode);

}  // namespace leadscore::checks
