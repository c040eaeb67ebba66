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
  /// Internal: the lead's slot of each of `fields` (all declared), resolved when the model is
  /// parsed, so that grading a lead looks each up directly rather than by name.
  std::vector<std::size_t> field_slots;
  /// The start of its step in a result ({"criterion":...,"label":...), written at parse time.
  std::string result_head;
};

/// fit_bands method: a grade for fit points at or above `from`.
struct FitGradeBand {
  int rank = kGradeD;
  Centipoints from = 0;
};

/// One criterion's part in a grade: an element of an explain result's "grade.steps".
struct GradeStep {
  enum class State : std::uint8_t { Match, NoMatch, Unknown };
  std::uint32_t criterion = 0;  ///< index into Grading::criteria
  State state = State::Unknown;
  int thirds = 0;               ///< +weight on a match, -weight otherwise, 0 when unknown
  /// The criterion's fields the lead lacks: GradeExplanation::missing[missing_begin, missing_end).
  std::uint32_t missing_begin = 0, missing_end = 0;
};

/// A sales team's grade adjustment as applied: an element of "grade.adjustments".
struct AppliedGradeAdjustment {
  std::size_t index = 0;   ///< position in the feedback's adjustments
  std::string by;
  std::optional<int> set;  ///< the rank it set, or
  int thirds = 0;          ///< the thirds it added
};

/// Why a lead has its grade, as values: what an explain result's "grade" object shows besides the
/// letter. Filled by scoring with Detail::Explain; reused from lead to lead (clear()).
struct GradeExplanation {
  std::vector<GradeStep> steps;                  ///< criteria method: one per criterion, in order
  std::vector<const std::string*> missing;       ///< missing field names (into the criteria's fields)
  std::vector<AppliedGradeAdjustment> adjustments;
  const char* clamped = nullptr;                 ///< "F" or "A+" when the sum went past that end
  void clear() {
    steps.clear();
    missing.clear();
    adjustments.clear();
    clamped = nullptr;
  }
};

struct Grading {
  enum class Method { Criteria, FitBands } method = Method::Criteria;
  int start = kGradeD;                   ///< Criteria: the starting rank
  std::vector<GradeCriterion> criteria;  ///< Criteria
  std::vector<FitGradeBand> bands;       ///< FitBands: strictly decreasing `from`
};

}  // namespace leadscore
