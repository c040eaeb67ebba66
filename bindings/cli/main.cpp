// `leadscore`: the native command-line tool. This file only dispatches and prints help; each
// command lives in its own file.
#include <iostream>
#include <string>
#include <vector>

#include "accounts_command.h"
#include "args.h"
#include "calibrate_command.h"
#include "check_command.h"
#include "evaluate_command.h"
#include "exit_codes.h"
#include "leadscore/version.h"
#include "score_command.h"
#include "validate_command.h"
#include "verify_command.h"

namespace {

// One synopsis per command: a usage error shows the one of its command, --help all of them.
struct Synopsis {
  const char* command;
  const char* text;
};
constexpr Synopsis kSynopses[] = {
    {"score",
     "  leadscore score [--model M.json] [--data PACK.bin] [--now ISO] [--lang en|fr] [--format jsonl|csv]\n"
     "                  [--input-format csv|jsonl] [--delimiter ,|;] [--jobs N]\n"
     "                  [--detail explain|summary]\n"
     "                  [--events FILE|- [--events-format csv|jsonl]\n"
     "                   [--unmatched-events FILE]] [INPUT|-]\n"},
    {"check",
     "  leadscore check [--model M.json] [--data PACK.bin] [--now ISO] [--lang en|fr] [--format jsonl|csv]\n"
     "                  [--input-format csv|jsonl] [--delimiter ,|;] [--jobs N] [INPUT|-]\n"},
    {"accounts",
     "  leadscore accounts --model M.json [--by FIELD] [--now ISO] [--lang en|fr]\n"
     "                  [--format jsonl|csv] [--input-format csv|jsonl] [--delimiter ,|;]\n"
     "                  [--events FILE|- [--events-format csv|jsonl]] [INPUT|-]\n"},
    {"verify", "  leadscore verify --model M.json [--data PACK.bin] [--format jsonl|csv] [INPUT|-]\n"},
    {"validate", "  leadscore validate --model M.json [--format text|json]\n"},
    {"calibrate",
     "  leadscore calibrate --outcome COL [--report [--format table|csv|json]]\n"
     "                  [--out MODEL.json] [--fit-report FIT.json] [options] [HISTORY.csv|-]\n"},
    {"evaluate",
     "  leadscore evaluate --model M.json --outcome COL [--date-column COL]\n"
     "                  [--period week|month] [--capacity 200/week] [--jobs N] [--format text|json]\n"
     "                  [--history HISTORY.csv | HISTORY.csv | -]\n"},
};

// "Usage:" and the synopsis of `command`, or of every command when it names none of them.
std::string usage(const std::string& command = "") {
  std::string out = "Usage:\n";
  for (const Synopsis& s : kSynopses)
    if (command == s.command) return out + s.text;
  for (const Synopsis& s : kSynopses) out += s.text;
  return out + "  leadscore --help | --version\n";
}

constexpr const char* kScoreHelp =
    "\n"
    "score: scores every lead of INPUT (a file, or - / nothing for stdin) with the model.\n"
    "  --model M.json     the scoring model; default: the bundled default model\n"
    "                     (examples/models/default.json, also for check)\n"
    "  --data PACK.bin    the data pack of the form checks' domain lists (docs/data-packs.md),\n"
    "                     e.g. lite.bin to score as a browser does; default: the built-in full\n"
    "                     pack, or $LEADSCORE_DATA when set. Also for check, accounts and verify.\n"
    "  --now ISO          the instant to score for, with an offset (2026-11-23T09:30:00Z).\n"
    "                     Default: the system clock, read once at start (UTC, whole seconds);\n"
    "                     every record of the run uses that same instant, and it is echoed in\n"
    "                     each result as \"now\". Pass --now for reproducible output.\n"
    "  --lang en|fr       the language of form-check messages in result.quality (models\n"
    "                     with a \"checks\" section); default en. Codes never change.\n"
    "  --format           jsonl (default): one line per record,\n"
    "                       {\"record\":{\"line\":N},\"result\":{...}} or\n"
    "                       {\"error\":{\"code\",\"message\",\"path\"},\"record\":{\"line\":N}}\n"
    "                     csv: line,id,score,band,action,points,warnings,error_code,\n"
    "                       fit_points,engagement_points,last_activity,grade,route,persona\n"
    "                     (id = the lead's id or lead_id column, if any)\n"
    "  --detail           explain (default): the whole result; summary: score, points,\n"
    "                     band, grade, route, quality verdict, warning codes (docs/model-\n"
    "                     format.md, \"Summary result\"). CSV columns are the same either way.\n"
    "  --input-format     csv or jsonl; default from the extension (.csv, .jsonl, .ndjson),\n"
    "                     else jsonl when the input starts with '{', else csv\n"
    "  --delimiter        CSV input delimiter; default: detected from the header\n"
    "  --jobs N           score on N threads (1 to 256); default: the machine's cores. The\n"
    "                     output is the same whatever N, in input order; memory holds two\n"
    "                     batches of 512 records, never the whole input.\n"
    "  Output has exactly one line per input record, in input order. N is the line the record\n"
    "  starts on (CSV: the header is line 1). Broken records (ragged rows, invalid UTF-8, bad\n"
    "  JSON) become error lines and scoring continues. A progress bar is drawn on stderr when\n"
    "  it is a terminal and INPUT is a file over 1 MB.\n"
    "\n"
    "  --events FILE      the leads' events (page views, downloads...), joined to the leads\n"
    "                     by lead id (a lead's id, else lead_id, compared as text). CSV with\n"
    "                     the columns lead_id,type,at and one column per prop (url,...), or\n"
    "                     JSON lines {\"lead_id\",\"type\",\"at\",\"props\"}. `at` must carry an\n"
    "                     offset (Z or +01:00): a time without one is not assumed to be UTC,\n"
    "                     the event is ignored with the warning event_invalid.\n"
    "  --events-format    csv or jsonl; default from the extension, else sniffed\n"
    "  --unmatched-events FILE  also write the events whose lead id is not in INPUT there,\n"
    "                     as JSON lines {\"event\",\"lead_id\",\"line\"} (a regular file: it is\n"
    "                     rewritten if the inputs turn out not to be sorted)\n"
    "  Sorting: when both files are sorted by lead id (byte order: LC_ALL=C sort), the events\n"
    "  are streamed and memory holds one lead's events. A seekable events file is read once\n"
    "  more first, keeping nothing, to check its order. If either file is not sorted, the\n"
    "  events are loaded into memory instead (one note on stderr); the output is the same.\n"
    "  Events on stdin or a pipe cannot be read twice: they must be sorted, and so must the\n"
    "  leads, or the run stops with events_not_sorted (exit 2).\n"
    "  With --events a result's record also lists \"event_lines\": the events-file line of\n"
    "  each event, so the warning path /events/I is the line event_lines[I]. A lead without an\n"
    "  id is the error lead_id_missing; one with over 100,000 events is too_many_events.\n"
    "  Events whose lead id is not in INPUT are counted on stderr with their lines (the\n"
    "  first 20), and do not change the exit code; broken events lines (ragged rows, bad\n"
    "  JSON, no lead_id) are listed on stderr with their lines and give exit 1.\n";

constexpr const char* kCheckHelp =
    "\n"
    "check: runs the model's form checks (its \"checks\" section; without one, the fields\n"
    "  email, first_name, last_name, name, company, phone, website with default settings) on\n"
    "  every lead of INPUT: findings and the quality verdict, no score.\n"
    "  --model M.json     the model; default: the bundled default model\n"
    "  --now ISO          when the forms were submitted, with an offset; the fill-time check\n"
    "                     compares it with the lead's form render time. Default: the system\n"
    "                     clock, read once at start (UTC, whole seconds), for every record.\n"
    "  --lang en|fr       the language of finding messages; default en. Codes never change.\n"
    "  --format           jsonl (default): one line per record,\n"
    "                       {\"record\":{\"line\":N},\"result\":{\"data\":{...},\"findings\":[...],\"quality\":{...}}}\n"
    "                     (the result is what checkLead() returns in JavaScript) or\n"
    "                       {\"error\":{\"code\",\"message\",\"path\"},\"record\":{\"line\":N}}\n"
    "                     csv: line,id,verdict,quality,findings,codes,error_code\n"
    "                     (codes: the distinct finding codes, in order, joined by ;)\n"
    "  --jobs N           check on N threads (1 to 256); default: the machine's cores. The\n"
    "                     output is the same whatever N.\n"
    "  --input-format, --delimiter, INPUT and the one-line-per-record rules: as for score.\n"
    "  Invalid UTF-8 in a record makes it an error line (csv_invalid_utf8 or\n"
    "  json_invalid_utf8), as for score. A spam verdict is a result, not an error.\n";

constexpr const char* kValidateHelp =
    "\n"
    "validate: loads the model and lists lint findings (unknown fields in conditions,\n"
    "  unreachable bands and routing rules, quality conditions without checks, caps that\n"
    "  never bind, empty groups; docs/model-format.md, \"Lint\") as\n"
    "  \"severity code /json/pointer: message\" lines, or one JSON object with --format json.\n";

constexpr const char* kExitHelp =
    "\n"
    "Exit codes:\n"
    "  0  score: every record scored;  check: every record checked (whatever the\n"
    "     verdicts);  verify: every submission matches;  validate: no findings above info\n"
    "  1  verify: a mismatch, model_mismatch or error line;  accounts: error lines or\n"
    "     contacts that failed to score;\n"
    "     score, check: some records were error lines, the input is empty, a CSV header\n"
    "     is unusable; score: some events lines were broken;\n"
    "     validate: warnings;  calibrate: the history cannot be used (outcome_invalid,\n"
    "     history_csv, history_empty, history_too_large, outcome_one_class,\n"
    "     too_many_features, fit_failed);  evaluate: some records were errors (listed)\n"
    "  2  usage error, the model is invalid (accounts: or has no account section),\n"
    "     unsorted events through a pipe, or (calibrate, evaluate) options_invalid or\n"
    "     column_not_found\n"
    "  3  I/O error: the model, input or events file cannot be opened, or output cannot be\n"
    "     written\n";

void print_help(const std::string& topic) {
  std::cout << "leadscore " << leadscore::kLibraryVersion << ": lead scoring with a JSON model\n\n"
            << usage(topic);
  if (topic.empty() || topic == "score") std::cout << kScoreHelp;
  if (topic.empty() || topic == "check") std::cout << kCheckHelp;
  if (topic.empty() || topic == "accounts") std::cout << leadscore::cli::kAccountsHelp;
  if (topic.empty() || topic == "verify") std::cout << leadscore::cli::kVerifyHelp;
  if (topic.empty() || topic == "validate") std::cout << kValidateHelp;
  if (topic.empty() || topic == "calibrate") std::cout << leadscore::cli::kCalibrateHelp;
  if (topic.empty() || topic == "evaluate") std::cout << leadscore::cli::kEvaluateHelp;
  std::cout << kExitHelp;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace leadscore::cli;
  std::ios::sync_with_stdio(false);  // records are written through std::cout only
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {  // a short reminder, not the 230 lines of --help
    std::cerr << "leadscore " << leadscore::kLibraryVersion << ": lead scoring with a JSON model\n\n"
              << usage() << "Run 'leadscore --help' for every option, 'leadscore COMMAND --help' for one command.\n";
    return kExitUsage;
  }
  const ParseResult parsed = parse_args(args);
  if (!parsed.command) {
    std::cerr << "leadscore: " << parsed.error << "\n\n"
              << usage(args[0]) << "Run 'leadscore " << (usage(args[0]).size() < usage().size() ? args[0] + " " : "")
              << "--help' for details.\n";
    return kExitUsage;
  }
  const Command& cmd = *parsed.command;
  switch (cmd.kind) {
    case Command::Help:
      print_help(cmd.help_topic);
      return kExitOk;
    case Command::Version:
      std::cout << "leadscore " << leadscore::kLibraryVersion << " (model format "
                << leadscore::kModelFormatVersion << ", result format "
                << leadscore::kResultFormatVersion << ")\n";
      return kExitOk;
    case Command::Score:
      return run_score(cmd.score);
    case Command::Check:
      return run_check(cmd.check);
    case Command::Accounts:
      return run_accounts(cmd.accounts);
    case Command::Verify:
      return run_verify(cmd.verify);
    case Command::Validate:
      return run_validate(cmd.validate);
    case Command::Calibrate:
      return run_calibrate(cmd.raw);
    case Command::Evaluate:
      return run_evaluate(cmd.raw);
  }
  return kExitUsage;
}
