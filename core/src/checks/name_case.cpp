#include "name_case.h"

#include <vector>

#include "unicode_case.h"
#include "utf8.h"

namespace leadscore::checks {
namespace {

// Name particles written in small letters inside a name (French, Dutch, German, Italian, Spanish,
// Portuguese, Arabic, Hebrew, Welsh), compared in small ASCII letters.
constexpr std::string_view kParticles[] = {
    "a",   "ab",  "al",  "ap",   "auf", "bat", "ben", "bin", "bint", "da",  "dal", "das", "de",
    "dei", "del", "della", "dem", "den", "der", "des", "di",  "do",  "dos", "du",  "el",  "im",
    "la",  "las", "le",  "lo",   "los", "ten", "ter", "van", "vom", "von", "y",   "zu",  "zum", "zur",
};

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool is_hyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// One white-space separated word of the value, as a byte range.
struct Word {
  std::size_t start, end;
};

std::vector<Word> split_words(std::string_view s) {
  std::vector<Word> words;
  std::size_t i = 0, start = 0;
  bool in_word = false;
  while (i < s.size()) {
    const std::size_t at = i;
    const char32_t c = next_code_point(s, i);
    if (is_space(c)) {
      if (in_word) words.push_back({start, at});
      in_word = false;
    } else if (!in_word) {
      start = at;
      in_word = true;
    }
  }
  if (in_word) words.push_back({start, s.size()});
  return words;
}

std::u32string decode(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) out.push_back(next_code_point(s, i));
  return out;
}

std::string encode(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

std::u32string lower(std::u32string s) {
  for (char32_t& c : s) c = to_lower(c);
  return s;
}

bool equals_ascii(const std::u32string& s, std::string_view ascii) {
  if (s.size() != ascii.size()) return false;
  for (std::size_t k = 0; k < s.size(); ++k)
    if (s[k] != static_cast<unsigned char>(ascii[k])) return false;
  return true;
}

bool is_particle(const std::u32string& lowered) {
  for (auto p : kParticles)
    if (equals_ascii(lowered, p)) return true;
  return false;
}

// "d'" or "l'" + rest: the elided French/Italian particle (d'Estaing, l'Hôpital).
bool elided_particle(const std::u32string& lowered) {
  return lowered.size() > 2 && (lowered[0] == 'd' || lowered[0] == 'l') && is_apostrophe(lowered[1]);
}

// Regnal numbers II..XXXIX, but not "xi" (Xi is a surname) and not single letters (initials).
bool roman_numeral(const std::u32string& lowered) {
  static constexpr std::string_view kUnits[] = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
  if (lowered.size() < 2 || equals_ascii(lowered, "xi")) return false;
  std::size_t tens = 0;
  while (tens < lowered.size() && tens < 3 && lowered[tens] == 'x') ++tens;
  const std::u32string units = lowered.substr(tens);
  for (auto u : kUnits)
    if (equals_ascii(units, u)) return true;
  return false;
}

// A word may stay in small letters when it is a particle followed by another word ("van der
// Post"); in Combined mode never as the first word.
bool particle_allowed(const std::u32string& lowered, bool first, bool last, NameFieldMode mode) {
  if (first && mode == NameFieldMode::Combined) return false;
  return !last && is_particle(lowered);
}

// Does this word need re-casing? Its first letter (or the first letter of a hyphenated part) is
// small. "d'Estaing" is fine (the elided particle is small, the name after it is not).
bool word_flagged(const std::u32string& w, bool first, bool last, NameFieldMode mode) {
  const std::u32string lw = lower(w);
  if (particle_allowed(lw, first, last, mode)) return false;
  std::size_t from = 0;
  if (elided_particle(lw) && is_lower(w[0]) && !(first && mode == NameFieldMode::Combined)) from = 2;
  bool part_start = true;
  for (std::size_t k = from; k < w.size(); ++k) {
    const char32_t c = w[k];
    if (is_hyphen(c)) { part_start = true; continue; }
    if (!is_letter(c)) continue;
    if (part_start && is_lower(c)) return true;  // a letter without case (Ἀ, ا) is fine
    part_start = false;
  }
  return false;
}

// Re-cases one word from small letters.
std::u32string recase(const std::u32string& w, bool first, bool last, NameFieldMode mode) {
  std::u32string out = lower(w);
  if (!first && roman_numeral(out)) {
    for (char32_t& c : out) c = to_upper(c);
    return out;
  }
  if (particle_allowed(out, first, last, mode)) return out;
  // An elided particle stays small after the first word: "Valéry Giscard d'Estaing"; first, it is
  // a capital: "D'Angelo".
  const bool small_elision = elided_particle(out) && !first;
  bool part_start = true;
  for (std::size_t k = 0; k < out.size(); ++k) {
    const char32_t c = out[k];
    // O'Brien, d'Estaing, St.John, Jean-Pierre: the letter after these is a capital.
    if (is_hyphen(c) || is_apostrophe(c) || c == '.') { part_start = true; continue; }
    if (!(is_upper(c) || is_lower(c))) continue;
    if (part_start) {
      if (!(small_elision && k == 0)) out[k] = to_upper(c);
      part_start = false;
      // Mc + capital: mcdonald -> McDonald, when two or more letters follow "mc".
      if (out[k] == 'M' && k + 3 < out.size() && out[k + 1] == 'c' && is_lower(out[k + 2]) && is_lower(out[k + 3]))
        out[k + 2] = to_upper(out[k + 2]);
    }
  }
  return out;
}

}  // namespace

bool name_needs_case_fix(std::string_view name, NameFieldMode mode) {
  const auto words = split_words(name);
  for (std::size_t n = 0; n < words.size(); ++n) {
    const auto w = decode(name.substr(words[n].start, words[n].end - words[n].start));
    if (word_flagged(w, n == 0, n + 1 == words.size(), mode)) return true;
  }
  return false;
}

std::string fix_name_case(std::string_view name, NameFieldMode mode) {
  const auto words = split_words(name);
  std::string out;
  std::size_t copied = 0;
  for (std::size_t n = 0; n < words.size(); ++n) {
    const bool first = n == 0, last = n + 1 == words.size();
    const auto w = decode(name.substr(words[n].start, words[n].end - words[n].start));
    out.append(name.substr(copied, words[n].start - copied));
    if (word_flagged(w, first, last, mode))
      out += encode(recase(w, first, last, mode));
    else
      out.append(name.substr(words[n].start, words[n].end - words[n].start));
    copied = words[n].end;
  }
  out.append(name.substr(copied));
  return out;
}

}  // namespace leadscore::checks
