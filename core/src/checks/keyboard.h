// Typing patterns, with the semantics of zxcvbn's matchers (Dan Wheeler / Dropbox, MIT; the same
// behaviour is tested against zxcvbn-ts's test cases): keyboard walks on adjacency graphs derived
// from layout rows, sequences of code points with a constant step, and repeats.
// Indices are code-point positions in the decoded text, i..j inclusive as in zxcvbn.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace leadscore::checks {

enum class Layout { Qwerty, Azerty, Qwertz, Dvorak, Keypad, KeypadMac };
/// "qwerty", "azerty", "qwertz", "dvorak", "keypad", "keypadMac" (zxcvbn-ts graph names).
const char* layout_name(Layout layout);

struct SpatialMatch {
  std::size_t i = 0, j = 0;  ///< first and last code point of the walk
  int turns = 0;             ///< number of direction changes, counting the first direction as one
  int shifted_count = 0;     ///< keys typed with shift (second character of a key)
};

/// zxcvbn's spatial matcher on one layout: every maximal chain of 3 or more keys where each key
/// is adjacent to the previous one (the same key does not count).
std::vector<SpatialMatch> spatial_matches(std::u32string_view text, Layout layout);

/// The longest straight run on one layout: consecutive keys all stepping in the same direction
/// (e.g. "asdf", "poiu", "1qaz"). Returns its length in code points (0 if none of 2+ keys) and its
/// first index in `start`.
std::size_t longest_straight_run(std::u32string_view text, Layout layout, std::size_t& start);

struct SequenceMatch {
  std::size_t i = 0, j = 0;
  int delta = 0;  ///< step between consecutive code points, 1..5 in absolute value
};
/// zxcvbn's sequence matcher: runs with a constant code-point step of absolute value 1..5, of
/// 3+ characters (2 when the step is +-1). Neighbouring runs share their boundary character.
std::vector<SequenceMatch> sequence_matches(std::u32string_view text);

struct RepeatMatch {
  std::size_t i = 0, j = 0;
  std::size_t base_length = 0;  ///< the repeated unit is text[i, i + base_length)
};
/// zxcvbn's repeat matcher ("aaa", "abab", "aabaab"): from the left, the leftmost place where a
/// unit repeats; of the longest and the shortest repeating unit there, the one covering more;
/// base = the shortest unit tiling the match. Units longer than `max_base` code points are not
/// looked for (work is O(n * max_base) per match instead of quadratic).
std::vector<RepeatMatch> repeat_matches(std::u32string_view text, std::size_t max_base);

}  // namespace leadscore::checks
