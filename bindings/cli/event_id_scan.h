// The lead_id of a JSONL event line without building the event: the events join reads the whole
// events file once just to check that it is sorted by lead id, and only the ids matter there.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace leadscore::cli {

/// The lead_id that the JSONL event source gives `line` (a string as it is, a number as
/// dump_json writes it; the last one when the key repeats), or nullopt when that source would
/// report the line as broken: not JSON, nested `max_depth` levels or deeper, not an object, or
/// without a non-empty string or numeric lead_id.
std::optional<std::string> scan_event_lead_id(std::string_view line, std::size_t max_depth);

/// A faster answer for the order check, exact for every line that scan_event_lead_id() accepts:
/// a line written the usual way (`{"lead_id":"<plain text>",...`, the key nowhere else) gives its
/// id without a parse; any other line goes through scan_event_lead_id(). The price: a broken line
/// of that usual shape also gives an id. So ids read this way prove an events file sorted (the
/// usable lines are a subsequence of a sorted sequence), but an order break found with them must
/// be confirmed with scan_event_lead_id().
std::optional<std::string> quick_event_lead_id(std::string_view line, std::size_t max_depth);

}  // namespace leadscore::cli
