// See event_join.h.
#include "event_join.h"

#include <algorithm>
#include <iostream>

#include "exit_codes.h"
#include "leadscore/limits.h"
#include "record_source.h"

namespace leadscore::cli {
namespace {

std::string not_sorted(std::size_t line) {
  return "the events file is not sorted by lead id (line " + std::to_string(line) +
         " has a lower id than an earlier line)";
}

// nlohmann's own text keeps number types (1.0 stays a double), so parsing it back gives the
// same value the core would have seen; strings are valid UTF-8 (checked when read), so "replace"
// never applies and nothing can throw.
std::string compact_text(const Json& event) {
  return event.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json from_compact_text(const std::string& texts, std::size_t start, std::size_t end) {
  return Json::parse(texts.begin() + static_cast<std::ptrdiff_t>(start),
                     texts.begin() + static_cast<std::ptrdiff_t>(end), nullptr, false);
}

// An event's text for the in-memory index: a JSON line as it was read (it holds no line break),
// a CSV row as the object it became.
void append_event_text(std::string& texts, const EventRow& row) {
  if (row.text.empty()) texts += compact_text(row.event.element_json(0));
  else texts += row.text;
}

}  // namespace

std::string events_display_name(const std::string& path) {
  return path == "-" ? "events on stdin" : path;
}

EventJoin::EventJoin(std::string path, std::optional<InputFormat> format, EventReport& report)
    : path_(std::move(path)),
      name_(events_display_name(path_)),
      forced_format_(format),
      report_(report) {}

std::optional<JoinFailure> EventJoin::open() {
  seekable_ = is_seekable_file(path_);
  if (path_ != "-") {
    if (!is_directory(path_)) file_.open(path_, std::ios::binary);
    if (!file_.is_open()) return JoinFailure{kExitIo, name_ + ": cannot open the events file"};
  }
  in_ = path_ == "-" ? static_cast<std::istream*>(&std::cin) : &file_;
  format_ = choose_input_format(forced_format_, path_, *in_, seekable_);
  if (!start_source()) return failure_;
  if (!seekable_) return std::nullopt;
  // A quiet first pass over the whole file, keeping nothing: the merge join is only correct on a
  // sorted events file (see event_join.h).
  const std::size_t unsorted = first_unsorted_line();
  if (failure_) return failure_;
  if (unsorted != 0) {
    fall_back(not_sorted(unsorted));
    return failure_;
  }
  rewind();
  return failure_;
}

bool EventJoin::start_source() {
  source_ = format_ == InputFormat::Csv ? make_csv_event_source(*in_)
                                        : make_jsonl_event_source(*in_);
  if (auto error = source_->start()) {
    failure_ = JoinFailure{kExitRecordErrors, name_ + ": " + error->path +
                                                  (error->path.empty() ? "" : ": ") +
                                                  error->message + " (" + error->code + ")"};
    return false;
  }
  return true;
}

bool EventJoin::rewind() {
  file_.clear();
  file_.seekg(0);
  return start_source();
}

bool EventJoin::read_failed() {
  if (!in_->bad()) return false;
  failure_ = JoinFailure{kExitIo, name_ + ": reading the events file failed"};
  return true;
}

std::size_t EventJoin::first_unsorted_line() {
  // Quick ids first: when they are in order, so are the usable lines' ids. A break found with
  // them may come from a broken line, so it is confirmed by a second, exact pass.
  for (const bool quick : {true, false}) {
    if (!quick && !rewind()) return 0;
    source_->ids_only(quick);  // this pass reads ids only; rewind() starts a new, full source
    EventRow row;
    std::string last;
    std::size_t unsorted = 0;
    while (unsorted == 0 && source_->next(row)) {
      if (row.broken()) continue;  // reported by the pass that uses the events
      if (row.lead_id < last) unsorted = row.line;
      last = std::move(row.lead_id);
    }
    if (read_failed()) return 0;
    if (unsorted == 0 || !quick) return unsorted;
  }
  return 0;
}

bool EventJoin::fill_pending() {
  if (has_pending_) return true;
  EventRow& row = pending_;  // read in place: its buffers serve every row
  while (source_->next(row)) {
    last_line_read_ = row.line;
    if (row.broken()) {
      report_.broken(row);
      continue;
    }
    if (row.lead_id < last_event_id_) {
      fall_back(not_sorted(row.line));
      return false;
    }
    last_event_id_ = row.lead_id;
    has_pending_ = true;
    return true;
  }
  read_failed();
  return false;
}

std::shared_ptr<const LeadEvents> EventJoin::events_for(const std::string& id) {
  if (failure_) return nullptr;
  if (mode_ == Mode::Memory) return lookup(id);
  if (any_lead_ && id < last_lead_id_) {
    const std::string why =
        "the leads are not sorted by lead id (" + id + " comes after " + last_lead_id_ + ")";
    return fall_back(why) ? lookup(id) : nullptr;
  }
  if (any_lead_ && id == last_lead_id_) return current_;  // the same lead id again
  any_lead_ = true;
  last_lead_id_ = id;
  current_ = std::make_shared<LeadEvents>();
  // One more than the core accepts, so the core itself reports "too_many_events".
  const std::size_t keep = Limits{}.max_events + 1;
  for (;;) {
    if (!fill_pending()) {
      if (failure_) return nullptr;
      if (mode_ == Mode::Memory) return lookup(id);
      break;  // end of the events
    }
    if (pending_.lead_id > id) break;
    if (pending_.lead_id < id) {
      // No lead has this id: leads come in ascending order and this one is already past it.
      report_.unmatched(pending_.line, pending_.lead_id, pending_.json());
    } else if (current_->lines.size() < keep) {
      current_->events.take(pending_.event, 0);
      current_->lines.push_back(pending_.line);
    }
    has_pending_ = false;
  }
  if (!current_->lines.empty()) streamed_ids_.push_back(id);
  return current_;
}

bool EventJoin::fall_back(const std::string& why) {
  if (!seekable_) {
    failure_ = JoinFailure{
        kExitUsage,
        name_ + ": " + why +
            ", and the events cannot be read a second time (stdin or a pipe): sort both inputs "
            "by lead id (byte order, e.g. LC_ALL=C sort) or pass the events as a regular file. "
            "The run stopped; the output written so far may lack events (events_not_sorted)"};
    return false;
  }
  report_.note_in_memory(why);
  report_.restart_unmatched();
  mode_ = Mode::Memory;
  has_pending_ = false;
  current_.reset();
  if (!rewind()) return false;
  EventRow row;
  while (source_->next(row)) {
    if (row.broken()) {
      if (row.line > last_line_read_) report_.broken(row);
      continue;
    }
    Group& group = index_[row.lead_id];
    append_event_text(group.texts, row);
    group.texts += '\n';  // JSON text never holds a raw line break
    group.lines.push_back(row.line);
  }
  if (read_failed()) return false;
  for (const std::string& id : streamed_ids_) {
    if (auto it = index_.find(id); it != index_.end()) it->second.used = true;
  }
  streamed_ids_ = {};
  return true;
}

std::shared_ptr<const LeadEvents> EventJoin::lookup(const std::string& id) {
  auto found = std::make_shared<LeadEvents>();
  const auto it = index_.find(id);
  if (it == index_.end()) return found;
  Group& group = it->second;
  group.used = true;
  // As when streaming: one more than the core accepts is enough for its "too_many_events".
  const std::size_t keep = std::min(group.lines.size(), Limits{}.max_events + 1);
  std::size_t start = 0;
  for (std::size_t i = 0; i < keep; ++i) {
    const std::size_t end = group.texts.find('\n', start);
    // Read before: it cannot fail (and the same text gives the same event).
    found->events.add_json(std::string_view(group.texts).substr(start, end - start));
    found->lines.push_back(group.lines[i]);
    start = end + 1;
  }
  return found;
}

std::optional<JoinFailure> EventJoin::finish() {
  if (failure_) return failure_;
  if (mode_ == Mode::Stream) {
    while (fill_pending()) {
      report_.unmatched(pending_.line, pending_.lead_id, pending_.json());
      has_pending_ = false;
    }
    if (failure_) return failure_;
  }
  if (mode_ == Mode::Memory) {  // also after a fall-back while draining the stream above
    struct Unmatched {
      std::size_t line;
      const std::string* id;
      const std::string* texts;
      std::size_t start, end;  // the event's segment of *texts
    };
    std::vector<Unmatched> unmatched;
    for (const auto& [id, group] : index_) {
      if (group.used) continue;
      std::size_t start = 0;
      for (const std::size_t line : group.lines) {
        const std::size_t end = group.texts.find('\n', start);
        unmatched.push_back({line, &id, &group.texts, start, end});
        start = end + 1;
      }
    }
    std::sort(unmatched.begin(), unmatched.end(),
              [](const Unmatched& a, const Unmatched& b) { return a.line < b.line; });
    for (const Unmatched& u : unmatched) {
      report_.unmatched(u.line, *u.id, from_compact_text(*u.texts, u.start, u.end));
    }
  }
  if (source_->empty()) {
    std::cerr << "leadscore: " << name_
              << ": the events file is empty: the leads were scored without events\n";
  }
  return std::nullopt;
}

}  // namespace leadscore::cli
