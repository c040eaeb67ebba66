#include "unicode_case.h"

namespace leadscore::checks {
namespace {

// Blocks where upper and lower case alternate: an even (or odd) code point is the capital and the
// next one its small letter. `upper_even` says which parity holds the capital.
struct PairRange {
  char32_t first, last;
  bool upper_even;
};
constexpr PairRange kPairs[] = {
    {0x0100, 0x012F, true},  {0x0132, 0x0137, true},  {0x0139, 0x0148, false}, {0x014A, 0x0177, true},
    {0x0179, 0x017E, false}, {0x0182, 0x0185, true},  {0x01A0, 0x01A5, true},  {0x01AF, 0x01B0, false},
    {0x01B3, 0x01B6, false}, {0x01CD, 0x01DC, false}, {0x01DE, 0x01EF, true},  {0x01F4, 0x01F5, true},
    {0x01F8, 0x021F, true},  {0x0222, 0x0233, true},  {0x0246, 0x024F, true},  {0x03D8, 0x03EF, true},
    {0x0460, 0x0481, true},  {0x048A, 0x04BF, true},  {0x04C1, 0x04CE, false}, {0x04D0, 0x052F, true},
    {0x1E00, 0x1E95, true},  {0x1EA0, 0x1EFF, true},
};

// Irregular pairs: {capital, small}.
struct Pair {
  char32_t upper, lower;
};
constexpr Pair kSingles[] = {
    {0x0178, 0x00FF}, {0x0130, 0x0069},  // Ÿ ÿ; İ lowers to i (the reverse is not mapped)
    {0x0181, 0x0253}, {0x0186, 0x0254}, {0x0189, 0x0256}, {0x018A, 0x0257}, {0x018E, 0x01DD},
    {0x018F, 0x0259}, {0x0190, 0x025B}, {0x0191, 0x0192}, {0x0193, 0x0260}, {0x0194, 0x0263},
    {0x0196, 0x0269}, {0x0197, 0x0268}, {0x0198, 0x0199}, {0x019D, 0x0272}, {0x019F, 0x0275},
    {0x01A9, 0x0283}, {0x01AE, 0x0288}, {0x01B1, 0x028A}, {0x01B2, 0x028B}, {0x01B7, 0x0292},
    {0x01C4, 0x01C6}, {0x01C7, 0x01C9}, {0x01CA, 0x01CC}, {0x01F1, 0x01F3},  // DŽ dž, LJ lj, NJ nj, DZ dz
    {0x0386, 0x03AC}, {0x0388, 0x03AD}, {0x0389, 0x03AE}, {0x038A, 0x03AF}, {0x038C, 0x03CC},
    {0x038E, 0x03CD}, {0x038F, 0x03CE}, {0x04C0, 0x04CF}, {0x1E9E, 0x00DF},  // ẞ lowers to ß
};

}  // namespace

char32_t to_lower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x0391 && c <= 0x03AB && c != 0x03A2) return c + 32;  // Greek Α..Ϋ
  if (c >= 0x0410 && c <= 0x042F) return c + 32;                  // Cyrillic А..Я
  if (c >= 0x0400 && c <= 0x040F) return c + 80;                  // Ѐ..Џ
  if (c == 0x01C5 || c == 0x01C8 || c == 0x01CB || c == 0x01F2) return c + 1;  // title-case digraphs
  for (const auto& p : kSingles)
    if (p.upper == c) return p.lower;
  for (const auto& r : kPairs)
    if (c >= r.first && c <= r.last) return ((c % 2 == 0) == r.upper_even) ? c + 1 : c;
  return c;
}

char32_t to_upper(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') ? c - 32 : c;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
  if (c == 0x03C2) return 0x03A3;                                 // final sigma
  if (c >= 0x03B1 && c <= 0x03CB) return c - 32;                  // α..ϋ
  if (c >= 0x0430 && c <= 0x044F) return c - 32;                  // а..я
  if (c >= 0x0450 && c <= 0x045F) return c - 80;                  // ѐ..џ
  if (c == 0x01C5 || c == 0x01C8 || c == 0x01CB || c == 0x01F2) return c - 1;
  for (const auto& p : kSingles)
    if (p.lower == c && p.upper != 0x0130 && p.upper != 0x1E9E) return p.upper;
  for (const auto& r : kPairs)
    if (c >= r.first && c <= r.last) return ((c % 2 == 0) != r.upper_even) ? c - 1 : c;
  return c;
}

bool is_mark(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
         (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFE20 && c <= 0xFE2F);
}

bool is_digit(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9) ||
         (c >= 0x0966 && c <= 0x096F) || (c >= 0xFF10 && c <= 0xFF19);
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

bool is_letter(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;  // ª µ º; the rest is controls/symbols
  if (c == 0xD7 || c == 0xF7) return false;                   // × ÷
  if (is_mark(c) || is_digit(c) || is_space(c)) return false;
  // Symbol, punctuation, emoji, private-use and special blocks.
  if (c >= 0x02C2 && c <= 0x02C5) return false;
  if (c == 0x037E || c == 0x0387 || c == 0x0589 || c == 0x05BE || c == 0x05C0 || c == 0x05C3) return false;
  if (c == 0x060C || c == 0x061B || c == 0x061F || (c >= 0x066A && c <= 0x066D) || c == 0x06D4) return false;
  if (c == 0x0964 || c == 0x0965 || c == 0x0E3F) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, currency, letterlike, arrows, math, shapes
  if (c >= 0x2E00 && c <= 0x2E7F) return false;  // supplemental punctuation
  if (c >= 0x3000 && c <= 0x303F) return c == 0x3005;  // CJK punctuation; 々 is a letter
  if (c >= 0xD800 && c <= 0xF8FF) return false;  // surrogates, private use
  if (c >= 0xFE10 && c <= 0xFE6F) return false;  // vertical forms, small forms
  if (c >= 0xFF00 && c <= 0xFF20) return false;  // fullwidth punctuation
  if (c >= 0xFF3B && c <= 0xFF40) return false;
  if (c >= 0xFF5B && c <= 0xFF65) return false;
  if (c >= 0xFFF0 && c <= 0xFFFF) return false;  // specials (U+FFFD replacement character)
  if (c >= 0x1F000 && c <= 0x1FAFF) return false;  // emoji, mahjong, playing cards, pictographs
  if (c >= 0xE0000) return false;                   // tags, supplementary private use
  return true;
}

}  // namespace leadscore::checks
