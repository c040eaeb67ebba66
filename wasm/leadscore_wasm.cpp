// The only embind code: a thin adapter from JSON text to the core and back. Nothing here scores,
// checks or formats anything itself; no exception crosses into JavaScript (the core returns errors
// as values, and this module is built without exception support).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "leadscore/leadscore.h"

namespace {

using leadscore::Error;
using leadscore::Json;

/// What every call returns to JavaScript: when ok, `json` is the result text's UTF-8 bytes as a
/// view into the module's memory (valid until the next call: bindings/js/errors.mjs decodes it at
/// once with TextDecoder), else code/path/message. A view rather than a std::string because
/// Emscripten 3.1.6's embind turns a std::string into a JS string by scanning every byte for NUL
/// in JavaScript first: most of the glue's time on a 4 KB result.
struct Outcome {
  bool ok = false;
  emscripten::val json = emscripten::val::undefined();
  std::string code;
  std::string path;
  std::string message;
};

// The text behind the latest successful Outcome (wasm is single-threaded; one text at a time).
std::string& latest_text() {
  static std::string text;
  return text;
}

Outcome success(std::string json) {
  std::string& text = latest_text();
  text = std::move(json);
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  return Outcome{true, emscripten::val(emscripten::typed_memory_view(text.size(), bytes)), "", "", ""};
}
Outcome failure(const Error& e) { return Outcome{false, emscripten::val::undefined(), e.code, e.path, e.message}; }

std::string error_json(const Error& e) {
  return leadscore::dump_json(Json{{"error", {{"code", e.code}, {"path", e.path}, {"message", e.message}}}});
}

/// A compiled model: the one stateful handle, released with delete() from JavaScript.
class Scorer {
 public:
  Outcome load(const std::string& model_text) {
    auto model = leadscore::Model::parse(model_text);
    if (!model) return failure(model.error());
    model_ = std::move(model.value());
    loaded_ = true;
    return success(info());
  }

  std::string info() const {
    if (!loaded_) return "null";
    Json info{{"id", model_.id()}, {"version", model_.version()}, {"fingerprint", model_.fingerprint()}};
    // A model set lists its personas, so a page can say which ones exist.
    if (!model_.personas().empty()) {
      Json personas = Json::array();
      for (const auto& p : model_.personas())
        personas.push_back({{"id", p.id}, {"label", p.label}, {"model", p.model_name}});
      info["personas"] = std::move(personas);
    }
    return leadscore::dump_json(info);
  }

  /// `events_text` is a JSON array of events, or "" for none. `lang` is "en" or "fr".
  /// `extras_text` is "" or a JSON object with the optional "feedback" and "previous" inputs.
  /// `detail` is "explain" or "summary".
  Outcome score(const std::string& lead_text, const std::string& events_text, const std::string& now,
                const std::string& lang, const std::string& extras_text, const std::string& detail) {
    Inputs in;
    if (auto e = read_inputs(lead_text, events_text, now, lang, extras_text, in, &record_)) return failure(*e);
    const auto level = read_detail(detail);
    if (!level) return failure(level.error());
    leadscore::ScoreOptions options = in.options();
    options.detail = level.value();
    if (auto error = leadscore::score_into(model_, record_, options, result_)) return failure(*error);
    std::string out;
    leadscore::write_result(result_, options.detail, out);
    return success(std::move(out));
  }

  /// Same inputs as score(): the submission a server checks with verify().
  Outcome submission(const std::string& lead_text, const std::string& events_text, const std::string& now,
                     const std::string& lang, const std::string& extras_text) const {
    Inputs in;
    if (auto e = read_inputs(lead_text, events_text, now, lang, extras_text, in)) return failure(*e);
    auto result = leadscore::make_submission(model_, in.lead, in.options());
    if (!result) return failure(result.error());
    return success(leadscore::dump_json(result.value()));
  }

  /// Recomputes a submission (JSON text) with this model: {"status", ...}.
  Outcome verify(const std::string& submission_text) const {
    if (!loaded_) return failure(not_loaded());
    auto submission = leadscore::parse_json(submission_text, "the submission", model_.limits().max_json_depth + 4);
    if (!submission) return failure(submission.error());
    auto result = leadscore::verify(model_, submission.value());
    if (!result) return failure(result.error());
    return success(leadscore::dump_json(result.value()));
  }

