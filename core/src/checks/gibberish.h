// Gibberish detection for name and company fields: the average character-bigram log-probability
// of the value under a model trained on real names (core/data/name-model.mjs, in the data pack), in
// integer fixed point (1/256 bit) so native and wasm agree bit for bit; and a keyboard-mash test for
// long words (keyboard_mash.h). docs/checks/names.md has the measured rates.
#pragma once
#include <cstddef>
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace leadscore::checks {

/// The gibberish models of a data pack (section "name_model", written by core/data/name-model.mjs).
struct NameModel {
  static constexpr int kSymbols = 27;  ///< 0 = word boundary, 1..26 = a..z
  bool present = false;                ///< false: the pack has no model (tier "none")
  std::int32_t person_threshold = 0;   ///< average log2 p per transition below which a name is gibberish, 1/256 bit
  std::int32_t company_threshold = 0;
  std::array<std::int16_t, kSymbols * kSymbols> person{};   ///< log2 p(next | previous) * 256, row = previous
  std::array<std::int16_t, kSymbols * kSymbols> company{};
  std::vector<std::uint32_t> folds;    ///< (code point << 8) | symbol for accented letters, sorted
};

/// Values with fewer letters than this are not judged.
constexpr int kGibberishMinLetters = 5;

enum class TextModel { Person, Company };

struct GibberishScore {
  bool judged = false;        ///< false: too short, or letters the model does not cover (non-Latin)
  std::int64_t sum = 0;       ///< sum of log2 p over transitions, 1/256 bit
  std::int64_t transitions = 0;
  int letters = 0;
  /// sum / transitions < threshold, compared exactly as sum < threshold * transitions. Company
  /// text must also be unlikely as a person's name (person model and threshold): companies are
  /// often named after people ("Krawczyk", "Wojciechowski & Syn"), and the company model, mostly
  /// English words, knows names less well.
  bool unlikely = false;
  /// A word of kMashMinLetters or more is a keyboard mash (keyboard_mash.h): for a company, under
  /// both the person and the company model.
  bool mash = false;
  /// unlikely or mash: the value gets the `gibberish` finding.
  bool gibberish = false;
};

/// Scores the value under `models` (a present model). Words are split at anything that is not a
/// letter or a mark, and before a capital that follows a small letter ("McGraw" is "Mc" + "Graw",
/// as "O'Brien" is "O" + "Brien"). Company model: words of 2..5 letters written all in capitals
/// are skipped (acronyms: "KPMG", "HSBC").
GibberishScore gibberish_score(const NameModel& models, std::string_view utf8, TextModel model);

/// The train/test split shared with the generator: held out when FNV-1a-32 of the lower-case
/// UTF-8 is even.
bool name_model_held_out(std::string_view lower_utf8);

}  // namespace leadscore::checks
