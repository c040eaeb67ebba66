// What `leadscore score --events` tells the user about events that were not used: broken lines of
// the events file and events whose lead id is not in the leads input. Both are reported on stderr
// by line number (never by content), so no event is dropped silently; unmatched events can also be
// written to a file (--unmatched-events) to be fixed and replayed.
#pragma once
#include <cstddef>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "event_source.h"
#include "leadscore/json.h"

namespace leadscore::cli {

/// A count of lines and the first few of them, for a one-line summary.
class LineList {
 public:
  static constexpr std::size_t kShown = 20;
  void add(std::size_t line);
  void clear() { *this = LineList(); }
  std::size_t count() const { return count_; }
  /// "line 3", "lines 3, 4, 9", or the first 20 then "and 7 more".
  std::string describe() const;

 private:
  std::size_t count_ = 0;
  std::vector<std::size_t> first_;
};

class EventReport {
 public:
  /// `name` is the events path as the user gave it, for messages.
  explicit EventReport(std::string name) : name_(std::move(name)) {}

  /// Starts writing unmatched events to `path` as JSON lines {"event","lead_id","line"}. Returns
  /// an error message when the file cannot be created.
  std::optional<std::string> open_unmatched_file(const std::string& path);

  /// A broken events line: the first 20 are printed at once, all are counted for the summary.
  void broken(const EventRow& row);
  /// An event whose lead id is not in the leads input.
  void unmatched(std::size_t line, const std::string& lead_id, const Json& event);
  /// The inputs turned out not to be sorted: events streaming had called unmatched may belong to
  /// a later lead after all, so that list (and the file) starts over from the in-memory index.
  void restart_unmatched();
  /// The one note saying the events were loaded into memory, and why.
  void note_in_memory(const std::string& why);

  /// Prints the summaries after the run. False when the unmatched-events file could not be
  /// written (the message is printed).
  bool finish();

  std::size_t broken_count() const { return broken_.count(); }

  /// Called before a message is printed during the run (the progress bar clears its line).
  std::function<void()> before_message;

 private:
  std::string name_;
  LineList broken_;
  LineList unmatched_;
  std::string unmatched_path_;
  std::ofstream unmatched_file_;
  bool noted_ = false;
};

}  // namespace leadscore::cli