  /// One account: {"id", "fields"?, "contacts": [{"lead", "events"?, "feedback"?}]} as JSON text.
  Outcome score_account(const std::string& account_text, const std::string& now, const std::string& lang) const {
    if (!loaded_) return failure(not_loaded());
    const auto language = leadscore::parse_language(lang);
    if (!language) return failure(bad_language());
    auto account = leadscore::parse_json(account_text, "the account", model_.limits().max_json_depth + 4);
    if (!account) return failure(account.error());
    auto result = leadscore::score_account(model_, account.value(), leadscore::AccountOptions{now, *language});
    if (!result) return failure(result.error());
    return success(leadscore::dump_json(result.value()));
  }

  /// Evaluates the model on a historical CSV (text); `options_text` is the JSON options object of
  /// docs/evaluation.md. Returns the evaluation JSON.
  Outcome evaluate(const std::string& csv_text, const std::string& options_text) const {
    if (!loaded_) return failure(not_loaded());
    auto options_json = leadscore::parse_json(options_text, "the evaluation options");
    if (!options_json) return failure(options_json.error());
    auto options = leadscore::evaluation_options_from_json(options_json.value());
    if (!options) return failure(options.error());
    std::istringstream csv(csv_text);
    auto result = leadscore::evaluate(model_, csv, options.value());
    if (!result) return failure(result.error());
    return success(leadscore::dump_json(result.value()));
  }

  /// Scores a JSON array of leads: one entry per lead, a failing lead as {"error":{...}}. The
  /// texts are UTF-8 bytes that the caller put into the module's memory (`*_at`, `*_size`):
  /// Emscripten 3.1.6's embind copies a Uint8Array argument into a std::string one byte at a
  /// time in JavaScript, where the caller's TextEncoder.encodeInto() writes a batch in one go.
  /// The events are absent (size 0) or a JSON array with one entry per lead: an events array, or
  /// null for none.
  Outcome score_many(std::uintptr_t leads_at, std::size_t leads_size, std::uintptr_t events_at,
                     std::size_t events_size, const std::string& now, const std::string& lang,
                     const std::string& detail) {
    const std::string_view leads_text(reinterpret_cast<const char*>(leads_at), leads_size);
    const std::string_view events_text(reinterpret_cast<const char*>(events_at), events_size);
    if (!loaded_) return failure(not_loaded());
    const auto language = leadscore::parse_language(lang);
    if (!language) return failure(bad_language());
    const auto level = read_detail(detail);
    if (!level) return failure(level.error());
    // Flat leads are read one by one into a reused record; any other array is parsed whole (which
    // also reports its errors).
    const bool flat = leadscore::LeadRecord::flat_elements(leads_text, lead_texts_);
    leadscore::Expected<Json> leads = Json::array();
    if (!flat) {
      leads = leadscore::parse_json(leads_text, "the leads", model_.limits().max_json_depth + 1);
      if (!leads) return failure(leads.error());
      if (!leads.value().is_array()) return failure(Error{"leads_not_array", "", "scoreMany takes an array of leads"});
    }
    const std::size_t count = flat ? lead_texts_.size() : leads.value().size();
    leadscore::Json events;
    if (!events_text.empty()) {
      auto parsed = leadscore::parse_json(events_text, "the events array", model_.limits().max_json_depth + 2);
      if (!parsed) return failure(at_events(parsed.error()));
      events = std::move(parsed.value());
      if (!events.is_array() || events.size() != count)
        return failure(Error{"events_not_array", "/events", "scoreMany takes one events entry (an array or null) per lead"});
    }
    std::string out = "[";
    for (std::size_t i = 0; i < count; ++i) {
      if (i > 0) out.push_back(',');
      const leadscore::Json* lead_events = events.is_array() && !events[i].is_null() ? &events[i] : nullptr;
      leadscore::ScoreOptions options{now, lead_events, *language};
      options.detail = level.value();
      if (flat) {
        record_.parse(lead_texts_[i]);  // cannot fail: flat_elements() read every element
      } else {
        record_.view(leads.value()[i]);
      }
      if (auto error = leadscore::score_into(model_, record_, options, result_)) {
        Error e = *error;
        if (e.path.empty() || e.path[0] == '/') e.path = "/" + std::to_string(i) + e.path;
        out += error_json(e);
      } else {
        leadscore::write_result(result_, options.detail, out);
      }
    }
    out.push_back(']');
    return success(std::move(out));
  }

