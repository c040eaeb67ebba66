// Legal-entity terms (Inc, Ltd, GmbH, SARL, S.A., sp. z o.o., ...) and the text folding used to
// compare them, for company_basename() (company.h). The term list and its sources are in
// legal_terms.cpp and docs/checks/company-phone-form.md.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace leadscore::checks {

/// Caseless, accent-free form of valid UTF-8 text: ASCII and Latin-1/Latin Extended-A letters
/// to lower-case ASCII (é -> e, ł -> l, ø -> o, ß -> ss, æ -> ae, œ -> oe), Greek and Cyrillic
/// capitals to lower case, combining marks (U+0300..036F) dropped, everything else kept.
std::string fold_text(std::string_view text);

/// A word character for trailing-punctuation removal: letters and digits of any script (an
/// approximation by code point ranges: known punctuation, symbol and emoji blocks are not
/// word characters, other non-ASCII code points are), and '_'.
bool is_word_code_point(char32_t c);

/// Whitespace that separates words of a company name (ASCII, no-break and typographic spaces).
bool is_space_code_point(char32_t c);

/// One legal term as normalized tokens: folded, with '.', ',' and '-' removed ("S.A.R.L." ->
/// {"sarl"}, "sp. z o.o." -> {"sp", "z", "oo"}).
using LegalTerm = std::vector<std::string>;

/// Every term, in the order they are tried: more tokens first, then byte-wise by tokens.
const std::vector<LegalTerm>& legal_terms();

/// The indices in legal_terms() (ascending) of the terms whose first token is `token`; empty
/// when none. A name's words select their few candidate terms without trying all of them.
const std::vector<std::size_t>& legal_terms_starting_with(const std::string& token);

/// A token of a name normalized like the terms: fold_text() then '.', ',' and '-' removed.
std::string normalize_token(std::string_view token);

}  // namespace leadscore::checks
