#include "gibberish.h"

#include <algorithm>
#include <vector>

#include "keyboard_mash.h"
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
  const bool company = model == TextModel::Company;
  const std::int16_t* table = company ? models.company.data() : models.person.data();
  const std::int32_t threshold = company ? models.company_threshold : models.person_threshold;
  GibberishScore score;
  std::int64_t person_sum = 0;  // company text: also scored as a person's name (see gibberish.h)
  int prev = 0;
  // One word's symbols at a time, so that a company acronym can be dropped whole.
  std::vector<int> word;
  bool all_capitals = true;
  auto flush = [&] {
    if (word.empty()) return;
    const bool acronym = company && all_capitals && word.size() >= 2 && word.size() <= 5;
    if (!acronym) {
      for (int s : word) {
        score.sum += table[prev * kSymbols + s];
        person_sum += models.person[prev * kSymbols + s];
        ++score.transitions;
        prev = s;
        ++score.letters;
      }
      score.sum += table[prev * kSymbols + 0];
      person_sum += models.person[prev * kSymbols + 0];
      ++score.transitions;
      prev = 0;
      // A company's words are often names: a mash must be unlike both.
      if (keyboard_mash(word, models.person.data()) && (!company || keyboard_mash(word, models.company.data())))
        score.mash = true;
    }
    word.clear();
    all_capitals = true;
  };
  bool after_small_letter = false;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = next_code_point(text, i);
    const int s = symbol_of(models.folds, c);
    if (s == -2) return GibberishScore{};  // not judged: a script the model does not know
    if (s == -1) continue;
    if (s == 0) {
      flush();
      after_small_letter = false;
      continue;
    }
    const bool upper = is_upper(c);
    if (upper && after_small_letter) flush();  // "McGraw", "DiCaprio": a capital starts a part
    after_small_letter = is_lower(c);
    if (!upper) all_capitals = false;
    word.push_back(s);
  }
  flush();
  score.judged = score.letters >= kGibberishMinLetters;
  score.unlikely = score.judged && score.sum < static_cast<std::int64_t>(threshold) * score.transitions;
  if (company && score.unlikely)
    score.unlikely = person_sum < static_cast<std::int64_t>(models.person_threshold) * score.transitions;
  score.mash = score.judged && score.mash;
  score.gibberish = score.unlikely || score.mash;
  return score;
}

bool name_model_held_out(std::string_view lower_utf8) {
  std::uint32_t h = 0x811c9dc5u;
  for (char c : lower_utf8) h = (h ^ static_cast<unsigned char>(c)) * 0x01000193u;
  return h % 2 == 0;
}

}  // namespace leadscore::checks