  /// One field, per keystroke: the findings array as JSON text. `lead_text` is the whole form as a
  /// JSON object, or "" (the company and phone checks read other fields from it). The findings
  /// buffer is reused between calls.
  Outcome check_field(const std::string& field, const std::string& value, const std::string& lead_text,
                      const std::string& lang) {
    if (!loaded_) return failure(not_loaded());
    const auto language = leadscore::parse_language(lang);
    if (!language) return failure(bad_language());
    leadscore::Json lead;
    if (!lead_text.empty()) {
      auto parsed = leadscore::parse_json(lead_text, "the lead", model_.limits().max_json_depth);
      if (!parsed) return failure(at("/lead", parsed.error()));
      lead = std::move(parsed.value());
    }
    findings_.clear();
    leadscore::check_field(model_.checks(), field, value,
                           leadscore::FieldContext{*language, lead_text.empty() ? nullptr : &lead}, findings_);
    std::string out = "[";
    for (std::size_t i = 0; i < findings_.size(); ++i) {
      if (i > 0) out.push_back(',');
      out += leadscore::dump_json(leadscore::finding_json(findings_[i]));
    }
    out.push_back(']');
    return success(std::move(out));
  }

  /// The whole form: {"findings", "quality"} as JSON text.
  Outcome check_lead(const std::string& lead_text, const std::string& now, const std::string& lang) const {
    if (!loaded_) return failure(not_loaded());
    const auto language = leadscore::parse_language(lang);
    if (!language) return failure(bad_language());
    auto lead = leadscore::parse_json(lead_text, "the lead", model_.limits().max_json_depth);
    if (!lead) return failure(lead.error());
    auto result = leadscore::check_lead(model_.checks(), lead.value(), leadscore::LeadCheckOptions{*language, now});
    if (!result) return failure(result.error());
    return success(leadscore::dump_json(result.value()));
  }

 private:
  /// Parsed inputs of one score call; the options point into this struct.
  struct Inputs {
    Json lead, events, feedback, previous;
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
                                   leadscore::LeadRecord* record = nullptr) const {
    if (!loaded_) return not_loaded();
    const auto language = leadscore::parse_language(lang);
    if (!language) return bad_language();
    in.language = *language;
    in.now = now;
    // The lead goes to `record` when given (scoring reads it without a tree), else to in.lead.
    if (record != nullptr) {
      if (auto error = record->parse(lead_text, model_.limits().max_json_depth, "the lead")) return error;
    } else {
      auto lead = leadscore::parse_json(lead_text, "the lead", model_.limits().max_json_depth);
      if (!lead) return lead.error();
      in.lead = std::move(lead.value());
    }
    if (!events_text.empty()) {
      auto parsed = leadscore::parse_json(events_text, "the events array", model_.limits().max_json_depth + 1);
      if (!parsed) return at_events(parsed.error());
      in.events = std::move(parsed.value());
      in.has_events = true;
    }
    if (!extras_text.empty()) {
      auto extras = leadscore::parse_json(extras_text, "the score options", model_.limits().max_json_depth + 1);
      if (!extras) return extras.error();
      if (extras.value().contains("feedback") && !extras.value()["feedback"].is_null()) {
        in.feedback = std::move(extras.value()["feedback"]);
        in.has_feedback = true;
      }
      if (extras.value().contains("previous") && !extras.value()["previous"].is_null()) {
        in.previous = std::move(extras.value()["previous"]);
        in.has_previous = true;
      }
    }
    return std::nullopt;
  }

