// Option parsing: "--name value" and "--name=value", "--" ends options, "-" is stdin. Each option
// may appear once: a repeated option is almost always a copy-paste mistake in a script.
#include "args.h"

#include <map>
#include <set>
#include <thread>

namespace leadscore::cli {
namespace {

struct Options {
  std::map<std::string, std::string> values;
  std::vector<std::string> positionals;
  bool help = false;
};

// Splits `args` into options (all of which take a value) and positionals.
std::string split_options(const std::vector<std::string>& args, const std::set<std::string>& known,
                          Options& out) {
  bool options_done = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_done || arg == "-" || arg.rfind("-", 0) != 0) {
      out.positionals.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    if (arg == "-h" || arg == "--help") {
      out.help = true;
      continue;
    }
    std::string name = arg;
    std::optional<std::string> value;
    if (const auto eq = arg.find('='); eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
    }
    if (known.count(name) == 0) return "unknown option " + name;
    if (!value) {
      if (i + 1 >= args.size()) return "option " + name + " needs a value";
      value = args[++i];
    }
    if (!out.values.emplace(name, *value).second) return "option " + name + " given twice";
  }
  return "";
}

std::optional<InputFormat> input_format(const std::string& name) {
  if (name == "csv") return InputFormat::Csv;
  if (name == "jsonl" || name == "ndjson") return InputFormat::Jsonl;
  return std::nullopt;
}

// --events and the options that only make sense with it.
std::string parse_events(const Options& o, ScoreArgs& s) {
  auto it = o.values.find("--events");
  if (it != o.values.end()) {
    if (it->second.empty()) return "--events needs a file (or - for stdin)";
    s.events = it->second;
  }
  if ((it = o.values.find("--events-format")) != o.values.end()) {
    if (!s.events) return "--events-format needs --events";
    s.events_format = input_format(it->second);
    if (!s.events_format) return "--events-format must be csv or jsonl";
  }
  if ((it = o.values.find("--unmatched-events")) != o.values.end()) {
    if (!s.events) return "--unmatched-events needs --events";
    if (it->second.empty() || it->second == "-") return "--unmatched-events needs a file path";
    s.unmatched_events = it->second;
  }
  if (s.events && *s.events == "-" && s.input == "-") {
    return "stdin can be the leads or the events, not both: give one of them as a file";
  }
  return "";
}

// --lang: the language of form-check messages ("en", "fr", or a regional tag such as "fr-CA").
std::string parse_lang(const Options& o, Language& language) {
  const auto it = o.values.find("--lang");
  if (it == o.values.end()) return "";
  const auto parsed = parse_language(it->second);
  if (!parsed) return "--lang must be en or fr";
  language = *parsed;
  return "";
}

// --jobs N, or the machine's cores.
std::string parse_jobs(const Options& o, unsigned& jobs) {
  jobs = default_jobs();
  const auto it = o.values.find("--jobs");
  return it == o.values.end() ? "" : parse_jobs_text(it->second, jobs);
}

// What `score`, `check` and `accounts` share: the input, --model, --data, --now, --lang, --format
// and the CSV options. Without --model, score and check use the bundled default model
// (`default_model`), as the JS API does; accounts needs a model with an "account" section.
template <class Args>
std::string parse_records(const Options& o, Args& s, bool default_model = false) {
  if (o.positionals.size() > 1) {
    return "expected one input (a path or -), got " + std::to_string(o.positionals.size());
  }
  if (!o.positionals.empty()) s.input = o.positionals[0];
  auto it = o.values.find("--model");
  if (it != o.values.end() && it->second.empty()) return "--model needs a model file";
  if (it == o.values.end() && !default_model) return "--model M.json is required";
  if (it != o.values.end()) s.model_path = it->second;
  if ((it = o.values.find("--data")) != o.values.end()) {
    if (it->second.empty()) return "--data needs a data pack file";
    s.data_path = it->second;
  }
  if ((it = o.values.find("--now")) != o.values.end()) s.now = it->second;
  if ((it = o.values.find("--format")) != o.values.end()) {
    if (it->second == "jsonl") {
      s.format = OutputFormat::Jsonl;
    } else if (it->second == "csv") {
      s.format = OutputFormat::Csv;
    } else {
      return "--format must be jsonl or csv";
    }
  }
  if ((it = o.values.find("--input-format")) != o.values.end()) {
    if (!(s.input_format = input_format(it->second))) return "--input-format must be csv or jsonl";
  }
  if ((it = o.values.find("--delimiter")) != o.values.end()) {
    if (it->second != "," && it->second != ";") return "--delimiter must be , or ;";
    s.delimiter = it->second[0];
  }
  return parse_lang(o, s.language);
}

// --detail explain|summary.
std::string parse_detail_flag(const Options& o, Detail& detail) {
  const auto it = o.values.find("--detail");
  if (it == o.values.end()) return "";
  const auto parsed = parse_detail(it->second);
  if (!parsed) return "--detail must be explain or summary";
  detail = *parsed;
  return "";
}

std::string parse_score(const Options& o, ScoreArgs& s) {
  std::string error = parse_records(o, s, true);
  if (error.empty()) error = parse_jobs(o, s.jobs);
  if (error.empty()) error = parse_detail_flag(o, s.detail);
  return error.empty() ? parse_events(o, s) : error;
}

std::string parse_check(const Options& o, CheckArgs& c) {
  const std::string error = parse_records(o, c, true);
  return error.empty() ? parse_jobs(o, c.jobs) : error;
}

std::string parse_accounts(const Options& o, AccountsArgs& a) {
  std::string error = parse_records(o, a);
  if (!error.empty()) return error;
  auto it = o.values.find("--by");
  if (it != o.values.end()) {
    if (it->second.empty()) return "--by needs a field name";
    a.by = it->second;
  }
  if ((it = o.values.find("--events")) != o.values.end()) {
    if (it->second.empty()) return "--events needs a file (or - for stdin)";
    a.events = it->second;
  }
  if ((it = o.values.find("--events-format")) != o.values.end()) {
    if (!a.events) return "--events-format needs --events";
    if (!(a.events_format = input_format(it->second))) return "--events-format must be csv or jsonl";
  }
  if (a.events && *a.events == "-" && a.input == "-")
    return "stdin can be the contacts or the events, not both: give one of them as a file";
  return "";
}

std::string parse_verify(const Options& o, VerifyArgs& v) {
  if (o.positionals.size() > 1) return "expected one input (a path or -), got " + std::to_string(o.positionals.size());
  if (!o.positionals.empty()) v.input = o.positionals[0];
  auto it = o.values.find("--model");
  if (it == o.values.end() || it->second.empty()) return "--model M.json is required";
  v.model_path = it->second;
  if ((it = o.values.find("--data")) != o.values.end()) {
    if (it->second.empty()) return "--data needs a data pack file";
    v.data_path = it->second;
  }
  if ((it = o.values.find("--format")) != o.values.end()) {
    if (it->second == "jsonl") v.format = OutputFormat::Jsonl;
    else if (it->second == "csv") v.format = OutputFormat::Csv;
    else return "--format must be jsonl or csv";
  }
  return "";
}

std::string parse_validate(const Options& o, ValidateArgs& v) {
  if (!o.positionals.empty()) {
    return "unexpected argument " + o.positionals[0] + " (the model goes after --model)";
  }
  auto it = o.values.find("--model");
  if (it == o.values.end() || it->second.empty()) return "--model M.json is required";
  v.model_path = it->second;
  if ((it = o.values.find("--format")) != o.values.end()) {
    if (it->second == "json") {
      v.json = true;
    } else if (it->second != "text") {
      return "--format must be text or json";
    }
  }
  return "";
}

}  // namespace

