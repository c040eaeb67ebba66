#include "gibberish.h"

#include <algorithm>
#include <vector>

#include "unicode_case.h"
#include "utf8.h"

namespace leadscore::checks {
namespace {

constexpr int kSymbols = NameModel::kSymbols;

// Symbol of one code point: 1..26 a letter, 0 a boundary, -1 a mark (skipped), -2 a letter the
// model does not cover.
int symbol_of(const std::vector<std::uint32_t>& folds, char32_t c) {
  if (c < 128) {
    if (c >= 'a' && c <= 'z') return static_cast<int>(c - 'a') + 1;
    if (c >= 'A' && c <= 'Z') return static_cast<int>(c - 'A') + 1;
    return 0;
  }
  // folds are (code point << 8) | symbol, sorted: the first entry not below c << 8 is c's, if any.
  const std::uint32_t key = static_cast<std::uint32_t>(c) << 8;
  const auto it = std::lower_bound(folds.begin(), folds.end(), key);
  if (c <= 0xFFFFFF && it != folds.end() && (*it >> 8) == c) return static_cast<int>(*it & 0xFF);
  if (is_mark(c)) return -1;
  if (is_letter(c)) return -2;
  return 0;
}

}  // namespace

GibberishScore gibberish_score(const NameModel& models, std::string_view text, TextModel model) {
  const std::int16_t* table = model == TextModel::Person ? models.person.data() : models.company.data();
  const std::int32_t threshold = model == TextModel::Person ? models.person_threshold : models.company_threshold;
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
    const int s = symbol_of(models.folds, c);
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
