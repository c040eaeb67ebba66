// See event_report.h.
#include "event_report.h"

#include <iostream>

namespace leadscore::cli {

void LineList::add(std::size_t line) {
  ++count_;
  if (first_.size() < kShown) first_.push_back(line);
}

std::string LineList::describe() const {
  std::string text = count_ == 1 ? "line " : "lines ";
  for (std::size_t i = 0; i < first_.size(); ++i) {
    if (i > 0) text += ", ";
    text += std::to_string(first_[i]);
  }
  if (count_ > first_.size()) text += " and " + std::to_string(count_ - first_.size()) + " more";
  return text;
}

std::optional<std::string> EventReport::open_unmatched_file(const std::string& path) {
  unmatched_path_ = path;
  unmatched_file_.open(path, std::ios::binary | std::ios::trunc);
  if (!unmatched_file_) return path + ": cannot create the unmatched-events file";
  return std::nullopt;
}

void EventReport::broken(const EventRow& row) {
  broken_.add(row.line);
  if (broken_.count() <= LineList::kShown) {
    if (before_message) before_message();
    std::cerr << "leadscore: " << name_ << ": " << row.error.message << " (" << row.error.code
              << ")\n";
  }
}

void EventReport::unmatched(std::size_t line, const std::string& lead_id, const Json& event) {
  unmatched_.add(line);
  if (!unmatched_path_.empty()) {
    const Json entry = Json::object({{"event", event}, {"lead_id", lead_id}, {"line", line}});
    unmatched_file_ << dump_json(entry) << '\n';
  }
}

void EventReport::restart_unmatched() {
  unmatched_.clear();
  if (unmatched_path_.empty()) return;
  unmatched_file_.close();
  unmatched_file_.open(unmatched_path_, std::ios::binary | std::ios::trunc);
}

void EventReport::note_in_memory(const std::string& why) {
  if (noted_) return;
  noted_ = true;
  if (before_message) before_message();
  std::cerr << "leadscore: note: " << why
            << ", so the events were loaded into memory (to stream them instead, sort both files "
               "by lead id, byte order, e.g. with LC_ALL=C sort)\n";
}

bool EventReport::finish() {
  if (broken_.count() > 0) {
    std::cerr << "leadscore: " << name_ << ": " << broken_.count() << " broken events "
              << (broken_.count() == 1 ? "line was" : "lines were") << " skipped ("
              << broken_.describe() << ") (events_broken_lines)\n";
  }
  if (unmatched_.count() > 0) {
    std::cerr << "leadscore: " << name_ << ": " << unmatched_.count()
              << (unmatched_.count() == 1 ? " event names a lead id" : " events name lead ids")
              << " not in the leads input (" << unmatched_.describe() << "); "
              << (unmatched_path_.empty() ? "--unmatched-events FILE writes them out"
                                          : "written to " + unmatched_path_)
              << " (events_unmatched)\n";
  }
  if (!unmatched_path_.empty()) {
    unmatched_file_.flush();
    if (!unmatched_file_) {
      std::cerr << "leadscore: " << unmatched_path_ << ": writing the unmatched events failed\n";
      return false;
    }
  }
  return true;
}

}  // namespace leadscore::cli
