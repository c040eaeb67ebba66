// See events.h. Warnings name the event's position and key, never a value from the event (props
// may hold personal data); an unknown type's id is named, since it is vocabulary, not lead data.
#include "engagement/events.h"

#include <algorithm>
#include <map>

#include "score/lead_normalize.h"
#include "leadscore/time.h"

namespace leadscore {
namespace {

const Engagement& empty_engagement() {
  static const Engagement none;
  return none;
}

// Why an event cannot be used: {key, reason}, or an empty key when it can.
std::pair<std::string, std::string> check_event(const Json& e, Millis& at) {
  if (!e.is_object()) return {"", "an event must be an object {\"type\", \"at\", \"props\"?}"};
  const auto type = e.find("type");
  if (type == e.end() || !type->is_string() || type->get_ref<const std::string&>().empty())
    return {"type", "\"type\" must be a non-empty string"};
  const auto when = e.find("at");
  if (when == e.end() || !when->is_string()) return {"at", "\"at\" must be an ISO-8601 instant with an offset"};
  const auto parsed = parse_instant(when->get_ref<const std::string&>());
  if (!parsed) return {"at", "\"at\" is not an ISO-8601 instant with an offset (" + parsed.error().code + ")"};
  at = parsed.value();
  const auto props = e.find("props");
  if (props != e.end() && !props->is_object()) return {"props", "\"props\" must be an object"};
  return {};
}

// What check_event() found in a valid event.
struct ValidEvent {
  std::string_view type;
  Millis at = 0;
  const Json* props = nullptr;
};

// Checks a JSON event: {key, reason} when it cannot be used, or {} with `valid` filled.
std::pair<std::string, std::string> check_json_event(const Json& e, ValidEvent& valid) {
  auto why = check_event(e, valid.at);
  if (!why.second.empty()) return why;
  valid.type = e["type"].get_ref<const std::string&>();
  const auto props = e.find("props");
  valid.props = props != e.end() ? &*props : nullptr;
  return {};
}

// Checks event i of the input behind `context` as check_json_event() does.
using CheckEvent = std::pair<std::string, std::string> (*)(const void* context, std::size_t i, ValidEvent& valid);

// The order of used events: instant, type id, then (`by_props`, within a run of equal instant and
// type) the canonical props text; the input position last. One comparator type for both sorts.
struct EventOrder {
  const std::vector<std::uint32_t>* type_rank;
  bool by_props;
  bool operator()(const UsedEvent& a, const UsedEvent& b) const {
    if (by_props) {
      if (a.props_key != b.props_key) return a.props_key < b.props_key;
      return a.index < b.index;
    }
    if (a.at != b.at) return a.at < b.at;
    if (a.type != b.type) return (*type_rank)[a.type] < (*type_rank)[b.type];
    return a.index < b.index;
  }
};

// The cleaning itself, over `count` events (one function for both inputs: it is large, and the
// browser module carries it once).
CleanEvents clean(const Engagement* engagement, std::size_t count, CheckEvent check, const void* context, Millis now,
                  Json& warnings) {
  CleanEvents out;
  const Engagement& model = engagement ? *engagement : empty_engagement();
  out.received = count;

  // Unknown types: one warning per type at its first event, in order of first appearance.
  std::vector<std::pair<std::string, std::pair<std::size_t, std::size_t>>> unknown;  // type, {first index, count}
  std::optional<std::size_t> first_future;
  out.used.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    ValidEvent e;
    const auto [key, reason] = check(context, i, e);
    if (!reason.empty()) {
      ++out.invalid;
      const std::string where = "/events/" + std::to_string(i);
      warnings.push_back(make_warning("event_invalid", key.empty() ? where : where + "/" + key,
                                      "event " + std::to_string(i) + " is ignored: " + reason));
      continue;
    }
    const long t = model.type_index(e.type);
    if (t < 0) {
      ++out.unknown;
      auto it = std::find_if(unknown.begin(), unknown.end(), [&](const auto& u) { return u.first == e.type; });
      if (it == unknown.end()) unknown.push_back({std::string(e.type), {i, 1}});
      else ++it->second.second;
      continue;
    }
    if (e.at > now) {
      ++out.future;
      if (!first_future) first_future = i;
      continue;
    }
    UsedEvent& used = out.used.emplace_back();
    used.index = i;
    used.type = static_cast<std::size_t>(t);
    used.at = e.at;
    used.props = e.props;
  }
  for (const auto& [type, where] : unknown)
    warnings.push_back(make_warning("event_unknown_type", "/events/" + std::to_string(where.first) + "/type",
                                    "event type \"" + type + "\" is not declared in the model; " +
                                        std::to_string(where.second) + " event(s) of it are ignored"));
  if (first_future)
    warnings.push_back(make_warning("events_in_future", "/events/" + std::to_string(*first_future) + "/at",
                                    std::to_string(out.future) + " event(s) later than \"now\" are ignored"));

