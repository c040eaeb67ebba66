// See calibrate_command.h. The flags become the options object of docs/calibration.md, read by the
// core's calibration_options_from_json(): the CLI and JavaScript accept the same options.
#include "calibrate_command.h"

#include <chrono>
#include <iostream>

#include "calibration_summary.h"
#include "exit_codes.h"
#include "history_flags.h"
#include "io_guard.h"
#include "leadscore/calibrate.h"
#include "report_table.h"

namespace leadscore::cli {

const char* const kCalibrateHelp =
    "\n"
    "calibrate: learns a model from historical leads. HISTORY.csv (a file, or - / nothing for\n"
    "  stdin) is a CRM export with one row per lead and an outcome column (converted or not).\n"
    "  Writes an ordinary leadscore model whose fit rules give points per attribute value, plus a\n"
    "  \"probability\" section (docs/calibration.md).\n"
    "  --outcome COL        the outcome column (required)\n"
    "  --positive a,b       values meaning converted (default 1,true,yes,y,won,converted);\n"
    "  --negative c,d       values meaning not converted (default 0,false,no,n,lost,not converted);\n"
    "                       compared trimmed, ASCII case-insensitive. Any other value is an error.\n"
    "  --columns a,b        only these columns are features (default: all others)\n"
    "  --ignore a,b         columns left out (ids, columns filled in after the outcome); repeatable\n"
    "  --categorical a,b    force columns categorical;  --numeric a,b  force them numeric\n"
    "  --missing-values a,b cell texts read as missing besides blank ones (e.g. Select)\n"
    "  --date-column C      never a feature (evaluate reads it)\n"
    "  --test-every N       data record i (0-based) is a test row when i % N == 0; default 5;\n"
    "                       0 = no test set\n"
    "  --test-fraction F    instead: a share F (0..1) of the records, picked by a hash of the\n"
    "                       record index and --test-seed N (default 1): same seed, same rows\n"
    "  --test-from DATE     instead: the records dated on or after DATE (--date-column) are the\n"
    "                       test rows: train on the past, test on the latest period\n"
    "  --method M           logistic (default: one weight per level or bin, L2 logistic\n"
    "                       regression) or ebm (explainable boosting: a shape per column over\n"
    "                       fine bins plus pairwise interactions; ranks like gradient boosting)\n"
    "  --interactions N     ebm: pairwise terms at most, 0..50; default 10\n"
    "  --shape-bins N       ebm: quantile bins per numeric column, 2..256; default 128\n"
    "  --rounds N, --interaction-rounds N   ebm: boosting rounds; defaults 300, 100\n"
    "  --learning-rate X    ebm: share of each boosting step taken, (0, 1]; default 0.05\n"
    "  --numeric-mode M     logistic: bins (default: quantile bins) or standardize\n"
    "  --bins N             quantile bins per numeric column (logistic fit and the report),\n"
    "                       2..50; default 10\n"
    "  --min-count N        levels with fewer training rows pool into (other); default 5\n"
    "  --l2 X               L2 penalty (scikit-learn's C = 1/X); default 1\n"
    "  --max-iterations N   Newton iterations; default 100.   --tolerance X  default 1e-8\n"
    "  --pdo X              points to double the odds; default 20\n"
    "  --scale S            the exported 0-100 scale: training (default: from just below the 1st\n"
    "                       to just above the 99th percentile of the training leads' points) or\n"
    "                       odds (probability 5 % at 0 to 95 % at 100)\n"
    "  --bands B            shares (default: cold, warm, hot hold --band-shares of the training\n"
    "                       leads) or fixed (0-29, 30-69, 70-100)\n"
    "  --band-shares a,b,c  percent of training leads in cold, warm, hot; default 50,30,20\n"
    "  --prior-strength X   report: shrinkage toward the overall rate; default 20\n"
    "  --points-per-pp X    report: points per percentage point above the overall rate; default 1\n"
    "  --id ID, --model-version V   the exported model's id and version (calibrated, 1)\n"
    "  --max-rows N         more data records is the error history_too_large; default 2000000\n"
    "  --max-levels N, --max-features N   bounds (defaults 1000, 3000)\n"
    "  --delimiter ,|;      default: detected from the header\n"
    "  Lists are comma-separated (a name containing a comma cannot be given on the command line;\n"
    "  use the JavaScript API). Each other flag may appear once.\n"
    "  --report             only the close-rate report of the training rows (no fit), on stdout:\n"
    "  --format F           table (default, also when stdout is not a terminal), csv or json\n"
    "  --out MODEL.json     write the model there (default: stdout); pretty JSON, 2-space indent\n"
    "  --fit-report F.json  also write {fit, metrics, warnings}: coefficients, convergence, AUC,\n"
    "                       log loss and Brier score on train/test, of the fit and of the exported\n"
    "                       integer-point model\n"
    "  A summary goes to stderr: rows, features, iterations and convergence, fit time, test AUC\n"
    "  of the fit vs the exported model (the cost of rounding to integer points), warnings as\n"
    "  \"warning: code at path: message\". The model's description names the input file by its\n"
    "  base name (stdin for -), never its folders. Same bytes and options, same model, to the bit.\n"
    "  Errors: \"leadscore calibrate: code at path: message\" naming lines, never cell values.\n"
    "  Exit: 0 done; 1 the data cannot be used (outcome_invalid, history_csv, history_empty,\n"
    "  history_too_large, outcome_one_class, too_many_features, fit_failed); 2 usage or\n"
    "  options_invalid, column_not_found; 3 a file cannot be read or written.\n";

namespace {

const std::vector<FlagSpec>& calibrate_flags() {
  static const std::vector<FlagSpec> specs{
      {"--outcome", "outcome", FlagKind::Text},
      {"--positive", "positive", FlagKind::List},
      {"--negative", "negative", FlagKind::List},
      {"--columns", "columns", FlagKind::List},
      {"--ignore", "ignore", FlagKind::List},
      {"--categorical", "categorical", FlagKind::List},
      {"--numeric", "numeric", FlagKind::List},
      {"--missing-values", "missing_values", FlagKind::List},
      {"--date-column", "date_column", FlagKind::Text},
      {"--test-every", "test_every", FlagKind::Number},
      {"--test-fraction", "test_fraction", FlagKind::Number},
      {"--test-seed", "test_seed", FlagKind::Number},
      {"--test-from", "test_from", FlagKind::Text},
      {"--method", "method", FlagKind::Text},
      {"--interactions", "interactions", FlagKind::Number},
      {"--shape-bins", "shape_bins", FlagKind::Number},
      {"--rounds", "rounds", FlagKind::Number},
      {"--interaction-rounds", "interaction_rounds", FlagKind::Number},
      {"--learning-rate", "learning_rate", FlagKind::Number},
      {"--numeric-mode", "numeric_mode", FlagKind::Text},
      {"--bins", "bins", FlagKind::Number},
      {"--min-count", "min_count", FlagKind::Number},
      {"--l2", "l2", FlagKind::Number},
      {"--max-iterations", "max_iterations", FlagKind::Number},
      {"--tolerance", "tolerance", FlagKind::Number},
      {"--pdo", "points_to_double_odds", FlagKind::Number},
      {"--scale", "scale", FlagKind::Text},
      {"--bands", "bands", FlagKind::Text},
      {"--band-shares", "band_shares", FlagKind::Numbers},
      {"--prior-strength", "prior_strength", FlagKind::Number},
      {"--points-per-pp", "points_per_percentage_point", FlagKind::Number},
      {"--id", "model_id", FlagKind::Text},
      {"--model-version", "model_version", FlagKind::Text},
      {"--max-rows", "max_rows", FlagKind::Number},
      {"--max-levels", "max_levels", FlagKind::Number},
      {"--max-features", "max_features", FlagKind::Number},
      {"--delimiter", "delimiter", FlagKind::Text},
      {"--report", "", FlagKind::Switch},
      {"--format", "", FlagKind::Cli},
      {"--out", "", FlagKind::Cli},
      {"--fit-report", "", FlagKind::Cli},
  };
  return specs;
}

int usage(const std::string& message) {
  std::cerr << "leadscore calibrate: " << message << "\nRun 'leadscore help calibrate' for details.\n";
  return kExitUsage;
}

// Errors about the command line (a flag's value, a column it names) are usage errors; the others
// mean the data cannot be used as it is.
int exit_for(const Error& error) {
  if (error.code == "options_invalid" || error.code == "column_not_found" || error.code == "not_implemented")
    return kExitUsage;
  return kExitRecordErrors;
}

int fail(const Error& error) {
  std::cerr << describe_error("calibrate", error, calibrate_flags()) << '\n';
  return exit_for(error);
}

int flushed_stdout() {
  std::cout.flush();
  if (std::cout.fail()) {
    std::cerr << "leadscore calibrate: writing to stdout failed\n";
    return kExitIo;
  }
  return kExitOk;
}

int run_report(std::istream& input, const CalibrationOptions& options, const std::string& format) {
  auto history = read_history(input, options);
  if (!history) return fail(history.error());
  const Json report = close_rate_report(history.value(), options);
  if (format == "json") std::cout << pretty_json(report);
  else if (format == "csv") write_report_csv(std::cout, report);
  else write_report_table(std::cout, report);
  if (format != "table") write_warnings(std::cerr, report.value("warnings", Json::array()));
  return flushed_stdout();
}

int run_fit(std::istream& input, const CalibrationOptions& options, const std::string& source,
            const std::map<std::string, std::string>& values) {
  // The core calls back as each phase starts; the clock is read here, never in the core.
  PhaseTimes times;
  auto last = std::chrono::steady_clock::now();
  std::string current;
  auto calibration = calibrate(input, options, source, [&](std::string_view phase) {
    const auto now = std::chrono::steady_clock::now();
    if (!current.empty()) times.emplace_back(current, std::chrono::duration<double, std::milli>(now - last).count());
    current = std::string(phase);
    last = now;
  });
  if (!calibration) return fail(calibration.error());
  const Calibration& c = calibration.value();
  const auto out = values.find("--out");
  if (out != values.end() && out->second != "-") {
    if (!write_text_file(out->second, pretty_json(c.model))) {
      std::cerr << "leadscore calibrate: cannot write " << out->second << '\n';
      return kExitIo;
    }
  } else {
    std::cout << pretty_json(c.model);
    if (const int code = flushed_stdout()) return code;
  }
  const auto fit_report = values.find("--fit-report");
  if (fit_report != values.end()) {
    const Json document{{"fit", c.fit}, {"metrics", c.metrics}, {"warnings", c.warnings}};
    if (!write_text_file(fit_report->second, pretty_json(document))) {
      std::cerr << "leadscore calibrate: cannot write " << fit_report->second << '\n';
      return kExitIo;
    }
  }
  write_calibration_summary(std::cerr, c, times);
  return kExitOk;
}

int calibrate_all(const std::vector<std::string>& args) {
  const ParsedFlags flags = parse_history_flags(args, calibrate_flags());
  if (!flags.error.empty()) return usage(flags.error);
  if (flags.positionals.size() > 1)
    return usage("expected one input (a path or -), got " + std::to_string(flags.positionals.size()));
  if (!flags.options.contains("outcome") || flags.options["outcome"] == "")
    return usage("--outcome COL is required");
  const bool report = flags.switches.count("--report") > 0;
  std::string format = "table";
  if (const auto it = flags.values.find("--format"); it != flags.values.end()) {
    if (!report) return usage("--format goes with --report (the model is always JSON)");
    format = it->second;
    if (format != "table" && format != "csv" && format != "json") return usage("--format must be table, csv or json");
  }
  if (report && (flags.values.count("--out") || flags.values.count("--fit-report")))
    return usage("--report prints the close-rate report only: no --out or --fit-report");

  auto options = calibration_options_from_json(flags.options);
  if (!options) return fail(options.error());

  const std::string path = flags.positionals.empty() ? "-" : flags.positionals[0];
  std::ifstream file;
  std::istream* input = open_history(path, file);
  if (!input) {
    std::cerr << "leadscore calibrate: cannot open " << path << '\n';
    return kExitIo;
  }
  if (report) return run_report(*input, options.value(), format);
  return run_fit(*input, options.value(), source_name(path), flags.values);
}

}  // namespace

int run_calibrate(const std::vector<std::string>& args) { return run_guarding_reads(calibrate_all, args); }

}  // namespace leadscore::cli
