// The 13 grade letters and their ranks.
#include "leadscore/grading.h"

namespace leadscore {
namespace {
constexpr const char* kLetters[] = {"F", "D-", "D", "D+", "C-", "C", "C+", "B-", "B", "B+", "A-", "A", "A+"};
}  // namespace

const char* grade_letter(int rank) { return rank >= kGradeF && rank <= kGradeAPlus ? kLetters[rank] : "?"; }

std::optional<int> parse_grade(std::string_view letter) {
  for (int rank = kGradeF; rank <= kGradeAPlus; ++rank)
    if (letter == kLetters[rank]) return rank;
  return std::nullopt;
}

}  // namespace leadscore
