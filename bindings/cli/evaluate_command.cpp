// See evaluate_command.h. The flags become the options object of docs/evaluation.md, read by the
// core's evaluation_options_from_json() (the same options as scorer.evaluate in JavaScript).
#include "evaluate_command.h"

#include <iostream>

#include "args.h"
#include "batch_runner.h"
#include "evaluation_text.h"
#include "exit_codes.h"
#include "history_flags.h"
#include "io_guard.h"
#include "leadscore/evaluate.h"
#include "model_file.h"
#include "report_table.h"

namespace leadscore::cli {

const char* const kEvaluateHelp =
    "\n"
    "evaluate: scores historical leads with a model (calibrated or hand-written: a dry run of a\n"
    "  draft) and measures how well its scores rank and predict the outcome (docs/evaluation.md).\n"
    "  HISTORY.csv (or --history H.csv; a file, or - / nothing for stdin) has the model's fields\n"
    "  as columns (a field's \"column\" or its name) and an outcome column.\n"
    "  --model M.json       the model (required)\n"
    "  --outcome COL        the outcome column (required); --positive a,b / --negative c,d as for\n"
    "                       calibrate (defaults 1,true,yes,y,won,converted / 0,false,no,n,lost,\n"
    "                       not converted)\n"
    "  --date-column C      ISO dates or instants: band volumes per period, capacity per period\n"
    "  --period week|month  ISO weeks (from Monday) or calendar months; default week\n"
    "  --capacity C         what sales can handle: 200/week, 50/month, 300 (the whole file) or\n"
    "                       15% (of the rows); gives the lowest score threshold that fits\n"
    "  --now ISO            the instant every record is scored for; default 1970-01-01T00:00:00Z\n"
    "                       (fit rules do not read it; engagement decay does)\n"
    "  --delimiter ,|;      default: detected from the header\n"
    "  --test-every N, --test-fraction F [--test-seed N], --test-from DATE\n"
    "                       score only the test rows, picked as calibrate picks them (the same\n"
    "                       flags give the same rows): a model calibrated on a file is then\n"
    "                       evaluated on the rows it did not learn from. Default: every row\n"
    "  --jobs N             score the rows on N threads (1 to 256); default: the machine's\n"
    "                       cores. The evaluation is the same whatever N.\n"
    "  --format text|json   text (default): metrics, deciles with lift and gain, bands, leads per\n"
    "                       period, the capacity line, errors; json: the evaluation object on one\n"
    "                       line, as scorer.evaluate() returns it\n"
    "  Metrics: ROC AUC (ties count half), log loss and Brier score (models with a probability\n"
    "  section), ranked by probability if the model has one, else by points.\n"
    "  A record that cannot be used (bad outcome or date, ragged row, score error) is listed with\n"
    "  its line (the first 100) and counted; it is never dropped silently.\n"
    "  Exit: 0 every record used; 1 some records were errors (the evaluation is still printed),\n"
    "  or the file cannot be evaluated (history_empty, outcome_one_class); 2 usage, invalid\n"
    "  model or options (options_invalid, column_not_found); 3 a file cannot be read or written.\n";

namespace {

const std::vector<FlagSpec>& evaluate_flags() {
  static const std::vector<FlagSpec> specs{
      {"--outcome", "outcome", FlagKind::Text},
      {"--positive", "positive", FlagKind::List},
      {"--negative", "negative", FlagKind::List},
      {"--date-column", "date_column", FlagKind::Text},
      {"--period", "period", FlagKind::Text},
      {"--now", "now", FlagKind::Text},
      {"--delimiter", "delimiter", FlagKind::Text},
      {"--test-every", "test_every", FlagKind::Number},
      {"--test-fraction", "test_fraction", FlagKind::Number},
      {"--test-seed", "test_seed", FlagKind::Number},
      {"--test-from", "test_from", FlagKind::Text},
      {"--capacity", "", FlagKind::Cli},
      {"--model", "", FlagKind::Cli},
      {"--history", "", FlagKind::Cli},
      {"--format", "", FlagKind::Cli},
      {"--jobs", "", FlagKind::Cli},
  };
  return specs;
}

int usage(const std::string& message) {
  std::cerr << "leadscore evaluate: " << message << "\nRun 'leadscore help evaluate' for details.\n";
  return kExitUsage;
}

int fail(const Error& error) {
  std::cerr << describe_error("evaluate", error, evaluate_flags()) << '\n';
  const bool usage_error = error.code == "options_invalid" || error.code == "column_not_found" ||
                           error.code == "not_implemented";
  return usage_error ? kExitUsage : kExitRecordErrors;
}

// The core's {count, per} from --capacity's text.
std::string add_capacity(const std::map<std::string, std::string>& values, Json& options) {
  const auto it = values.find("--capacity");
  if (it == values.end()) return "";
  auto parsed = parse_capacity(it->second);
  if (!parsed) return "--capacity: " + parsed.error().message;
  options["capacity"] = Json{{"count", parsed.value().first}, {"per", parsed.value().second}};
  return "";
}

int evaluate_all(const std::vector<std::string>& args) {
  ParsedFlags flags = parse_history_flags(args, evaluate_flags());
  if (!flags.error.empty()) return usage(flags.error);
  const auto history = flags.values.find("--history");
  if (flags.positionals.size() + (history != flags.values.end() ? 1 : 0) > 1)
    return usage("expected one input (HISTORY.csv, --history H.csv or -)");
  const auto model_path = flags.values.find("--model");
  if (model_path == flags.values.end() || model_path->second.empty()) return usage("--model M.json is required");
  if (!flags.options.contains("outcome") || flags.options["outcome"] == "") return usage("--outcome COL is required");
  const std::string format = flags.values.count("--format") ? flags.values["--format"] : "text";
  if (format != "text" && format != "json") return usage("--format must be text or json");
  if (const std::string error = add_capacity(flags.values, flags.options); !error.empty()) return usage(error);

  unsigned jobs = default_jobs();
  if (const auto it = flags.values.find("--jobs"); it != flags.values.end()) {
    if (const std::string error = parse_jobs_text(it->second, jobs); !error.empty()) return usage(error);
  }

  auto options = evaluation_options_from_json(flags.options);
  if (!options) return fail(options.error());
  // The core scores each batch of rows through this scheduler; it starts no thread itself.
  WorkerPool pool(jobs);
  options.value().parallel_for = [&pool](std::size_t count, const std::function<void(std::size_t)>& work) {
    pool.start(count, work);
    pool.finish();
  };
  int load_failure = kExitOk;
  const auto model = load_model_or_report(model_path->second, load_failure);
  if (!model) return load_failure;

  const std::string path = history != flags.values.end() ? history->second
                           : flags.positionals.empty()   ? "-"
                                                         : flags.positionals[0];
  std::ifstream file;
  std::istream* input = open_history(path, file);
  if (!input) {
    std::cerr << "leadscore evaluate: cannot open " << path << '\n';
    return kExitIo;
  }
  auto evaluation = evaluate(*model, *input, options.value());
  if (!evaluation) return fail(evaluation.error());
  const Json& e = evaluation.value();
  if (format == "json") std::cout << dump_json(e) << '\n';
  else write_evaluation_text(std::cout, e);
  std::cout.flush();
  if (std::cout.fail()) {
    std::cerr << "leadscore evaluate: writing to stdout failed\n";
    return kExitIo;
  }
  const std::string errors = text_at(e.value("rows", Json::object()), "errors");
  if (!errors.empty() && errors != "0") {
    std::cerr << "leadscore evaluate: " << errors << " records could not be used (listed under \"errors\" with their lines)\n";
    return kExitRecordErrors;
  }
  return kExitOk;
}

}  // namespace

int run_evaluate(const std::vector<std::string>& args) { return run_guarding_reads(evaluate_all, args); }

}  // namespace leadscore::cli
