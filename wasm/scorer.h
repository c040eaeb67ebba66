// The one stateful handle of the wasm modules: a compiled model, released with delete() from
// JavaScript. A thin adapter from JSON text to the core and back: nothing here scores, checks or
// formats anything itself; no exception crosses into JavaScript (the core returns errors as
// values, and the modules are built without exception support). Each module registers the
// methods it offers (full_module.cpp, form_module.cpp); wasm-ld leaves out the others' code.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/leadscore.h"
#include "outcome.h"

namespace leadscore::wasm {

/// A loaded data pack (leadscore/data.h), shared by the scorers that use it.
class DataHandle {
 public:
  /// Reads a pack from bytes the caller put into the module's memory; the outcome is the pack's
  /// {"tier", "version"}.
  Outcome load(std::uintptr_t at, std::size_t size);
  const std::shared_ptr<const DataPack>& pack() const { return pack_; }

 private:
  std::shared_ptr<const DataPack> pack_;
};

/// The input readers of this module's scores (leadscore/score_readers.h): every reader in the full
/// module, form_score_readers() in the form module, whose link then leaves out the readers of sales
/// feedback and previous results. Defined by each module (full_module.cpp, form_module.cpp).
const leadscore::ScoreReaders& module_score_readers();

class Scorer {
 public:
  /// Compiles a model (JSON text); on success the outcome is info().
  Outcome load(const std::string& model_text);

  /// {"id", "version", "fingerprint", "personas"?} of the loaded model as JSON text ("null" before).
  std::string info() const;

  /// describe_model() of the loaded model as JSON text ("null" before): defaults applied,
  /// durations in ms, so the page reads them instead of re-deriving them from the model file.
  std::string describe() const;

  /// Makes the model's checks use `data` (a loaded DataHandle); the outcome is data_info().
  Outcome use_data(const DataHandle& data);
  /// {"tier", "version"} of the data the model's checks use.
  std::string data_info() const;

  /// `events_text` is a JSON array of events, or "" for none. `lang` is "en" or "fr".
  /// `extras_text` is "" or a JSON object with the optional "feedback" and "previous" inputs.
  /// `detail` is "explain" or "summary".
  Outcome score(const std::string& lead_text, const std::string& events_text, const std::string& now,
                const std::string& lang, const std::string& extras_text, const std::string& detail);

  /// Same inputs as score(): the submission a server checks with verify().
  Outcome submission(const std::string& lead_text, const std::string& events_text, const std::string& now,
                     const std::string& lang, const std::string& extras_text) const;

  /// Recomputes a submission (JSON text) with this model: {"status", ...}.
  Outcome verify(const std::string& submission_text) const;

  /// One account: {"id", "fields"?, "contacts": [{"lead", "events"?, "feedback"?}]} as JSON text.
  Outcome score_account(const std::string& account_text, const std::string& now, const std::string& lang) const;

  /// describe_route(): the routing matrix row by row for an explain result (JSON text) of this model.
  Outcome describe_route(const std::string& result_text) const;

  /// Evaluates the model on a historical CSV (text); `options_text` is the JSON options object of
  /// docs/evaluation.md. Returns the evaluation JSON.
  Outcome evaluate(const std::string& csv_text, const std::string& options_text) const;

  /// Scores a JSON array of leads: one entry per lead, a failing lead as {"error":{...}}. The
  /// texts are UTF-8 bytes that the caller put into the module's memory (`*_at`, `*_size`):
  /// Emscripten 3.1.6's embind copies a Uint8Array argument into a std::string one byte at a
  /// time in JavaScript, where the caller's TextEncoder.encodeInto() writes a batch in one go.
  /// The events are absent (size 0) or a JSON array with one entry per lead: an events array, or
  /// null for none.
  Outcome score_many(std::uintptr_t leads_at, std::size_t leads_size, std::uintptr_t events_at,
                     std::size_t events_size, const std::string& now, const std::string& lang,
                     const std::string& detail);

  /// One field, per keystroke: the findings array as JSON text. `lead_text` is the whole form as a
  /// JSON object, or "" (the company and phone checks read other fields from it). The findings
  /// buffer is reused between calls.
  Outcome check_field(const std::string& field, const std::string& value, const std::string& lead_text,
                      const std::string& lang);

  /// The whole form: {"findings", "quality"} as JSON text.
  Outcome check_lead(const std::string& lead_text, const std::string& now, const std::string& lang) const;

 private:
  /// Parsed inputs of one score call; the options point into this struct.
  struct Inputs {
    leadscore::Json lead, events, feedback, previous;
    bool has_events = false, has_feedback = false, has_previous = false;
    std::string now;
    leadscore::Language language = leadscore::Language::En;
    leadscore::ScoreOptions options() const {
      leadscore::ScoreOptions o{now, has_events ? &events : nullptr, language};
      o.feedback = has_feedback ? &feedback : nullptr;
      o.previous = has_previous ? &previous : nullptr;
      return o;
    }
  };

  std::optional<Error> read_inputs(const std::string& lead_text, const std::string& events_text, const std::string& now,
                                   const std::string& lang, const std::string& extras_text, Inputs& in,
                                   leadscore::LeadRecord* record = nullptr) const;

  leadscore::Model model_;
  bool loaded_ = false;
  // Reused from call to call (their buffers keep their capacity): the lead being scored and the
  // element texts of a scoreMany array.
  leadscore::LeadRecord record_;
  std::vector<std::string_view> lead_texts_;
  std::vector<leadscore::Finding> findings_;
  leadscore::ScoreResult result_;  // reused from call to call (and lead to lead in scoreMany)
};

}  // namespace leadscore::wasm
