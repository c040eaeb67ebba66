// A lead's events as a batch job reads them: each event's JSON text (an events JSONL line) read
// straight into the list, without a JSON tree per event. The events counterpart of LeadRecord:
// at 200 events a lead, building, checking and freeing one tree per event cost more than the
// engagement rules that read them.
//
// add_json() reads the usual event shape ({"type": "...", "at": "...", "props": {flat}} plus any
// other scalar members, such as "lead_id") itself: the type and the instant's text go into one
// buffer of the list, the instant is parsed once, the props become a small object. Anything else
// (nested props, an invalid instant, a missing type, any doubt, any error) goes through
// parse_json(), so the list accepts and refuses exactly the texts parse_json() does and scoring
// sees the same events, warnings and errors as with ScoreOptions::events.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/error.h"
#include "leadscore/json.h"
#include "leadscore/limits.h"

namespace leadscore {

class EventList {
 public:
  /// One event as scoring reads it (valid until the list changes).
  struct Event {
    /// Not null for an event kept as a JSON value (added with add(), or a text add_json() left to
    /// parse_json()): scoring checks it like an element of ScoreOptions::events. Null for an event
    /// add_json() read itself, which is always usable: then the members below describe it.
    const Json* whole = nullptr;
    std::string_view type;        ///< the non-empty "type"
    std::string_view at_text;     ///< the "at" text as given
    std::int64_t at = 0;          ///< parse_instant(at_text), UTC milliseconds
    const Json* props = nullptr;  ///< the "props" object, or nullptr when the event has none
  };

  /// Reads one event from JSON text, as parse_json(text, "event", max_depth) would, and appends
  /// it. On error nothing is appended and the error is parse_json's. When `lead_id` is given it
  /// receives the text's "lead_id" member: a string as it is, a number as its JSON text, "" when
  /// absent or of another type (or when the text is not an object).
  std::optional<Error> add_json(std::string_view text, std::size_t max_depth = Limits{}.max_json_depth,
                                std::string* lead_id = nullptr);
  /// Appends any JSON value as one event (scoring warns about one that is not a usable event).
  void add(Json event);
  /// Appends event `i` of `other`, moving its JSON out of `other` (which keeps the event, emptied:
  /// clear it next). What a reader that reads one event at a time into a scratch list does.
  void take(EventList& other, std::size_t i);

  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  Event operator[](std::size_t i) const;
  /// Empties the list, keeping its buffers' capacity.
  void clear();

  /// Event `i` as a JSON value: a kept value as it is; a read event as {"at", "props"?, "type"}
  /// (the members scoring reads; "lead_id" and other scalar members are left out).
  Json element_json(std::size_t i) const;
  /// The whole list as the JSON array ScoreOptions::events would hold (element_json() of each).
  Json json() const;

 private:
  struct Entry {
    bool whole = false;
    std::uint32_t type_begin = 0, type_size = 0, at_begin = 0, at_size = 0;  // read: spans of text_
    std::int64_t at = 0;                                                      // read: the instant
    Json value;  // whole: the event; read: the props object (null when absent)
  };
  bool read(std::string_view text, std::string* lead_id);

  std::vector<Entry> entries_;
  std::string text_;  // the types and instants of read events, back to back
  // Scratch buffers of add_json(), kept for their capacity.
  std::string key_, type_, at_;
  Json scalar_;
};

}  // namespace leadscore
