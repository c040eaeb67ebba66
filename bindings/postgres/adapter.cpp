// See adapter.h. Converts texts to core calls and results back to texts; scores nothing itself.
// Every entry point catches everything: no C++ exception reaches PostgreSQL's C code.
#include "adapter.h"

#include <algorithm>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "leadscore/leadscore.h"

namespace {

using leadscore::Error;
using leadscore::Json;

// The compiled models of this backend process, most recently used first. A query scoring a
// million rows with one model compiles it once per process (each parallel worker is a process);
// a few models side by side stay compiled. Keyed by the model's JSON text.
constexpr std::size_t kCachedModels = 8;
struct CachedModel {
  std::uint64_t id;
  std::string text;
  std::shared_ptr<const leadscore::Model> model;
};
std::vector<CachedModel> cache;
std::uint64_t next_id = 1;

// Reused from call to call (buffers keep their capacity); outcomes point into them.
struct Scratch {
  std::string out;
  std::string code, path, message;
  leadscore::LeadRecord record;
  leadscore::EventList events;
  leadscore::ScoreResult result;
  leadscore::LeadQuality quality;
  std::vector<leadscore::Finding> findings;
};
Scratch& scratch() {
  static Scratch s;
  return s;
}

ls_outcome ok_text() {
  Scratch& s = scratch();
  return ls_outcome{LS_OK, s.out.data(), s.out.size(), nullptr, nullptr, nullptr};
}

// A row's inputs could not be scored: the error object, as the JS API's scoreMany writes it.
ls_outcome row_error(const Error& e) {
  Scratch& s = scratch();
  s.out = leadscore::dump_json(Json{{"error", {{"code", e.code}, {"path", e.path}, {"message", e.message}}}});
  return ls_outcome{LS_ROW_ERROR, s.out.data(), s.out.size(), nullptr, nullptr, nullptr};
}

ls_outcome stop(ls_status status, std::string code, std::string path, std::string message) {
  Scratch& s = scratch();
  s.code = std::move(code);
  s.path = std::move(path);
  s.message = std::move(message);
  return ls_outcome{status, nullptr, 0, s.code.c_str(), s.path.c_str(), s.message.c_str()};
}

// Runs `body`, turning any exception into LS_FAILURE (the glue raises an ERROR for it).
template <typename Body>
ls_outcome guarded(Body body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    try {
      return stop(LS_FAILURE, "out_of_memory", "", "leadscore ran out of memory");
    } catch (...) {
      static const char code[] = "out_of_memory";
      return ls_outcome{LS_FAILURE, nullptr, 0, code, "", "leadscore ran out of memory"};
    }
  } catch (const std::exception& e) {
    try {
      return stop(LS_FAILURE, "internal", "", std::string("leadscore internal error: ") + e.what());
    } catch (...) {
      return ls_outcome{LS_FAILURE, nullptr, 0, "internal", "", "leadscore internal error"};
    }
  } catch (...) {
    return ls_outcome{LS_FAILURE, nullptr, 0, "internal", "", "leadscore internal error"};
  }
}

const leadscore::Model* find_model(std::uint64_t id) {
  for (const CachedModel& m : cache)
    if (m.id == id) return m.model.get();
  return nullptr;
}

std::string_view view(ls_text t) { return std::string_view(t.data, t.size); }

Error at(const std::string& prefix, Error e) {
  if (e.path.empty() || e.path[0] == '/') e.path = prefix + e.path;
  return e;
}

// The lead into the scratch record and the events into the scratch list; an error names where.
std::optional<Error> read_inputs(const leadscore::Model& model, ls_text lead, const ls_text* events,
                                 std::size_t event_count, int has_events) {
  Scratch& s = scratch();
  if (auto e = s.record.parse(view(lead), model.limits().max_json_depth, "the lead")) return *e;
  s.events.clear();
  if (has_events) {
    for (std::size_t i = 0; i < event_count; ++i) {
      if (auto e = s.events.add_json(view(events[i]), model.limits().max_json_depth))
        return at("/events/" + std::to_string(i), *e);
    }
  }
  return std::nullopt;
}

std::optional<leadscore::Language> language(const char* lang) { return leadscore::parse_language(lang); }
Error bad_language() { return Error{"language_invalid", "/lang", "the message language must be \"en\" or \"fr\""}; }
ls_outcome model_gone() { return stop(LS_FAILURE, "model_not_loaded", "", "the model is no longer cached"); }

}  // namespace

