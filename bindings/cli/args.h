// Command-line parsing for `leadscore`: turns argv into one of a few plain structs, or a usage
// error message. No I/O happens here, so the parser is easy to reason about and to test.
#pragma once
#include <optional>
#include <string>

#include "leadscore/score_result.h"
#include <vector>

#include "leadscore/checks.h"

namespace leadscore::cli {

enum class OutputFormat { Jsonl, Csv };
enum class InputFormat { Csv, Jsonl };

struct ScoreArgs {
  std::string model_path;  ///< "" (no --model): the bundled default model
  std::optional<std::string> data_path;  ///< --data: a data pack file instead of the built-in one
  std::optional<std::string> now;  ///< absent: the CLI reads the clock once
  OutputFormat format = OutputFormat::Jsonl;
  std::optional<InputFormat> input_format;  ///< absent: from the extension, else sniffed
  char delimiter = 0;                       ///< CSV input delimiter; 0 = detect
  std::string input = "-";                  ///< a path, or "-" for stdin
  std::optional<std::string> events;        ///< --events: a path, or "-" for stdin
  std::optional<InputFormat> events_format;  ///< absent: from the extension, else sniffed
  std::optional<std::string> unmatched_events;  ///< --unmatched-events: where to write them
  Language language = Language::En;         ///< --lang: form-check messages (models with checks)
  unsigned jobs = 1;                        ///< --jobs; parse_args() puts default_jobs() if absent
  Detail detail = Detail::Explain;          ///< --detail explain|summary (JSONL results)
};

/// `leadscore check`: the same record input as `score`, form checks instead of a score.
struct CheckArgs {
  std::string model_path;  ///< "" (no --model): the bundled default model
  std::optional<std::string> data_path;  ///< --data: a data pack file instead of the built-in one
  std::optional<std::string> now;  ///< the submission instant; absent: the CLI reads the clock once
  Language language = Language::En;
  OutputFormat format = OutputFormat::Jsonl;
  std::optional<InputFormat> input_format;
  char delimiter = 0;
  std::string input = "-";
  unsigned jobs = 1;  ///< --jobs; parse_args() puts default_jobs() if absent
};

/// `leadscore accounts`: contacts grouped by company id -> one account score per company.
struct AccountsArgs {
  std::string model_path;
  std::optional<std::string> data_path;  ///< --data: a data pack file instead of the built-in one
  std::optional<std::string> now;
  Language language = Language::En;
  OutputFormat format = OutputFormat::Jsonl;
  std::optional<InputFormat> input_format;
  char delimiter = 0;
  std::string input = "-";
  std::optional<std::string> by;             ///< --by: the company id field; absent: the model's account.id_field
  std::optional<std::string> events;         ///< --events: a path, or "-" for stdin
  std::optional<InputFormat> events_format;
};

/// `leadscore verify`: JSON lines of submissions -> one verification per line.
struct VerifyArgs {
  std::string model_path;
  std::optional<std::string> data_path;  ///< --data: a data pack file instead of the built-in one
  OutputFormat format = OutputFormat::Jsonl;
  std::string input = "-";
};

struct ValidateArgs {
  std::string model_path;
  bool json = false;  ///< --format json
};

struct Command {
  enum Kind { Help, Version, Score, Check, Accounts, Verify, Validate, Calibrate, Evaluate } kind = Help;
  std::string help_topic;  ///< "" or a command name for Kind::Help
  /// calibrate and evaluate parse their own options (calibrate_command.cpp, evaluate_command.cpp).
  std::vector<std::string> raw;
  ScoreArgs score;
  CheckArgs check;
  AccountsArgs accounts;
  VerifyArgs verify;
  ValidateArgs validate;
};

struct ParseResult {
  std::optional<Command> command;
  std::string error;  ///< set when !command: one line saying what is wrong
};

ParseResult parse_args(const std::vector<std::string>& argv);

/// The --jobs default: the machine's hardware threads, or 1 when the system does not say.
unsigned default_jobs();

/// Reads --jobs' value (1 to kMaxJobs) into `jobs`; the usage message when it is not one.
std::string parse_jobs_text(const std::string& text, unsigned& jobs);

/// The largest --jobs accepted: more threads than this only cost memory and start-up time.
constexpr unsigned kMaxJobs = 256;

}  // namespace leadscore::cli
