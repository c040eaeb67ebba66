// Grading: how closely a lead matches the ideal customer profile, as one of Pardot's 13 letters
// F, D-, D, D+, C-, C, C+, B-, B, B+, A-, A, A+ (docs/grading.md). Separate from the score.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/logic.h"

namespace leadscore {

using Centipoints = std::int64_t;

/// Grades as ranks: F = 0, D- = 1, D = 2, ... A = 11, A+ = 12. One rank is a third of a letter.
constexpr int kGradeF = 0;
constexpr int kGradeD = 2;
constexpr int kGradeAPlus = 12;

/// "F", "D-", ... "A+" for rank 0..12 ("?" outside).
const char* grade_letter(int rank);
/// The rank of a letter ("B-" -> 7), or nullopt for anything else (case-sensitive).
std::optional<int> parse_grade(std::string_view letter);

/// A profile criterion (Pardot): moves the grade up by `weight` thirds when matched, down when not
/// matched, and not at all when one of its fields is missing (unknown).
struct GradeCriterion {
  std::string id;
  std::string label;
  Logic when;
  int weight = 1;                   ///< 1, 2 or 3 thirds of a letter
  std::vector<std::string> fields;  ///< missing any of these = unknown (default: what `when` reads)
};

/// fit_bands method: a grade for fit points at or above `from`.
struct FitGradeBand {
  int rank = kGradeD;
  Centipoints from = 0;
};

struct Grading {
  enum class Method { Criteria, FitBands } method = Method::Criteria;
  int start = kGradeD;                   ///< Criteria: the starting rank
  std::vector<GradeCriterion> criteria;  ///< Criteria
  std::vector<FitGradeBand> bands;       ///< FitBands: strictly decreasing `from`
};

}  // namespace leadscore
