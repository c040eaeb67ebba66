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

}  // namespace

Expected<CleanEvents> clean_events(const Engagement* engagement, const Json* events, Millis now, const Limits& limits,
                                   Json& warnings) {
  CleanEvents out;
  if (events == nullptr) return out;
  // score() has already refused a non-array and more than limits.max_events events.
  if (!events->is_array() || events->size() > limits.max_events) return out;
  const Engagement& model = engagement ? *engagement : empty_engagement();
  out.received = events->size();

  // Unknown types: one warning per type at its first event, in order of first appearance.
  std::vector<std::pair<std::string, std::pair<std::size_t, std::size_t>>> unknown;  // type, {first index, count}
  std::optional<std::size_t> first_future;
  out.used.reserve(events->size());
  for (std::size_t i = 0; i < events->size(); ++i) {
    const Json& e = (*events)[i];
    const std::string where = "/events/" + std::to_string(i);
    Millis at = 0;
    const auto [key, reason] = check_event(e, at);
    if (!reason.empty()) {
      ++out.invalid;
      warnings.push_back(make_warning("event_invalid", key.empty() ? where : where + "/" + key,
                                      "event " + std::to_string(i) + " is ignored: " + reason));
      continue;
    }
    const std::string& type = e["type"].get_ref<const std::string&>();
    const long t = model.type_index(type);
    if (t < 0) {
      ++out.unknown;
      auto it = std::find_if(unknown.begin(), unknown.end(), [&](const auto& u) { return u.first == type; });
      if (it == unknown.end()) unknown.push_back({type, {i, 1}});
      else ++it->second.second;
      continue;
    }
    if (at > now) {
      ++out.future;
      if (!first_future) first_future = i;
      continue;
    }
    UsedEvent used;
    used.index = i;
    used.type = static_cast<std::size_t>(t);
    used.at = at;
    const auto props = e.find("props");
    used.props = props != e.end() ? &*props : nullptr;
    used.props_key = used.props ? dump_json(*used.props) : "{}";
    out.used.push_back(std::move(used));
  }
  for (const auto& [type, where] : unknown)
    warnings.push_back(make_warning("event_unknown_type", "/events/" + std::to_string(where.first) + "/type",
                                    "event type \"" + type + "\" is not declared in the model; " +
                                        std::to_string(where.second) + " event(s) of it are ignored"));
  if (first_future)
    warnings.push_back(make_warning("events_in_future", "/events/" + std::to_string(*first_future) + "/at",
                                    std::to_string(out.future) + " event(s) later than \"now\" are ignored"));

  const auto& types = model.event_types;
  std::sort(out.used.begin(), out.used.end(), [&](const UsedEvent& a, const UsedEvent& b) {
    if (a.at != b.at) return a.at < b.at;
    if (a.type != b.type) return types[a.type].id < types[b.type].id;
    if (a.props_key != b.props_key) return a.props_key < b.props_key;
    return a.index < b.index;
  });
  // Duplicates are now adjacent; keep the first (lowest input index).
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

}  // namespace leadscore
