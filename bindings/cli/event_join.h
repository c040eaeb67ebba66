// Joins the events file to the leads for `leadscore score --events`, by lead id.
//
// When both inputs are sorted by lead id (byte order) the events are streamed with a merge join:
// memory holds one lead's events, never the whole file. A seekable events file is first read once
// (keeping nothing) to check that it is sorted, because a merge join only notices an unsorted
// events file when it reaches the out-of-order line, and by then an earlier lead could already
// have been written without some of its events. If the events file is not sorted, or a lead id is
// lower than the one before it, the events file is read again from the start into an in-memory
// index (one note on stderr) and the run goes on: the output is the same either way. An events
// file that cannot be read twice (stdin, a pipe) must be sorted: the run stops with an error the
// moment either input is seen out of order.
#pragma once
#include <cstddef>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "args.h"
#include "event_report.h"
#include "event_source.h"
#include "leadscore/event_list.h"
#include "leadscore/json.h"

namespace leadscore::cli {

/// One lead's events as the core receives them, with the events-file line of each.
struct LeadEvents {
  EventList events;
  std::vector<std::size_t> lines;
};

/// Why the run cannot go on: the exit code and the line for stderr (without "leadscore: ").
struct JoinFailure {
  int exit_code = 0;
  std::string message;
};

/// How messages name the events input: its path, or "events on stdin" for "-".
std::string events_display_name(const std::string& path);

class EventJoin {
 public:
  /// `path` is a file or "-" (stdin); `format` as given by --events-format, if at all.
  EventJoin(std::string path, std::optional<InputFormat> format, EventReport& report);

  /// Opens the events file, reads its header and, when it is seekable, checks its order.
  std::optional<JoinFailure> open();

  /// The events of lead `id` (non-empty), in file order. While streaming, a lead's group stops
  /// being stored past Limits::max_events + 1 events, enough for the core to answer
  /// "too_many_events" for that lead; the rest of the group is skipped. Null on failure (see
  /// failure()). Shared, not copied: a batch hands it to a worker while the join reads on (200
  /// events a lead made the copy cost as much as scoring them).
  std::shared_ptr<const LeadEvents> events_for(const std::string& id);

  /// After the last lead: every event not handed out goes to the report as unmatched.
  std::optional<JoinFailure> finish();

  const std::optional<JoinFailure>& failure() const { return failure_; }

 private:
  enum class Mode { Stream, Memory };
  // In memory, events are kept as compact JSON text, one per '\n'-ended segment: nlohmann
  // objects cost about ten times their text, and each group is parsed once, when asked for.
  struct Group {
    std::string texts;
    std::vector<std::size_t> lines;
    bool used = false;
  };

  bool start_source();   // a source on in_, header read
  bool rewind();         // back to the start of a seekable file
  bool read_failed();    // sets failure_ on an I/O error
  std::size_t first_unsorted_line();  // 0 when sorted
  bool fill_pending();   // false at the end, on failure, or after a fall-back
  bool fall_back(const std::string& why);
  std::shared_ptr<const LeadEvents> lookup(const std::string& id);

  std::string path_;
  std::string name_;  // for messages
  std::optional<InputFormat> forced_format_;
  InputFormat format_ = InputFormat::Csv;
  EventReport& report_;
  bool seekable_ = false;
  std::ifstream file_;
  std::istream* in_ = nullptr;
  std::unique_ptr<EventSource> source_;
  std::optional<JoinFailure> failure_;
  Mode mode_ = Mode::Stream;

  // Streaming state.
  EventRow pending_;  // the next usable row, read ahead (when has_pending_); reused from row to row
  bool has_pending_ = false;
  std::string last_event_id_;
  std::string last_lead_id_;
  bool any_lead_ = false;
  std::shared_ptr<LeadEvents> current_;  // the last lead's events (null before the first lead)
  std::size_t last_line_read_ = 0;  // broken lines up to here are already reported
  // Ids of the groups handed out while streaming: after a fall-back they are not unmatched.
  std::vector<std::string> streamed_ids_;

  // In-memory state.
  std::unordered_map<std::string, Group> index_;
};

}  // namespace leadscore::cli
