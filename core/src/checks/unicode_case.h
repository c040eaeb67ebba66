// Simple (one code point to one code point) upper/lower case mapping and a rough letter/symbol
// classification, enough for personal and company names. No locale rules (Turkish dotted i,
// Greek final sigma, German capital sharp s are left as they are).
//
// Case coverage (docs/checks/names.md): ASCII; Latin-1 Supplement; Latin Extended-A; the common
// Latin Extended-B letters (Romanian Ș Ț, the caron and hook letters of the Pinyin/African
// orthographies U+01CD..U+0233, the Dž/Lj/Nj digraphs); Latin Extended Additional (Vietnamese,
// Welsh ŵ ŷ); Greek and Coptic basic letters with tonos and dialytika; Cyrillic U+0400..U+052F.
// Anything else maps to itself and is neither upper nor lower.
#pragma once

namespace leadscore::checks {

char32_t to_lower(char32_t cp);
char32_t to_upper(char32_t cp);
inline bool is_upper(char32_t cp) { return to_lower(cp) != cp; }
inline bool is_lower(char32_t cp) { return to_upper(cp) != cp; }

/// Combining marks (U+0300..036F, 1AB0..1AFF, 1DC0..1DFF, 20D0..20FF, FE20..FE2F) and the
/// variation selectors FE00..FE0F.
bool is_mark(char32_t cp);

/// Decimal digits: ASCII, Arabic-Indic, Extended Arabic-Indic, Devanagari, fullwidth.
bool is_digit(char32_t cp);

/// A letter of any script, approximated: ASCII letters, and every code point from U+00C0 up that
/// is not in a punctuation, symbol, digit, control, space, emoji, private-use or mark block
/// (is_symbol_block). Good enough to tell names from symbols; not a Unicode database.
bool is_letter(char32_t cp);

/// Unicode white space used between words (ASCII space and tab, NBSP, U+2000..200A, U+202F,
/// U+205F, U+3000).
bool is_space(char32_t cp);

}  // namespace leadscore::checks
