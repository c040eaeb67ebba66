// See scorer.h.
#include "scorer.h"

#include "leadscore/describe.h"

#include <sstream>
#include <utility>

namespace leadscore::wasm {
namespace {

Error at(const char* prefix, Error e) {
  if (e.path.empty() || e.path[0] == '/') e.path = prefix + e.path;
  return e;
}
Error bad_language() { return Error{"language_invalid", "/lang", "the message language must be \"en\" or \"fr\""}; }
// A JSON error in the events text names where it is: under /events.
Error at_events(Error e) {
  if (e.path.empty() || e.path[0] == '/') e.path = "/events" + e.path;
  return e;
}
leadscore::Expected<leadscore::Detail> read_detail(const std::string& text) {
  if (const auto level = leadscore::parse_detail(text)) return *level;
  return Error{"detail_invalid", "/detail", "the detail level must be \"explain\" or \"summary\""};
}
Error not_loaded() { return Error{"model_not_loaded", "", "no model is loaded"}; }

std::string data_text(const DataInfo& info) {
  return leadscore::dump_json(Json{{"tier", info.tier}, {"version", info.version}});
}

}  // namespace

Outcome DataHandle::load(std::uintptr_t at, std::size_t size) {
  auto pack = leadscore::load_data(std::string_view(reinterpret_cast<const char*>(at), size));
  if (!pack) return failure(pack.error());
  pack_ = std::move(pack.value());
  return success(data_text(leadscore::data_info(*pack_)));
}

Outcome Scorer::use_data(const DataHandle& data) {
  if (!loaded_) return failure(not_loaded());
  if (!data.pack()) return failure(Error{"data_not_loaded", "", "the data pack was not loaded"});
  model_.use_data(data.pack());
  return success(data_info());
}

std::string Scorer::data_info() const { return data_text(model_.data_info()); }

Outcome Scorer::load(const std::string& model_text) {
  auto model = leadscore::Model::parse(model_text);
  if (!model) return failure(model.error());
  model_ = std::move(model.value());
  loaded_ = true;
  return success(info());
}

std::string Scorer::describe() const {
  if (!loaded_) return "null";
  return dump_json(describe_model(model_));
}

std::string Scorer::info() const {
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

Outcome Scorer::score(const std::string& lead_text, const std::string& events_text, const std::string& now,
              const std::string& lang, const std::string& extras_text, const std::string& detail) {
  Inputs in;
  if (auto e = read_inputs(lead_text, events_text, now, lang, extras_text, in, &record_)) return failure(*e);
  const auto level = read_detail(detail);
  if (!level) return failure(level.error());
  leadscore::ScoreOptions options = in.options();
  options.detail = level.value();
  if (auto error = leadscore::score_into(model_, record_, options, result_, module_score_readers())) return failure(*error);
  std::string out;
  leadscore::write_result(result_, options.detail, out);
  return success(std::move(out));
}

Outcome Scorer::submission(const std::string& lead_text, const std::string& events_text, const std::string& now,
                   const std::string& lang, const std::string& extras_text) const {
  Inputs in;
  if (auto e = read_inputs(lead_text, events_text, now, lang, extras_text, in)) return failure(*e);
  auto result = leadscore::make_submission(model_, in.lead, in.options(), module_score_readers());
  if (!result) return failure(result.error());
  return success(leadscore::dump_json(result.value()));
}

Outcome Scorer::verify(const std::string& submission_text) const {
  if (!loaded_) return failure(not_loaded());
  auto submission = leadscore::parse_json(submission_text, "the submission", model_.limits().max_json_depth + 4);
  if (!submission) return failure(submission.error());
  auto result = leadscore::verify(model_, submission.value(), module_score_readers());
  if (!result) return failure(result.error());
  return success(leadscore::dump_json(result.value()));
}

Outcome Scorer::score_account(const std::string& account_text, const std::string& now, const std::string& lang) const {
  if (!loaded_) return failure(not_loaded());
  const auto language = leadscore::parse_language(lang);
  if (!language) return failure(bad_language());
  auto account = leadscore::parse_json(account_text, "the account", model_.limits().max_json_depth + 4);
  if (!account) return failure(account.error());
  auto result = leadscore::score_account(model_, account.value(), leadscore::AccountOptions{now, *language});
  if (!result) return failure(result.error());
  return success(leadscore::dump_json(result.value()));
}

Outcome Scorer::describe_route(const std::string& result_text) const {
  if (!loaded_) return failure(not_loaded());
  auto result = leadscore::parse_json(result_text, "the result", model_.limits().max_json_depth + 4);
  if (!result) return failure(result.error());
  auto rows = leadscore::describe_route(model_, result.value());
  if (!rows) return failure(rows.error());
  return success(leadscore::dump_json(rows.value()));
}

Outcome Scorer::evaluate(const std::string& csv_text, const std::string& options_text) const {
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

Outcome Scorer::score_many(std::uintptr_t leads_at, std::size_t leads_size, std::uintptr_t events_at,
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
    if (auto error = leadscore::score_into(model_, record_, options, result_, module_score_readers())) {
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

Outcome Scorer::check_field(const std::string& field, const std::string& value, const std::string& lead_text,
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

Outcome Scorer::check_lead(const std::string& lead_text, const std::string& now, const std::string& lang) const {
  if (!loaded_) return failure(not_loaded());
  const auto language = leadscore::parse_language(lang);
  if (!language) return failure(bad_language());
  auto lead = leadscore::parse_json(lead_text, "the lead", model_.limits().max_json_depth);
  if (!lead) return failure(lead.error());
  auto result = leadscore::check_lead(model_.checks(), lead.value(), leadscore::LeadCheckOptions{*language, now});
  if (!result) return failure(result.error());
  return success(leadscore::dump_json(result.value()));
}

std::optional<Error> Scorer::read_inputs(const std::string& lead_text, const std::string& events_text, const std::string& now,
                                         const std::string& lang, const std::string& extras_text, Inputs& in,
                                         leadscore::LeadRecord* record) const {
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

}  // namespace leadscore::wasm