// --jobs N: a whole number from 1 to kMaxJobs, digits only ("2x", "+2", " 2" are mistakes).
std::string parse_jobs_text(const std::string& text, unsigned& jobs) {
  unsigned long value = 0;
  bool ok = !text.empty();
  for (const char c : text) {
    if (c < '0' || c > '9') ok = false;
    if (ok && value <= kMaxJobs) value = value * 10 + static_cast<unsigned long>(c - '0');  // no overflow
  }
  if (!ok || value < 1 || value > kMaxJobs) {
    return "--jobs must be a whole number from 1 to " + std::to_string(kMaxJobs) + ", got \"" + text + "\"";
  }
  jobs = static_cast<unsigned>(value);
  return "";
}

unsigned default_jobs() {
#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
  return 1;  // npx leadscore: one thread (batch_runner.cpp)
#endif
  const unsigned cores = std::thread::hardware_concurrency();  // 0 when unknown
  if (cores == 0) return 1;
  return cores < kMaxJobs ? cores : kMaxJobs;
}

ParseResult parse_args(const std::vector<std::string>& argv) {
  Command cmd;
  if (argv.empty() || argv[0] == "-h" || argv[0] == "--help" || argv[0] == "help") {
    cmd.kind = Command::Help;
    if (argv.size() > 1 && argv[0] == "help") cmd.help_topic = argv[1];
    return {cmd, ""};
  }
  if (argv[0] == "--version" || argv[0] == "-V" || argv[0] == "version") {
    cmd.kind = Command::Version;
    return {cmd, ""};
  }
  const std::vector<std::string> rest(argv.begin() + 1, argv.end());
  if (argv[0] == "calibrate" || argv[0] == "evaluate") {
    cmd.kind = argv[0] == "calibrate" ? Command::Calibrate : Command::Evaluate;
    for (const auto& a : rest)
      if (a == "-h" || a == "--help") {
        cmd.kind = Command::Help;
        cmd.help_topic = argv[0];
      }
    cmd.raw = rest;
    return {cmd, ""};
  }
  Options o;
  std::string error;
  if (argv[0] == "score") {
    error =
        split_options(rest,
                      {"--model", "--data", "--now", "--lang", "--format", "--input-format", "--delimiter",
                       "--events", "--events-format", "--unmatched-events", "--jobs", "--detail"},
                      o);
    if (error.empty() && !o.help) error = parse_score(o, cmd.score);
    cmd.kind = Command::Score;
  } else if (argv[0] == "check") {
    error = split_options(rest,
                          {"--model", "--data", "--now", "--lang", "--format", "--input-format", "--delimiter", "--jobs"},
                          o);
    if (error.empty() && !o.help) error = parse_check(o, cmd.check);
    cmd.kind = Command::Check;
  } else if (argv[0] == "accounts") {
    error = split_options(rest,
                          {"--model", "--data", "--now", "--lang", "--format", "--input-format", "--delimiter", "--by",
                           "--events", "--events-format"},
                          o);
    if (error.empty() && !o.help) error = parse_accounts(o, cmd.accounts);
    cmd.kind = Command::Accounts;
  } else if (argv[0] == "verify") {
    error = split_options(rest, {"--model", "--data", "--format"}, o);
    if (error.empty() && !o.help) error = parse_verify(o, cmd.verify);
    cmd.kind = Command::Verify;
  } else if (argv[0] == "validate") {
    error = split_options(rest, {"--model", "--format"}, o);
    if (error.empty() && !o.help) error = parse_validate(o, cmd.validate);
    cmd.kind = Command::Validate;
  } else {
    return {std::nullopt, "unknown command " + argv[0]};
  }
  if (o.help && error.empty()) {
    cmd.help_topic = argv[0];
    cmd.kind = Command::Help;
  }
  if (!error.empty()) return {std::nullopt, argv[0] + ": " + error};
  return {cmd, ""};
}

}  // namespace leadscore::cli
