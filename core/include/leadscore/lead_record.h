// A lead as scoring reads it: its top-level members, looked up by key.
//
// A batch job reads one lead per line. Building a JSON tree for each (a node, a key and often a
// string allocation per member, all freed again) cost more than scoring a fit-only model, so
// parse() reads a flat object (members that are strings, numbers, booleans or null: what a lead
// almost always is) straight into buffers that this record keeps and reuses for the next lead.
// Anything else (nested values, \u escapes, anything doubtful, any error) goes through
// parse_json(), so a record accepts and refuses exactly the texts parse_json() does, with the same
// error, and holds the same values.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/error.h"
#include "leadscore/json.h"
#include "leadscore/limits.h"

namespace leadscore {

class LeadRecord {
 public:
  LeadRecord() = default;
  // Not copyable: a view refers to memory it does not own, a flat read to its own buffers.
  LeadRecord(const LeadRecord&) = delete;
  LeadRecord& operator=(const LeadRecord&) = delete;
  LeadRecord(LeadRecord&&) = default;
  LeadRecord& operator=(LeadRecord&&) = default;

  /// Reads one JSON text as parse_json(text, what, max_depth) would. On error the record is
  /// empty and the error is parse_json's.
  std::optional<Error> parse(std::string_view text, std::size_t max_depth = Limits{}.max_json_depth,
                             const char* what = "lead");

  /// For a JSON array of leads (a batch call): when the text is an array whose every element is a
  /// flat object, fills `elements` with the elements' texts (spans of `text`, each to parse()) and
  /// returns true. Otherwise (nested leads, anything doubtful, any invalid text) returns false:
  /// parse the whole text with parse_json() then, which also reports the errors.
  static bool flat_elements(std::string_view text, std::vector<std::string_view>& elements);
  /// Holds `value` (any JSON value; scoring refuses one that is not an object).
  void assign(Json value);
  /// Refers to `value`, which must outlive every use of this record until the next change.
  void view(const Json& value);
  /// No lead (a record that never became one).
  void clear();

  /// Starts an empty object to fill member by member with add() (a CSV row, a history row):
  /// the same reused buffers as parse(), no tree.
  void start();
  /// Adds a member after start() and returns its value to assign (a repeated key: the last wins).
  Json& add(std::string_view key);

  /// Whether the record holds a lead at all.
  bool empty() const { return mode_ == Mode::Empty; }
  /// Whether the lead is a JSON object (only an object is a lead).
  bool is_object() const;
  /// The value of the member `key` (the last one when a key repeats, as in parse_json), or nullptr.
  const Json* find(std::string_view key) const;
  /// Calls `visit(key, value)` for each member in order: for a flat read every member as read (a
  /// repeated key each time, so a caller that keeps the last one agrees with find()), for a JSON
  /// object its members. Nothing when the lead is not an object.
  template <class Visit>
  void for_each_member(Visit&& visit) const {
    if (mode_ == Mode::Flat) {
      for (std::size_t i = 0; i < count_; ++i) visit(std::string_view(members_[i].key), members_[i].value);
      return;
    }
    if (mode_ == Mode::Empty) return;
    const Json& value = mode_ == Mode::Owned ? owned_ : *viewed_;
    if (!value.is_object()) return;
    for (auto it = value.begin(); it != value.end(); ++it) visit(std::string_view(it.key()), it.value());
  }
  /// The lead as one JSON value; for a flat read, built on first use (personas read it whole).
  const Json& json() const;
  /// find_too_deep() of the lead: "" when it is nested less than `max_depth` levels.
  std::string too_deep(std::size_t max_depth) const;

 private:
  enum class Mode { Empty, Flat, Owned, Viewed };
  struct Member {
    std::string key;
    Json value;
  };
  bool read_flat(std::string_view text);
  template <class Reader>
  bool read_object(Reader& reader);

  Mode mode_ = Mode::Empty;
  std::vector<Member> members_;  // Flat: the first `count_` hold this lead; the rest keep memory
  std::size_t count_ = 0;
  Json owned_;                   // Owned
  const Json* viewed_ = nullptr; // Viewed
  mutable Json built_;           // Flat: json(), once built
  mutable bool built_valid_ = false;
};

}  // namespace leadscore