  const auto& types = model.event_types;
  // Order: instant, type id, canonical props text, input position. The props text is only
  // needed (and only made) for events that share their instant and type with another.
  // Exports are usually in time order already: then there is nothing to sort (the order is total,
  // the input position last, so sorting a sorted list would change nothing).
  const EventOrder order{&model.type_rank, false};
  if (!std::is_sorted(out.used.begin(), out.used.end(), order)) std::sort(out.used.begin(), out.used.end(), order);
  for (std::size_t run = 0; run < out.used.size();) {
    std::size_t end = run + 1;
    while (end < out.used.size() && out.used[end].at == out.used[run].at && out.used[end].type == out.used[run].type) ++end;
    if (end - run > 1) {
      for (std::size_t i = run; i < end; ++i)
        out.used[i].props_key = out.used[i].props ? dump_json(*out.used[i].props) : "{}";
      std::sort(out.used.begin() + static_cast<std::ptrdiff_t>(run), out.used.begin() + static_cast<std::ptrdiff_t>(end),
                EventOrder{&model.type_rank, true});
    }
    run = end;
  }
  // Duplicates are now adjacent (same instant and type: their props texts were made above); keep
  // the first (lowest input index).
  std::size_t kept = 0;
  for (std::size_t i = 0; i < out.used.size(); ++i) {
    if (kept > 0) {
      const UsedEvent& prev = out.used[kept - 1];
      const UsedEvent& cur = out.used[i];
      if (prev.at == cur.at && prev.type == cur.type && prev.props_key == cur.props_key) {
        ++out.duplicates;
        continue;
      }
    }
    if (kept != i) out.used[kept] = std::move(out.used[i]);
    ++kept;
  }
  out.used.resize(kept);
  for (const UsedEvent& e : out.used)
    if (types[e.type].activity) out.last_activity = e.at;  // sorted: the last one wins
  return out;
}

}  // namespace

Expected<CleanEvents> clean_events(const Engagement* engagement, const Json* events, Millis now, const Limits& limits,
                                   Json& warnings) {
  // score() has already refused a non-array and more than limits.max_events events.
  if (events == nullptr || !events->is_array() || events->size() > limits.max_events) return CleanEvents{};
  const CheckEvent check = [](const void* context, std::size_t i, ValidEvent& e) {
    return check_json_event((*static_cast<const Json*>(context))[i], e);
  };
  return clean(engagement, events->size(), check, events, now, warnings);
}

Expected<CleanEvents> clean_events(const Engagement* engagement, const EventList& events, Millis now,
                                   const Limits& limits, Json& warnings) {
  if (events.size() > limits.max_events) return CleanEvents{};
  const CheckEvent check = [](const void* context, std::size_t i, ValidEvent& e) -> std::pair<std::string, std::string> {
    const EventList::Event event = (*static_cast<const EventList*>(context))[i];
    if (event.whole) return check_json_event(*event.whole, e);
    e.type = event.type;
    e.at = event.at;
    e.props = event.props;
    return {};
  };
  return clean(engagement, events.size(), check, &events, now, warnings);
}

}  // namespace leadscore
