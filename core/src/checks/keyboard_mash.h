// Keyboard mashes ("hfdasifasiudfhasuihfeauilfasiuhfua"): letters typed by hands resting on the
// home row, which a bigram model of names can find plausible enough because such mashes are full of
// a, i, o, u, e. The test is a likelihood ratio between two explanations of a long word:
//   typed blindly, each letter drawn from a keyboard distribution where a home-row key is 6 times
//   and a top-row key 4 times as likely as a bottom-row key (QWERTY, AZERTY, QWERTZ rows), or
//   written as a name, each letter drawn from the name model's bigram p(letter | previous).
// A word of kMashMinLetters or more letters is a mash when, for some layout, the keyboard
// explanation wins by more than kMashMargin per letter (1/256 bit, integer arithmetic only).
// docs/checks/names.md has the measurements behind both constants.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace leadscore::checks {

/// Long words only: Danish and Norwegian names of 10 or 11 letters (Kjærsgaard, Kjeldsgaard,
/// Juulsgaard) are home-row letters too, and the name lists have few of them.
constexpr std::size_t kMashMinLetters = 12;
/// 200/256 = 0.78 bit per letter in favour of the keyboard.
constexpr std::int64_t kMashMargin = 200;

/// `word` holds symbols 1..26 (a..z), `table` a 27 x 27 bigram table of the name model
/// (row = previous symbol, 0 = word start). False for words shorter than kMashMinLetters.
bool keyboard_mash(const std::vector<int>& word, const std::int16_t* table);

}  // namespace leadscore::checks