  static Error at(const char* prefix, Error e) {
    if (e.path.empty() || e.path[0] == '/') e.path = prefix + e.path;
    return e;
  }
  static Error bad_language() { return Error{"language_invalid", "/lang", "the message language must be \"en\" or \"fr\""}; }
  // A JSON error in the events text names where it is: under /events.
  static Error at_events(Error e) {
    if (e.path.empty() || e.path[0] == '/') e.path = "/events" + e.path;
    return e;
  }
  static leadscore::Expected<leadscore::Detail> read_detail(const std::string& text) {
    if (const auto level = leadscore::parse_detail(text)) return *level;
    return Error{"detail_invalid", "/detail", "the detail level must be \"explain\" or \"summary\""};
  }
  static Error not_loaded() { return Error{"model_not_loaded", "", "no model is loaded"}; }
  leadscore::Model model_;
  bool loaded_ = false;
  // Reused from call to call (their buffers keep their capacity): the lead being scored and the
  // element texts of a scoreMany array.
  leadscore::LeadRecord record_;
  std::vector<std::string_view> lead_texts_;
  std::vector<leadscore::Finding> findings_;
  leadscore::ScoreResult result_;  // reused from call to call (and lead to lead in scoreMany)
};

Outcome evaluate_logic(const std::string& rule_text, const std::string& data_text) {
  auto rule = leadscore::parse_json(rule_text, "the rule");
  if (!rule) return failure(rule.error());
  auto data = leadscore::parse_json(data_text, "the data");
  if (!data) return failure(data.error());
  auto logic = leadscore::Logic::compile(rule.value());
  if (!logic) return failure(logic.error());
  auto value = logic.value().apply(data.value());
  if (!value) return failure(value.error());
  return success(leadscore::dump_json(value.value()));
}

/// Calibrates from a historical CSV (text) with the JSON options of docs/calibration.md: returns
/// {report, fit, model, metrics, warnings}; with "report_only": the close-rate report alone.
/// `on_phase` is a JS function (or undefined) called with each phase name as it starts ("read",
/// "report", "fit", "export", "score_test", "done"), so JavaScript can time the phases.
Outcome calibrate(const std::string& csv_text, const std::string& options_text, bool report_only,
                  emscripten::val on_phase) {
  auto options_json = leadscore::parse_json(options_text, "the calibration options");
  if (!options_json) return failure(options_json.error());
  auto options = leadscore::calibration_options_from_json(options_json.value());
  if (!options) return failure(options.error());
  std::istringstream csv(csv_text);
  if (report_only) {
    auto history = leadscore::read_history(csv, options.value());
    if (!history) return failure(history.error());
    return success(leadscore::dump_json(leadscore::close_rate_report(history.value(), options.value())));
  }
  leadscore::CalibrationPhaseHook hook;
  if (on_phase.typeOf().as<std::string>() == "function")
    hook = [&on_phase](std::string_view phase) { on_phase(std::string(phase)); };
  auto result = leadscore::calibrate(csv, options.value(), "history.csv", hook);
  if (!result) return failure(result.error());
  const auto& c = result.value();
  return success(leadscore::dump_json(Json{{"report", c.report}, {"fit", c.fit}, {"model", c.model},
                                          {"metrics", c.metrics}, {"warnings", c.warnings}}));
}

Outcome validate_model(const std::string& model_text) {
  auto model = leadscore::Model::parse(model_text);
  if (!model) return failure(model.error());
  Json findings = Json::array();
  for (const auto& f : leadscore::lint_model(model.value()))
    findings.push_back({{"code", f.code}, {"severity", f.severity}, {"path", f.path}, {"message", f.message}});
  return success(leadscore::dump_json(findings));
}

std::string default_model() { return std::string(leadscore::default_model_text()); }
std::string library_version() { return leadscore::kLibraryVersion; }

}  // namespace

EMSCRIPTEN_BINDINGS(leadscore) {
  emscripten::value_object<Outcome>("Outcome")
      .field("ok", &Outcome::ok)
      .field("json", &Outcome::json)
      .field("code", &Outcome::code)
      .field("path", &Outcome::path)
      .field("message", &Outcome::message);
  emscripten::class_<Scorer>("Scorer")
      .constructor<>()
      .function("load", &Scorer::load)
      .function("info", &Scorer::info)
      .function("score", &Scorer::score)
      .function("scoreMany", &Scorer::score_many)
      .function("checkField", &Scorer::check_field)
      .function("checkLead", &Scorer::check_lead)
      .function("submission", &Scorer::submission)
      .function("verify", &Scorer::verify)
      .function("scoreAccount", &Scorer::score_account)
      .function("evaluate", &Scorer::evaluate);
  emscripten::function("calibrate", &calibrate);
  emscripten::function("evaluateLogic", &evaluate_logic);
  emscripten::function("validateModel", &validate_model);
  emscripten::function("defaultModel", &default_model);
  emscripten::function("version", &library_version);
}
