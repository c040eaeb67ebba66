// See score_command.h. Every record of a run is scored for the same instant (run_instant.h).
#include "score_command.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <new>

#include "batch_runner.h"
#include "event_join.h"
#include "event_report.h"
#include "exit_codes.h"
#include "io_guard.h"
#include "leadscore/score.h"
#include "leadscore/time.h"
#include "model_file.h"
#include "output.h"
#include "progress.h"
#include "record_source.h"
#include "run_instant.h"

namespace leadscore::cli {

namespace {

Error out_of_memory() { return Error{"out_of_memory", "", "scoring this lead ran out of memory"}; }

// The --events side of a run: the join and its report, or nothing without --events.
struct EventsRun {
  std::unique_ptr<EventReport> report;
  std::unique_ptr<EventJoin> join;
};

// Opens the events file (and the unmatched-events file). Returns an exit code on failure, after
// printing why; 0 when the run can go on.
int open_events(const ScoreArgs& args, EventsRun& run) {
  if (!args.events) return kExitOk;
  run.report = std::make_unique<EventReport>(events_display_name(*args.events));
  if (args.unmatched_events) {
    // It is rewritten if the inputs turn out not to be sorted, which a pipe or device cannot be.
    std::error_code ec;
    const auto status = std::filesystem::status(*args.unmatched_events, ec);
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
      std::cerr << "leadscore: score: --unmatched-events must name a regular file\n";
      return kExitUsage;
    }
    if (auto error = run.report->open_unmatched_file(*args.unmatched_events)) {
      std::cerr << "leadscore: " << *error << '\n';
      return kExitIo;
    }
  }
  run.join = std::make_unique<EventJoin>(*args.events, args.events_format, *run.report);
  if (auto failure = run.join->open()) {
    std::cerr << "leadscore: " << failure->message << '\n';
    return failure->exit_code;
  }
  return kExitOk;
}

// One input record on its way through the batch runner: what the main thread found out when
// reading it, then the output text a worker formatted for it.
struct ScoreItem {
  InputRecord record;
  bool id_missing = false;   // --events, and the lead has no id to find its events by
  bool with_events = false;  // --events, and `events` holds the lead's events
  std::shared_ptr<const LeadEvents> events;  // shared with the join, which never changes them
  ScoreResult result;        // reused: an item is refilled batch after batch
  std::string text;          // the output line(s)
  bool failed = false;       // an error record
};

// The error record of a lead that has no id to find its events by.
Error lead_id_missing() {
  return {"lead_id_missing", "/id",
          "The lead has no id or lead_id (a non-empty string or a number), so its events cannot "
          "be found."};
}

int score_all(const ScoreArgs& args) {
  ScoreOptions options;
  options.language = args.language;
  const auto now = run_instant(args.now, "score");
  if (!now) return kExitUsage;
  options.now = *now;

  int load_failure = kExitOk;
  const auto loaded = load_model_or_report(args.model_path, load_failure, args.data_path);
  if (!loaded) return load_failure;
  const Model& model = *loaded;

  int open_failure = kExitOk;
  auto input = open_record_input(args.input, args.input_format, args.delimiter, open_failure);
  if (!input) return open_failure;
  std::istream& in = *input->in;
  auto& source = input->source;

  EventsRun events;
  if (const int code = open_events(args, events); code != kExitOk) return code;

  const auto formatter = args.format == OutputFormat::Csv ? make_csv_formatter() : make_jsonl_formatter();
  options.detail = formatter->detail_to_compute(args.detail);
  std::string header;
  formatter->begin(header);
  std::cout << header;

  std::unique_ptr<ProgressBar> progress;
  std::uintmax_t size = 0;
  if (input->file && progress_wanted(args.input, size)) {
    progress = std::make_unique<ProgressBar>(size, [file = input->file.get()]() -> std::uintmax_t {
      const auto pos = file->tellg();
      return pos < 0 ? 0 : static_cast<std::uintmax_t>(pos);
    });
    if (events.report) {
      events.report->before_message = [&progress] {
        if (progress) progress->clear();  // also called after the bar is gone
      };
    }
  }

  std::uint64_t records = 0, failed = 0;
  const LeadRecord no_lead;
  // Main thread, in input order: the record source, the events join and the progress bar.
  auto read = [&](ScoreItem& item) {
    if (!source->next(item.record)) return false;
    ++records;
    item.id_missing = item.with_events = false;
    item.events.reset();  // on the thread that read them (see the note at the end of work)
    if (events.join && !item.record.lead.empty()) {
      const std::string id = lead_id(item.record.lead);
      if (id.empty()) {
        item.id_missing = true;
      } else if (auto found = events.join->events_for(id)) {
        item.events = std::move(found);
        item.with_events = true;
      } else {
        return false;  // the inputs are not sorted and the events cannot be re-read: reported below
      }
    }
    if (progress) progress->tick(records);
    return true;
  };
  // Any thread: the model is immutable and score_into() a pure function of its arguments (each
  // item has its own ScoreResult).
  auto work = [&](ScoreItem& item) {
    complete_record(item.record);  // a deferred JSONL line is parsed here, in parallel
    const InputRecord& record = item.record;
    item.text.clear();
    item.failed = true;
    if (record.lead.empty()) {
      formatter->error(item.text, record.line, no_lead, record.error);
    } else if (item.id_missing) {
      formatter->error(item.text, record.line, record.lead, lead_id_missing());
    } else {
      ScoreOptions lead_options = options;
      lead_options.event_list = item.with_events ? &item.events->events : nullptr;
      // A lead for which memory runs out (scoring it or writing its result) gets the error
      // out_of_memory and the batch goes on. The work budget (docs/limits.md) keeps a lead far
      // below usual memory; this is the net for a machine already short of it.
      try {
        if (auto error = score_into(model, record.lead, lead_options, item.result)) {
          formatter->error(item.text, record.line, record.lead, *error);
        } else {
          formatter->scored(item.text, record.line, record.lead, item.result, args.detail,
                            item.with_events ? &item.events->lines : nullptr);
          item.failed = false;
        }
      } catch (const std::bad_alloc&) {
        item.result.clear();            // what the lead built is freed
        std::string().swap(item.text);  // with its partial line
        item.failed = true;
        formatter->error(item.text, record.line, record.lead, out_of_memory());
      }
    }
    // Free the lead and the result's objects on the thread that built them: glibc frees memory
    // of another thread's arena under that arena's lock, which made --jobs 2 scale poorly.
    item.result.clear();
    item.record.lead.clear();  // a flat read keeps its buffers for the next lead
  };
  BatchedOutput output;
  auto write = [&](const ScoreItem& item) {
    output.add(item.text);
    failed += item.failed ? 1 : 0;
  };
  // Without --events nothing on the reading thread needs the lead: JSON is parsed by the workers.
  if (!events.join) source->defer_parsing();
  WorkerPool pool(args.jobs);
  run_batches<ScoreItem>(pool, read, work, write);
  output.flush();
  progress.reset();  // clears the bar before any final message

  bool events_ok = true, events_broken = false;
  if (events.join) {
    std::cout.flush();  // the output so far comes before any message about it
    if (auto failure = events.join->failure() ? events.join->failure() : events.join->finish()) {
      std::cerr << "leadscore: " << failure->message << '\n';
      return failure->exit_code;
    }
    events_ok = events.report->finish();
    events_broken = events.report->broken_count() > 0;
  }

  return end_of_run_exit({args.input, in, input->format, "score", records, failed == 0 && !events_broken, events_ok});
}

}  // namespace

int run_score(const ScoreArgs& args) { return run_guarding_reads(score_all, args); }

}  // namespace leadscore::cli
