// See score_command.h. The clock is read here, once, when --now is absent: the core never reads
// one, and every record of a run is scored for the same instant so a run is internally consistent.
#include "score_command.h"

#include <chrono>
#include <fstream>
#include <iostream>

#include "exit_codes.h"
#include "leadscore/score.h"
#include "leadscore/time.h"
#include "model_file.h"
#include "output.h"
#include "progress.h"
#include "record_source.h"

namespace leadscore::cli {
namespace {

// Now, UTC, truncated to whole seconds (sub-second digits in results would only add noise).
std::string clock_now() {
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count();
  return format_instant(static_cast<std::int64_t>(seconds) * 1000);
}

// The input format: the flag, else the file extension, else a look at the first bytes. For a
// file the look is undone by seeking back; for stdin only one byte can be peeked.
InputFormat choose_format(const ScoreArgs& args, std::istream& in, bool is_file) {
  if (args.input_format) return *args.input_format;
  if (is_file) {
    if (auto by_name = format_from_extension(args.input)) return *by_name;
    std::string prefix(4096, '\0');
    in.read(&prefix[0], static_cast<std::streamsize>(prefix.size()));
    prefix.resize(static_cast<std::size_t>(in.gcount()));
    in.clear();
    in.seekg(0);
    return format_from_prefix(prefix);
  }
  const int c = in.peek();
  in.clear();
  return c == '{' ? InputFormat::Jsonl : InputFormat::Csv;
}

}  // namespace

int run_score(const ScoreArgs& args) {
  ScoreOptions options;
  if (args.now) {
    if (auto parsed = parse_instant(*args.now); !parsed) {
      std::cerr << "leadscore: score: --now: " << parsed.error().message << " ("
                << parsed.error().code << ")\n";
      return kExitUsage;
    }
    options.now = *args.now;
  } else {
    options.now = clock_now();
  }

  LoadedModel loaded = load_model_file(args.model_path);
  if (!loaded.model) {
    std::cerr << describe_model_error(args.model_path, loaded.error) << '\n';
    return loaded.exit_code;
  }
  const Model& model = *loaded.model;

  const bool is_file = args.input != "-";
  std::ifstream file;
  if (is_file) {
    file.open(args.input, std::ios::binary);
    if (!file) {
      std::cerr << "leadscore: " << args.input << ": cannot open the input file\n";
      return kExitIo;
    }
  }
  std::istream& in = is_file ? static_cast<std::istream&>(file) : std::cin;

  const InputFormat format = choose_format(args, in, is_file);
  auto source =
      format == InputFormat::Csv ? make_csv_source(in, args.delimiter) : make_jsonl_source(in);
  if (auto error = source->start()) {
    std::cerr << "leadscore: " << args.input << ": " << error->path
              << (error->path.empty() ? "" : ": ") << error->message << " (" << error->code
              << ")\n";
    return kExitRecordErrors;
  }

  auto writer =
      args.format == OutputFormat::Csv ? make_csv_writer(std::cout) : make_jsonl_writer(std::cout);
  writer->begin();

  std::unique_ptr<ProgressBar> progress;
  std::uintmax_t size = 0;
  if (is_file && progress_wanted(args.input, size)) {
    progress = std::make_unique<ProgressBar>(size, [&file]() -> std::uintmax_t {
      const auto pos = file.tellg();
      return pos < 0 ? 0 : static_cast<std::uintmax_t>(pos);
    });
  }

  std::uint64_t records = 0, failed = 0;
  InputRecord record;
  const Json no_lead;
  while (source->next(record)) {
    ++records;
    if (!record.lead) {
      ++failed;
      writer->error(record.line, no_lead, record.error);
    } else if (auto result = score(model, *record.lead, options)) {
      writer->result(record.line, *record.lead, result.value());
    } else {
      ++failed;
      writer->error(record.line, *record.lead, result.error());
    }
    if (progress) progress->tick(records);
  }
  progress.reset();  // clears the bar before any final message

  std::cout.flush();
  if (in.bad()) {
    std::cerr << "leadscore: " << args.input << ": reading the input failed\n";
    return kExitIo;
  }
  if (!std::cout) {
    std::cerr << "leadscore: writing the output failed\n";
    return kExitIo;
  }
  if (records == 0) {
    // No bytes at all is almost always a broken export or pipe: say so. A CSV with a header and no
    // rows is a valid, empty export: scored (nothing), with a note.
    if (format == InputFormat::Jsonl) {
      std::cerr << "leadscore: " << args.input << ": the input is empty: no records to score (input_empty)\n";
      return kExitRecordErrors;
    }
    std::cerr << "leadscore: " << args.input << ": the CSV has a header but no records\n";
  }
  return failed == 0 ? kExitOk : kExitRecordErrors;
}

}  // namespace leadscore::cli
