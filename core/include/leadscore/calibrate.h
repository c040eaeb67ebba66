// Calibration from historical leads: read a CRM export with an outcome column, report each
// attribute value's close rate (seed-003 points), fit an L2 logistic regression, and export it as
// an ordinary points model with a `probability` section. Design: docs/design/issue-6-spec.md;
// user guide: docs/calibration.md.
//
// Deterministic: the same bytes and options give the same report, coefficients and model, to the
// bit, natively and in WebAssembly (only + - * / and sqrt, our own exp/log; fixed summation order).
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/error.h"
#include "leadscore/json.h"
#include "leadscore/lead_record.h"

namespace leadscore {

/// Options shared by reading, the report, the fit and the export. JSON form (JS, wasm): the keys
/// of docs/calibration.md ("Options"), read by calibration_options_from_json().
struct CalibrationOptions {
  std::string outcome;  ///< the outcome column (required)
  std::vector<std::string> positive{"1", "true", "yes", "y", "won", "converted"};
  std::vector<std::string> negative{"0", "false", "no", "n", "lost", "not converted"};
  std::vector<std::string> columns;         ///< only these columns are features (empty = all)
  std::vector<std::string> ignore;          ///< columns left out
  std::vector<std::string> categorical;     ///< forced categorical
  std::vector<std::string> numeric;         ///< forced numeric
  std::vector<std::string> missing_values;  ///< cell texts read as missing besides blank ones
  std::string date_column;                  ///< never a feature (evaluation reads it)
  std::size_t test_every = 5;               ///< record i is test when i % test_every == 0; 0 = none
  /// Instead of test_every: a share of the records (0..1), picked by a hash of (test_seed, index).
  double test_fraction = 0;
  std::uint64_t test_seed = 1;
  /// Instead of both: the records dated on or after this ISO date (date_column) are the test part.
  std::string test_from;
  /// How the points are learnt (docs/calibration.md, "Methods"): `Logistic`, one weight per level or
  /// bin (L2 logistic regression); `Ebm`, explainable boosting: a shape per column over fine bins
  /// plus up to `interactions` pairwise terms, each a table of points (a bin; a pair of bins).
  enum class Method { Logistic, Ebm } method = Method::Logistic;
  std::size_t interactions = 10;   ///< ebm: pairwise terms at most (0..50)
  int shape_bins = 128;            ///< ebm: quantile bins per numeric column (2..256)
  int rounds = 300;                ///< ebm: boosting rounds over the columns (1..5000)
  int interaction_rounds = 100;    ///< ebm: boosting rounds over the pairs (1..5000)
  double learning_rate = 0.05;     ///< ebm: share of each Newton step taken (0..1]
  enum class NumericMode { Bins, Standardize } numeric_mode = NumericMode::Bins;
  int bins = 10;                       ///< quantile bins per numeric column (2..50)
  std::size_t min_count = 5;           ///< levels with fewer training rows pool into "(other)"
  double l2 = 1.0;                     ///< L2 penalty l2/2*|w|^2 on the summed log loss
  int max_iterations = 100;            ///< Newton iterations
  double tolerance = 1e-8;             ///< converged when max|gradient| <= tolerance*max(1,rows)
  double points_to_double_odds = 20;   ///< scorecard scaling (PDO)
  /// The exported score scale (docs/calibration.md, "Scale and bands"): Training, from just below
  /// the 1st to just above the 99th percentile of the training leads' points; Odds, probability
  /// 5 % (score 0) to 95 % (score 100), the only scale before the scale was fitted (issue 16).
  enum class Scale { Training, Odds } scale = Scale::Training;
  /// The exported bands: Shares, cold / warm / hot holding about band_shares of the training leads;
  /// Fixed, scores 0-29, 30-69, 70-100.
  enum class Bands { Shares, Fixed } bands = Bands::Shares;
  std::vector<double> band_shares{50, 30, 20};  ///< percent of training leads: cold, warm, hot (sum 100)
  double prior_strength = 20;          ///< report: shrinkage pseudo-count
  double points_per_percentage_point = 1;  ///< report: seed-003 scaling
  std::string model_id = "calibrated";
  std::string model_version = "1";
  std::size_t max_rows = 2000000;      ///< more data records: history_too_large
  std::size_t max_levels = 1000;       ///< distinct values kept per categorical column
  std::size_t max_features = 3000;     ///< more one-hot features: too_many_features
  char delimiter = 0;                  ///< ',' or ';'; 0 = detect
};

/// Reads the JSON options object; unknown keys and bad values are "options_invalid" at their pointer.
Expected<CalibrationOptions> calibration_options_from_json(const Json& options);

/// Level names used for values that are not ordinary categories.
inline constexpr const char* kMissingLevel = "(missing)";
inline constexpr const char* kOtherLevel = "(other)";

/// One feature column of a history, typed.
struct HistoryColumn {
  std::string name;  ///< the CSV header
  enum class Kind { Categorical, Numeric } kind = Kind::Categorical;
  /// Categorical: level names; codes index them. Level 0 is always kMissingLevel.
  std::vector<std::string> levels;
  std::vector<std::uint32_t> codes;  ///< categorical: one per record
  std::vector<double> values;        ///< numeric: one per record (NaN = missing)
  bool constant = false;             ///< a single value over the training rows (not a feature)
};

/// A historical CSV in memory: typed feature columns, the outcome and the split. Public so tests
/// and callers can also build one directly.
struct History {
  std::vector<HistoryColumn> columns;   ///< feature columns, in file order
  std::vector<std::uint8_t> outcome;    ///< 1 converted, 0 not; one per record
  std::vector<std::uint8_t> is_test;    ///< 1 test, 0 training; one per record
  std::vector<std::size_t> lines;       ///< CSV line each record starts on
  std::vector<std::string> dates;       ///< date column cells (empty when no date_column)
  Json warnings = Json::array();        ///< {"code","path","message"}
  std::size_t rows() const { return outcome.size(); }
};

/// Streams a CSV into a History. Errors (never naming cell values): column_not_found,
/// outcome_invalid, history_csv, history_empty, history_too_large, outcome_one_class,
/// options_invalid, date_invalid (a time split and a record without a date). Warnings: column_constant,
/// not_a_number, too_many_levels, numeric_as_categorical, identifier_column.
Expected<History> read_history(std::istream& csv, const CalibrationOptions& options);

/// The close-rate report of the training rows (docs/calibration.md, "Close-rate report").
Json close_rate_report(const History& history, const CalibrationOptions& options);

/// One model feature: a categorical level, a numeric bin, or a standardised numeric column.
struct Feature {
  std::size_t column = 0;   ///< index into History::columns
  enum class Kind { Level, Bin, Linear } kind = Kind::Level;
  std::string value;        ///< level name or bin label ("[2, 3)"), or the column name (Linear)
  std::vector<std::uint32_t> levels;  ///< Level: the History level codes this feature covers
  double from = 0, to = 0;  ///< Bin: [from, to) (first bin open below, last open above)
  bool missing_bin = false; ///< Bin: the (missing) bin
  double mean = 0, sd = 1, median = 0;  ///< Linear: standardisation
  std::size_t count = 0;    ///< training rows with this feature active
};

/// A fitted L2 logistic regression.
struct LogisticFit {
  std::vector<Feature> features;
  std::vector<double> weights;      ///< one per feature
  double intercept = 0;
  int iterations = 0;
  bool converged = false;
  double gradient_max = 0;          ///< max |gradient| at the end
  double objective = 0;             ///< penalised log loss at the end
  std::vector<double> objective_history;  ///< after each iteration
  std::size_t train_rows = 0;
};

/// Fits by Newton's method (docs/calibration.md, "Logistic regression"). Errors:
/// too_many_features, outcome_one_class, fit_failed (non-finite values).
Expected<LogisticFit> fit_logistic(const History& history, const CalibrationOptions& options);

/// The log-odds the fit gives record `row` of `history`.
double fit_log_odds(const LogisticFit& fit, const History& history, std::size_t row);

/// The fit as JSON: method, converged, iterations, gradient_max, objective, intercept, features
/// with weights (docs/calibration.md, "Fit report").
Json fit_json(const LogisticFit& fit, const History& history, const CalibrationOptions& options);

/// The fit as an ordinary model document (docs/calibration.md, "Exported model").
/// `source_name` (a file name, never a path with personal folders) goes into the description.
Expected<Json> export_scorecard(const LogisticFit& fit, const History& history,
                                const CalibrationOptions& options, std::string_view source_name);

/// The lead object (header -> cell text, missing cells left out) for a record of `history`, as
/// scoring the exported model sees it.
Json history_lead(const History& history, std::size_t row);
/// The same lead into a reused record (no tree): what calibrate scores its test rows with.
void history_lead_into(const History& history, std::size_t row, LeadRecord& out);

struct Calibration {
  Json report;    ///< close_rate_report()
  Json fit;       ///< fit_json()
  Json model;     ///< export_scorecard()
  Json metrics;   ///< {train, test, test_exported: {auc, log_loss, brier}, rounding_auc_cost}
  Json warnings;  ///< history and fit warnings
};

/// Called as each phase of calibrate() starts ("read", "report", "fit", "export", "score_test")
/// and once at the end ("done"), so a caller can time the phases: the core never reads a clock.
using CalibrationPhaseHook = std::function<void(std::string_view phase)>;

/// Everything: read, report, fit, export, and score the test rows with the exported model through
/// score() to measure what rounding to integer points costs.
Expected<Calibration> calibrate(std::istream& csv, const CalibrationOptions& options,
                                std::string_view source_name, const CalibrationPhaseHook& on_phase = {});

}  // namespace leadscore
