#include "gibberish.h"

#include <vector>

#include "unicode_case.h"
#include "utf8.h"

namespace leadscore::checks {
namespace {

using name_model::kSymbols;

// Symbol of one code point: 1..26 a letter, 0 a boundary, -1 a mark (skipped), -2 a letter the
// model does not cover.
int symbol_of(char32_t c) {
  if (c < 128) {
    if (c >= 'a' && c <= 'z') return static_cast<int>(c - 'a') + 1;
    if (c >= 'A' && c <= 'Z') return static_cast<int>(c - 'A') + 1;
    return 0;
  }
  std::size_t lo = 0, hi = name_model::kFoldCount;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (name_model::kFold[mid].code_point < c)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo < name_model::kFoldCount && name_model::kFold[lo].code_point == c) return name_model::kFold[lo].symbol;
  if (is_mark(c)) return -1;
  if (is_letter(c)) return -2;
  return 0;
}

}  // namespace

GibberishScore gibberish_score(std::string_view text, TextModel model) {
  const std::int16_t* table = model == TextModel::Person ? name_model::kPersonBigram : name_model::kCompanyBigram;
  const std::int32_t threshold = model == TextModel::Person ? name_model::kPersonThreshold : name_model::kCompanyThreshold;
  GibberishScore score;
  int prev = 0;
  // One word's symbols at a time, so that a company acronym can be dropped whole.
  std::vector<int> word;
  bool all_capitals = true;
  auto flush = [&] {
    if (word.empty()) return;
    const bool acronym = model == TextModel::Company && all_capitals && word.size() >= 2 && word.size() <= 5;
    if (!acronym) {
      for (int s : word) {
        score.sum += table[prev * kSymbols + s];
        ++score.transitions;
        prev = s;
        ++score.letters;
      }
      score.sum += table[prev * kSymbols + 0];
      ++score.transitions;
      prev = 0;
    }
    word.clear();
    all_capitals = true;
  };
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = next_code_point(text, i);
    const int s = symbol_of(c);
    if (s == -2) return GibberishScore{};  // not judged: a script the model does not know
    if (s == -1) continue;
    if (s == 0) {
      flush();
      continue;
    }
    if (!is_upper(c)) all_capitals = false;
    word.push_back(s);
  }
  flush();
  score.judged = score.letters >= kGibberishMinLetters;
  score.gibberish = score.judged && score.sum < static_cast<std::int64_t>(threshold) * score.transitions;
  return score;
}

bool name_model_held_out(std::string_view lower_utf8) {
  std::uint32_t h = 0x811c9dc5u;
  for (char c : lower_utf8) h = (h ^ static_cast<unsigned char>(c)) * 0x01000193u;
  return h % 5 == 0;
}

}  // namespace leadscore::checks
