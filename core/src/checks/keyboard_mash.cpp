#include "keyboard_mash.h"

#include <array>

namespace leadscore::checks {
namespace {

constexpr int kSymbols = 27;

// log2 of the keyboard probability of a key, 1/256 bit, by row (home, top, bottom), from the
// weights 6 : 4 : 1. QWERTY and QWERTZ have 9 home, 10 top and 7 bottom letter keys (total
// weight 101), AZERTY 10, 10 and 6 (total 106): round(log2(weight / total) * 256).
enum RowClass : std::uint8_t { kHome, kTop, kBottom };
struct KeyboardModel {
  const char* rows[3];  // home, top, bottom: the letters of each row
  std::int16_t log_p[3];
};
constexpr KeyboardModel kKeyboards[] = {
    {{"asdfghjkl", "qwertyuiop", "zxcvbnm"}, {-1043, -1193, -1705}},   // QWERTY
    {{"qsdfghjklm", "azertyuiop", "wxcvbn"}, {-1061, -1210, -1722}},   // AZERTY
    {{"asdfghjkl", "qwertzuiop", "yxcvbnm"}, {-1043, -1193, -1705}},   // QWERTZ
};

// Per layout, the keyboard log-probability of each symbol 1..26.
using KeyLogs = std::array<std::int16_t, kSymbols>;
const std::array<KeyLogs, 3>& key_logs() {
  static const std::array<KeyLogs, 3> logs = [] {
    std::array<KeyLogs, 3> out{};
    for (std::size_t l = 0; l < 3; ++l) {
      for (int row = 0; row < 3; ++row)
        for (const char* c = kKeyboards[l].rows[row]; *c; ++c) out[l][*c - 'a' + 1] = kKeyboards[l].log_p[row];
    }
    return out;
  }();
  return logs;
}

}  // namespace

bool keyboard_mash(const std::vector<int>& word, const std::int16_t* table) {
  if (word.size() < kMashMinLetters) return false;
  for (const KeyLogs& keys : key_logs()) {
    std::int64_t margin = 0;  // keyboard minus name log-probability of the word's letters
    int prev = 0;
    for (int s : word) {
      margin += keys[s] - table[prev * kSymbols + s];
      prev = s;
    }
    if (margin > kMashMargin * static_cast<std::int64_t>(word.size())) return true;
  }
  return false;
}

}  // namespace leadscore::checks
