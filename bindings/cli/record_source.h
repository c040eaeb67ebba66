// Input records for `leadscore score`: CSV rows or JSONL lines, one at a time, each with the
// line it starts on. A record that cannot become a lead (ragged row, bad JSON...) still comes out,
// as an error, so the output keeps exactly one line per input record.
#pragma once
#include <cstdint>
#include <fstream>
#include <istream>
#include <memory>
#include <optional>
#include <string>

#include "args.h"
#include "leadscore/csv.h"
#include "leadscore/json.h"
#include "leadscore/lead_record.h"

namespace leadscore::cli {

struct InputRecord {
  std::size_t line = 0;
  LeadRecord lead;  ///< empty when the record itself is broken
  Error error;      ///< why, when lead.empty()
  /// A JSONL record read with deferred parsing: its text, parsed by complete_record() on a worker
  /// thread (parsing is a good part of the work and needs nothing from the reading thread).
  std::string pending_text;
  bool pending = false;
};

/// Parses a pending record (see RecordSource::defer_parsing) into `lead` or `error`, exactly as
/// the source would have. Does nothing to a record that is not pending. Any thread. A flat JSON
/// object is read into the record's reused buffers (LeadRecord::parse), not into a tree.
void complete_record(InputRecord& record);

class RecordSource {
 public:
  virtual ~RecordSource() = default;
  /// Prepares the input (a CSV source reads its header). An error here means nothing can be read.
  virtual std::optional<Error> start() = 0;
  /// The next record, or false at the end of the input.
  virtual bool next(InputRecord& record) = 0;
  /// From now on, leave JSON records unparsed (`pending`) for complete_record(). Only a JSONL
  /// source defers; a CSV record is turned into a lead as it is read.
  virtual void defer_parsing() {}
};

std::unique_ptr<RecordSource> make_csv_source(std::istream& in, char delimiter);
std::unique_ptr<RecordSource> make_jsonl_source(std::istream& in);

/// The lead's own id for reports: the "id" or else "lead_id" key when it is a string or a number;
/// "" otherwise. Nothing else of a lead is ever echoed (privacy).
std::string lead_id(const Json& lead);
std::string lead_id(const LeadRecord& lead);

/// Input format from the file name (.csv, .jsonl, .ndjson), if it says.
std::optional<InputFormat> format_from_extension(const std::string& path);
/// Input format from the first bytes: a JSON object starts with '{', anything else is CSV.
InputFormat format_from_prefix(const std::string& prefix);

/// Whether `path` names a directory (which opens like a file but fails on the first read).
bool is_directory(const std::string& path);

/// Whether `path` names a regular file, which can be rewound and read again ("-", pipes and
/// /dev/fd/N from a shell's <(...) cannot).
bool is_seekable_file(const std::string& path);

/// The format of an input: `forced`, else the extension of `path`, else a look at the first
/// bytes. A seekable input is rewound after the look; of any other only one byte is peeked.
InputFormat choose_input_format(std::optional<InputFormat> forced, const std::string& path,
                                std::istream& in, bool seekable);

/// An input opened for reading records: its file (none for stdin), stream, format and source.
struct RecordInput {
  std::unique_ptr<std::ifstream> file;  ///< null when reading stdin
  std::istream* in = nullptr;
  InputFormat format = InputFormat::Csv;
  std::unique_ptr<RecordSource> source;  ///< already started
};

/// Opens `path` ("-" = stdin), chooses its format (`forced`, else extension, else a look) and
/// starts the source. On failure prints why on stderr, naming the input, and returns nullopt with
/// the exit code in `exit_code` (I/O when it cannot be opened, record errors when the start fails,
/// e.g. a CSV without a header).
std::optional<RecordInput> open_record_input(const std::string& path, std::optional<InputFormat> forced,
                                             char delimiter, int& exit_code);

/// After the last record: flushes stdout, and reports a failed read of `in` or a failed write of
/// stdout on stderr. Returns kExitIo then, kExitOk otherwise.
int finish_streams(const std::string& path, std::istream& in);

/// When a run saw no record: empty JSONL (no bytes at all, almost always a broken export or pipe)
/// is an error; a CSV with a header and no rows is a valid empty export, noted on stderr. `verb`
/// names what the run does ("score", "check"). Returns the exit code the empty input deserves.
int empty_input_exit(const std::string& path, InputFormat format, const char* verb);

/// How a record-in/record-out run ended, for end_of_run_exit().
struct RunEnd {
  const std::string& path;  ///< the input path ("-" for stdin)
  std::istream& in;
  InputFormat format;
  const char* verb;         ///< "score", "check", "verify", "accounts"
  std::uint64_t records = 0;
  bool all_ok = true;       ///< no error line (verify: every submission matched)
  bool events_ok = true;    ///< --events was read and closed without an I/O failure
};

/// The exit code every command ends with, in this order: a failed read or write (kExitIo), a
/// failed events file (kExitIo), an empty input (empty_input_exit), error lines (kExitRecordErrors).
int end_of_run_exit(const RunEnd& end);

}  // namespace leadscore::cli
