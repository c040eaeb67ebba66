// Person and company name checks: the orchestration of name_case, keyboard patterns and the
// gibberish model, with the "dominates the field" rules of docs/checks/names.md.
#include "names.h"

#include <string>
#include <vector>

#include "gibberish.h"
#include "keyboard.h"
#include "name_case.h"
#include "unicode_case.h"
#include "utf8.h"

namespace leadscore::checks {
namespace {

// The value decoded once: code points, the byte offset of each (plus one past the end), and the
// small-letter form for the case-blind matchers (sequences, repeats).
struct Decoded {
  std::u32string text, lower;
  std::vector<std::size_t> offset;
};

Decoded decode(std::string_view value) {
  Decoded d;
  d.text.reserve(value.size());
  d.lower.reserve(value.size());
  d.offset.reserve(value.size() + 1);
  for (std::size_t i = 0; i < value.size();) {
    d.offset.push_back(i);
    const char32_t c = next_code_point(value, i);
    d.text.push_back(c);
    d.lower.push_back(to_lower(c));
  }
  d.offset.push_back(value.size());
  return d;
}

// A run found in one word: code-point range [start, end) of the whole value.
struct Run {
  std::size_t start = 0, end = 0;
  bool found() const { return end > start; }
  std::size_t length() const { return end - start; }
};

// A run dominates its word when it covers at least 60% of it (4 keys of "Doherty" do not), or is
// 6 code points or longer. Runs shorter than 4 never count.
bool dominates(std::size_t run, std::size_t word) { return run >= 4 && (run * 5 >= word * 3 || run >= 6); }

bool is_vowel(char32_t c) {
  switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
    case 0xE0: case 0xE4: case 0xE8: case 0xE9: case 0xF6: case 0xF9: case 0xFC:  // à ä è é ö ù ü
      return true;
    default:
      return false;
  }
}

// The short-name rule of keyboard walks. Four keys are a walk only as a word of their own: inside a
// short name they are a syllable or two of it (Hertz, Mertz: e-r-t-z on QWERTZ; Glazer, Blazer:
// a-z-e-r on AZERTY; Averty, Wertag), and even alone they are not when consonants and vowels
// alternate (Reza, Azer: names as common as the keys are, so the name wins). Five keys and more
// keep the dominance rule.
bool walk_dominates(std::u32string_view lower_word, std::size_t start, std::size_t run) {
  if (run != 4) return dominates(run, lower_word.size());
  if (lower_word.size() != 4) return false;
  bool alternates = true;
  for (std::size_t k = 1; k < 4; ++k)
    alternates = alternates && is_vowel(lower_word[start + k]) != is_vowel(lower_word[start + k - 1]);
  return !alternates;
}

bool all_letters(std::u32string_view s) {
  for (char32_t c : s)
    if (!is_letter(c)) return false;
  return true;
}

void keep_longest(Run& best, std::size_t start, std::size_t length) {
  if (length > best.length()) best = {start, start + length};
}

struct PatternRuns {
  Run walk, sequence, repeat;
};

// Looks at every white-space separated word. Linear in the value's length: each matcher is linear
// (repeats: units of at most 8 code points).
PatternRuns find_pattern_runs(const Decoded& d) {
  static constexpr Layout kFormLayouts[] = {Layout::Qwerty, Layout::Azerty, Layout::Qwertz};
  PatternRuns runs;
  const std::size_t n = d.text.size();
  std::size_t k = 0;
  while (k < n) {
    while (k < n && is_space(d.text[k])) ++k;
    const std::size_t ws = k;
    while (k < n && !is_space(d.text[k])) ++k;
    const std::size_t wn = k - ws;
    if (wn < 3) continue;
    const std::u32string_view word(d.text.data() + ws, wn), lower(d.lower.data() + ws, wn);
    for (Layout layout : kFormLayouts) {
      std::size_t start = 0;
      const std::size_t len = longest_straight_run(word, layout, start);
      if (walk_dominates(lower, start, len)) keep_longest(runs.walk, ws + start, len);
    }
    for (const auto& m : sequence_matches(lower)) {
      const std::size_t len = m.j - m.i + 1;
      if ((m.delta == 1 || m.delta == -1) && dominates(len, wn)) keep_longest(runs.sequence, ws + m.i, len);
    }
    for (const auto& m : repeat_matches(lower, 8)) {
      const std::size_t len = m.j - m.i + 1;
      const std::size_t reps = len / m.base_length;
      // "aaa" anywhere in letters (no name has three equal letters in a row, Roman numerals
      // aside: "Louis III"); a unit repeated 3+ times ("lalala", "asdasdasd") when it dominates
      // the word. Two repeats are names: "Lulu", "Mimi", "Deedee", "Barbara".
      const bool triple_letter = m.base_length == 1 && len >= 3 && all_letters(lower.substr(m.i, len)) &&
                                 lower.find_first_not_of(U"ivx") != std::u32string_view::npos;
      const bool pattern = dominates(len, wn) && reps >= 3;
      if (triple_letter || pattern) keep_longest(runs.repeat, ws + m.i, len);
    }
  }
  return runs;
}

ByteSpan bytes(const Decoded& d, const Run& r) { return ByteSpan{d.offset[r.start], d.offset[r.end]}; }

void check_patterns(Emitter& e, const Decoded& d, TextModel model) {
  const PatternRuns runs = find_pattern_runs(d);
  if (runs.walk.found())
    e.add("keyboard_walk", Severity::Warn,
          e.tr("This looks like a run of neighbouring keys on a keyboard.",
               "Ceci ressemble à une suite de touches voisines sur le clavier."),
          std::nullopt, bytes(d, runs.walk));
  if (runs.repeat.found())
    e.add("repeated_characters", Severity::Warn,
          e.tr("The same characters are repeated.", "Les mêmes caractères se répètent."), std::nullopt,
          bytes(d, runs.repeat));
  if (runs.sequence.found())
    e.add("character_sequence", Severity::Warn,
          e.tr("This looks like a sequence of consecutive letters or digits.",
               "Ceci ressemble à une suite de lettres ou de chiffres consécutifs."),
          std::nullopt, bytes(d, runs.sequence));
  const NameModel& models = e.data().name_model();
  if (!models.present) {
    e.undecided("gibberish");  // a build without a data pack has no model to judge by
  } else if (gibberish_score(models, e.value(), model).gibberish) {
    if (model == TextModel::Person)
      e.add("gibberish", Severity::Warn,
            e.tr("This does not look like a real name.", "Ceci ne ressemble pas à un vrai nom."));
    else
      e.add("gibberish", Severity::Warn,
            e.tr("This does not look like a real company name.", "Ceci ne ressemble pas à un vrai nom d'entreprise."));
  }
}

bool allowed_in_name(char32_t c) {
  return is_letter(c) || is_mark(c) || is_space(c) || c == '-' || c == 0x2010 || c == 0x2011 || c == '\'' ||
         c == 0x2019 || c == '.' || c == 0xB7 || c == 0x30FB ||  // middle dots: Catalan l·l, katakana ・
         c == 0x200C || c == 0x200D || c == 0x200E || c == 0x200F;  // ZWNJ/ZWJ (Indic, Persian), LRM/RLM
}

// name_characters: the first character a name should not contain. An '@' or a web address gets
// its own message.
void check_characters(Emitter& e, const Decoded& d) {
  std::size_t bad = d.text.size();
  bool digit = false, address = false;
  for (std::size_t k = 0; k < d.text.size(); ++k) {
    const char32_t c = d.text[k];
    if (c == '@') {
      address = true;
      if (bad == d.text.size()) bad = k;
    } else if (!allowed_in_name(c) && bad == d.text.size()) {
      bad = k;
      digit = is_digit(c);
    }
  }
  const std::u32string_view lower(d.lower);
  for (std::u32string_view marker : {std::u32string_view(U"http://"), std::u32string_view(U"https://"), std::u32string_view(U"www.")}) {
    const std::size_t at = lower.find(marker);
    if (at != std::u32string_view::npos) {
      address = true;
      if (at < bad) bad = at;
    }
  }
  if (bad == d.text.size()) return;
  const ByteSpan span{d.offset[bad], d.offset[bad + 1]};
  if (address)
    e.add("name_characters", Severity::Warn,
          e.tr("This looks like an email or web address, not a name.",
               "Ceci ressemble à une adresse e-mail ou web, pas à un nom."),
          std::nullopt, span);
  else if (digit)
    e.add("name_characters", Severity::Warn,
          e.tr("A name should not contain digits.", "Un nom ne devrait pas contenir de chiffres."), std::nullopt,
          span);
  else
    e.add("name_characters", Severity::Warn,
          e.tr("A name should contain only letters, spaces, hyphens, apostrophes and dots.",
               "Un nom ne devrait contenir que des lettres, espaces, traits d'union, apostrophes et points."),
          std::nullopt, span);
}

}  // namespace

void check_person_name(Emitter& e, FieldKind kind) {
  const std::string_view value = e.value();
  const Decoded d = decode(value);
  check_characters(e, d);
  const NameFieldMode mode = kind == FieldKind::FullName ? NameFieldMode::Combined : NameFieldMode::Individual;
  if (name_needs_case_fix(value, mode))
    e.add("name_case", Severity::Warn,
          e.tr("This name is usually written with a capital letter.", "Ce nom s'écrit d'habitude avec une majuscule."),
          fix_name_case(value, mode));
  check_patterns(e, d, TextModel::Person);
}

void check_company_text(Emitter& e) { check_patterns(e, decode(e.value()), TextModel::Company); }

}  // namespace leadscore::checks
