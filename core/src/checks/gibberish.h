// Gibberish detection for name and company fields: the average character-bigram log-probability
// of the value under a model trained on real names (core/data/gen-name_model.mjs), in integer
// fixed point (1/256 bit) so native and wasm agree bit for bit. docs/checks/names.md has the
// measured rates.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace leadscore::checks {

namespace name_model {
constexpr int kSymbols = 27;  ///< 0 = word boundary, 1..26 = a..z
struct FoldEntry {
  char32_t code_point;
  std::uint8_t symbol;  ///< 1..26
};
// Generated tables (build/.../generated/name_model.cpp).
extern const std::uint32_t kPersonTrainingCount;
extern const std::uint32_t kPersonNameCount;
extern const std::int32_t kPersonThreshold;
extern const std::int32_t kCompanyThreshold;
extern const std::int16_t kPersonBigram[kSymbols * kSymbols];
extern const std::int16_t kCompanyBigram[kSymbols * kSymbols];
extern const FoldEntry kFold[];
extern const std::size_t kFoldCount;
}  // namespace name_model

/// Values with fewer letters than this are not judged.
constexpr int kGibberishMinLetters = 5;

enum class TextModel { Person, Company };

struct GibberishScore {
  bool judged = false;        ///< false: too short, or letters the model does not cover (non-Latin)
  std::int64_t sum = 0;       ///< sum of log2 p over transitions, 1/256 bit
  std::int64_t transitions = 0;
  int letters = 0;
  /// sum / transitions < threshold, compared exactly as sum < threshold * transitions.
  bool gibberish = false;
};

/// Scores the value. Company model: words of 2..5 letters written all in capitals are skipped
/// (acronyms: "KPMG", "HSBC").
GibberishScore gibberish_score(std::string_view utf8, TextModel model);

/// The train/test split shared with the generator: held out when FNV-1a-32 of the lower-case
/// UTF-8 is 0 mod 5.
bool name_model_held_out(std::string_view lower_utf8);

}  // namespace leadscore::checks
