// Evaluating a model (calibrated or hand-written) on historical leads: ROC AUC, log loss, Brier
// score, deciles, bands, band volumes per week or month, and the score threshold that matches a
// sales team's capacity. User guide: docs/evaluation.md; design: docs/design/issue-6-spec.md.
#pragma once
#include <cstddef>
#include <cstdint>
#include <istream>
#include <functional>
#include <string>
#include <vector>

#include "leadscore/error.h"
#include "leadscore/json.h"
#include "leadscore/model.h"

namespace leadscore {

struct EvaluationOptions {
  std::string outcome;  ///< the outcome column (required)
  std::vector<std::string> positive{"1", "true", "yes", "y", "won", "converted"};
  std::vector<std::string> negative{"0", "false", "no", "n", "lost", "not converted"};
  std::string date_column;  ///< ISO dates or instants; enables "periods" and per-period capacity
  enum class Period { Week, Month } period = Period::Week;
  /// Sales capacity: `count` leads per `per` ("week", "month", "all" = the whole file, "percent" =
  /// count % of the rows). count < 0 = not given.
  double capacity_count = -1;
  std::string capacity_per = "week";
  std::string now = "1970-01-01T00:00:00Z";  ///< the instant every record is scored for
  /// Which records are scored (the test part, as calibrate splits them: docs/calibration.md, "Test
  /// split"); none given = every record. test_from (needs date_column) wins over test_fraction,
  /// which wins over test_every.
  std::size_t test_every = 0;
  double test_fraction = 0;
  std::uint64_t test_seed = 1;
  std::string test_from;
  char delimiter = 0;
  std::size_t max_listed_errors = 100;
  /// Optional scheduler: runs work(0) .. work(count - 1), in any order and on any threads, and
  /// returns when all are done. The rows of a batch are scored through it (the native CLI passes
  /// its thread pool; the core itself starts no thread). Empty: one after the other. The
  /// evaluation is the same either way.
  std::function<void(std::size_t count, const std::function<void(std::size_t)>& work)> parallel_for;
};

/// Reads the JSON options ({outcome, positive, negative, date_column, period, capacity: {count,
/// per}, now, delimiter}); bad values are "options_invalid" at their pointer.
Expected<EvaluationOptions> evaluation_options_from_json(const Json& options);

/// Parses "200/week", "50/month", "300" (the whole file) or "15%". Error "options_invalid".
Expected<std::pair<double, std::string>> parse_capacity(const std::string& text);

/// Scores every record of `csv` with `model` and aggregates (layout: docs/evaluation.md). A
/// record that cannot be used (bad outcome, bad date, ragged row, score error) is listed in
/// "errors" with its line and counted, never dropped silently. Errors for the whole call:
/// column_not_found, history_empty, history_too_large (over 50,000,000 records), options_invalid.
/// One class only is not an error: "auc" is null and the warning one_class says why.
Expected<Json> evaluate(const Model& model, std::istream& csv, const EvaluationOptions& options);

}  // namespace leadscore
