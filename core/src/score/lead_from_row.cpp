// CSV row -> lead object (declared in score.h). Kept apart from score.cpp because it is the one
// place where the CSV world (every value a string, "" meaning "not filled in") meets the lead
// model; typing and trimming happen later, in score(), exactly as for a JSON lead.
#include <algorithm>

#include "leadscore/score.h"

namespace leadscore {

Json lead_from_row(const std::vector<std::string>& header, const std::vector<std::string>& cells) {
  Json lead = Json::object();
  // A ragged row never reaches here from CsvReader; pairing up to the shorter length keeps the
  // function total for any other caller.
  const std::size_t n = std::min(header.size(), cells.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (cells[i].empty()) continue;  // an empty cell is a missing value, not the string ""
    lead[header[i]] = cells[i];
  }
  return lead;
}

}  // namespace leadscore

namespace leadscore {

Json event_from_row(const std::vector<std::string>& header, const std::vector<std::string>& cells) {
  Json event = Json::object();
  Json props = Json::object();
  const std::size_t n = std::min(header.size(), cells.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (cells[i].empty() || header[i] == "lead_id") continue;
    if (header[i] == "type" || header[i] == "at") event[header[i]] = cells[i];
    else props[header[i]] = cells[i];
  }
  if (!props.empty()) event["props"] = std::move(props);
  return event;
}

}  // namespace leadscore