extern "C" {

ls_outcome ls_model_open(ls_text model_json, uint64_t* model_id) {
  return guarded([&]() -> ls_outcome {
    const std::string_view text = view(model_json);
    const auto hit = std::find_if(cache.begin(), cache.end(), [&](const CachedModel& m) { return m.text == text; });
    if (hit != cache.end()) {
      std::rotate(cache.begin(), hit, hit + 1);  // most recently used first
      *model_id = cache.front().id;
      return ls_outcome{LS_OK, nullptr, 0, nullptr, nullptr, nullptr};
    }
    auto parsed = leadscore::Model::parse(text);
    if (!parsed) {
      const Error& e = parsed.error();
      return stop(LS_MODEL_ERROR, e.code, e.path, e.message);
    }
    if (cache.size() >= kCachedModels) cache.pop_back();
    cache.insert(cache.begin(), CachedModel{next_id++, std::string(text),
                                            std::make_shared<const leadscore::Model>(std::move(parsed.value()))});
    *model_id = cache.front().id;
    return ls_outcome{LS_OK, nullptr, 0, nullptr, nullptr, nullptr};
  });
}

int ls_model_alive(uint64_t model_id) { return find_model(model_id) != nullptr; }

ls_outcome ls_score(uint64_t model_id, ls_text lead_json, const char* now, const ls_text* events, size_t event_count,
                    int has_events, const char* detail, const char* lang, ls_text feedback, ls_text previous) {
  return guarded([&]() -> ls_outcome {
    const leadscore::Model* model = find_model(model_id);
    if (!model) return model_gone();
    const auto level = leadscore::parse_detail(detail);
    if (!level) return row_error(Error{"detail_invalid", "/detail", "the detail level must be \"explain\" or \"summary\""});
    const auto language_value = language(lang);
    if (!language_value) return row_error(bad_language());
    if (auto e = read_inputs(*model, lead_json, events, event_count, has_events)) return row_error(*e);
    Scratch& s = scratch();
    leadscore::ScoreOptions options{now};
    // Sales feedback and the previous result: rare, read as JSON values.
    Json feedback_json, previous_json;
    for (auto [text, value, what, slot] :
         {std::tuple{feedback, &feedback_json, "the feedback", &options.feedback},
          std::tuple{previous, &previous_json, "the previous result", &options.previous}}) {
      if (text.size == 0) continue;
      auto parsed = leadscore::parse_json(view(text), what, model->limits().max_json_depth + 1);
      if (!parsed) return row_error(parsed.error());
      *value = std::move(parsed.value());
      *slot = value;
    }
    options.language = *language_value;
    options.detail = *level;
    options.event_list = has_events ? &s.events : nullptr;
    if (auto e = leadscore::score_into(*model, s.record, options, s.result)) return row_error(*e);
    s.out.clear();
    leadscore::write_result(s.result, *level, s.out);
    return ok_text();
  });
}

ls_outcome ls_score_row(uint64_t model_id, ls_text lead_json, const char* now, const ls_text* events,
                        size_t event_count, int has_events, ls_row* row) {
  return guarded([&]() -> ls_outcome {
    const leadscore::Model* model = find_model(model_id);
    if (!model) return model_gone();
    if (auto e = read_inputs(*model, lead_json, events, event_count, has_events)) return row_error(*e);
    Scratch& s = scratch();
    leadscore::ScoreOptions options{now};
    options.detail = leadscore::Detail::Summary;
    options.event_list = has_events ? &s.events : nullptr;
    if (auto e = leadscore::score_into(*model, s.record, options, s.result)) return row_error(*e);
    const leadscore::ScoreResult& r = s.result;
    *row = ls_row{r.score, r.points, r.band ? r.band->id.c_str() : "", r.grade_letter.c_str(),
                  r.route_action.c_str(), r.quality_verdict.c_str(), r.probability.has_value(),
                  r.probability.value_or(0.0)};
    return ls_outcome{LS_OK, nullptr, 0, nullptr, nullptr, nullptr};
  });
}

ls_outcome ls_check_lead(uint64_t model_id, ls_text lead_json, const char* now, const char* lang) {
  return guarded([&]() -> ls_outcome {
    const leadscore::Model* model = find_model(model_id);
    if (!model) return model_gone();
    const auto language_value = language(lang);
    if (!language_value) return row_error(bad_language());
    auto lead = leadscore::parse_json(view(lead_json), "the lead", model->limits().max_json_depth);
    if (!lead) return row_error(lead.error());
    auto result = leadscore::check_lead(model->checks(), lead.value(), leadscore::LeadCheckOptions{*language_value, now});
    if (!result) return row_error(result.error());
    scratch().out = leadscore::dump_json(result.value());
    return ok_text();
  });
}

ls_outcome ls_check_field(uint64_t model_id, ls_text field, ls_text value, ls_text lead_json, const char* lang) {
  return guarded([&]() -> ls_outcome {
    const leadscore::Model* model = find_model(model_id);
    if (!model) return model_gone();
    const auto language_value = language(lang);
    if (!language_value) return row_error(bad_language());
    Json lead;
    if (lead_json.size > 0) {
      auto parsed = leadscore::parse_json(view(lead_json), "the lead", model->limits().max_json_depth);
      if (!parsed) return row_error(at("/lead", parsed.error()));
      lead = std::move(parsed.value());
    }
    Scratch& s = scratch();
    s.findings.clear();
    leadscore::check_field(model->checks(), view(field), view(value),
                           leadscore::FieldContext{*language_value, lead_json.size > 0 ? &lead : nullptr}, s.findings);
    s.out = "[";
    for (std::size_t i = 0; i < s.findings.size(); ++i) {
      if (i > 0) s.out.push_back(',');
      s.out += leadscore::dump_json(leadscore::finding_json(s.findings[i]));
    }
    s.out.push_back(']');
    return ok_text();
  });
}

ls_outcome ls_verify(uint64_t model_id, ls_text submission_json) {
  return guarded([&]() -> ls_outcome {
    const leadscore::Model* model = find_model(model_id);
    if (!model) return model_gone();
    auto submission = leadscore::parse_json(view(submission_json), "the submission", model->limits().max_json_depth + 4);
    if (!submission) return row_error(submission.error());
    auto result = leadscore::verify(*model, submission.value());
    if (!result) return row_error(result.error());
    scratch().out = leadscore::dump_json(result.value());
    return ok_text();
  });
}

ls_outcome ls_version(void) {
  return guarded([&]() -> ls_outcome {
    const leadscore::DataInfo& data = leadscore::data_info(*leadscore::built_in_data());
    scratch().out = leadscore::dump_json(Json{{"library", leadscore::kLibraryVersion},
                                              {"model_format", leadscore::kModelFormatVersion},
                                              {"result_format", leadscore::kResultFormatVersion},
                                              {"data", {{"tier", data.tier}, {"version", data.version}}}});
    return ok_text();
  });
}

}  // extern "C"
