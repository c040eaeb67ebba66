// Fuzz target score_events: the first line is a lead's JSON text, every following line one of its
// events (JSON lines, as a batch job reads an events file), scored by the bundled default model.
// The events are read the two ways the engine reads them: each line into an EventList (batch
// jobs) and each line parsed into one JSON array (ScoreOptions::events); a line refused by one is
// refused by the other with the same error, and both give the same result bytes.
#include <string>
#include <string_view>

#include "fuzz_models.h"
#include "fuzz_support.h"
#include "fuzz_targets.h"
#include "leadscore/event_list.h"
#include "leadscore/lead_record.h"
#include "leadscore/score.h"

namespace leadscore::fuzz {

void score_events(std::string_view input) {
  const Model& model = default_model();
  auto [lead_text, rest] = split_first_line(input);
  LeadRecord lead;
  if (lead.parse(lead_text)) return;

  EventList list;
  Json array = Json::array();
  while (!rest.empty()) {
    auto [line, after] = split_first_line(rest);
    rest = after;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    std::string lead_id;
    const auto list_error = list.add_json(line, Limits{}.max_json_depth, &lead_id);
    auto tree = parse_json(line, "event");
    require(list_error.has_value() != tree.ok(), "EventList::add_json accepts what parse_json accepts");
    if (list_error) {
      require_equal(list_error->code + " " + list_error->path, tree.error().code + " " + tree.error().path,
                    "EventList::add_json refuses with parse_json's error");
      continue;
    }
    array.push_back(std::move(tree).value());
  }
  require(list.size() == array.size(), "the list holds every event read");

  for (const Detail detail : {Detail::Explain, Detail::Summary}) {
    ScoreOptions from_list_options;
    from_list_options.now = kNow;
    from_list_options.detail = detail;
    ScoreOptions from_array_options = from_list_options;
    from_list_options.event_list = &list;
    from_array_options.events = &array;
    ScoreResult from_list, from_array;
    const auto error_list = score_into(model, lead, from_list_options, from_list);
    const auto error_array = score_into(model, lead, from_array_options, from_array);
    require(error_list.has_value() == error_array.has_value(), "an EventList and an array fail alike");
    if (error_list) {
      require_equal(error_list->code, error_array->code, "an EventList and an array fail with the same code");
      continue;
    }
    std::string text_list, text_array;
    write_result(from_list, detail, text_list);
    write_result(from_array, detail, text_array);
    require_equal(text_list, text_array, "an EventList and an array score to the same bytes");
  }
}

}  // namespace leadscore::fuzz
