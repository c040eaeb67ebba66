// Submissions and their verification (docs/verify.md). A submission carries the inputs of one
// score() call and the client's result; verify() refuses malformed submissions, then checks the
// model fingerprints, then recomputes the result with the server's model and reports the first
// field where the client's result differs. Nothing here trusts the client's model or result: the
// result is only ever compared, never read for a decision other than the fingerprint check.
#include "leadscore/verify.h"

#include <string>
#include <utility>

#include "score/verify_compare.h"

namespace leadscore {
namespace {

Error invalid(std::string pointer, std::string message) {
  return Error{"submission_invalid", std::move(pointer), std::move(message)};
}

// The member `key` of an object, or nullptr.
const Json* member(const Json& object, const char* key) {
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

// The parts of a well-formed submission, pointing into it.
struct Parts {
  const Json* fingerprint = nullptr;  ///< /model/fingerprint (a string)
  const Json* inputs = nullptr;
  const Json* lead = nullptr;
  const Json* events = nullptr;
  const Json* feedback = nullptr;
  const Json* previous = nullptr;
  const Json* result = nullptr;
  ScoreOptions options;
};

// Checks the envelope of a submission; what score() itself checks (the lead being an object, the
// instant, the events...) is left to score() so that the error is the one scoring would give.
Expected<Parts> read_parts(const Json& submission) {
  Parts p;
  if (!submission.is_object()) return invalid("", "a submission must be a JSON object");
  const Json* format = member(submission, "format");
  if (!format) return invalid("/format", "the submission has no \"format\"");
  if (!format->is_string() || format->get_ref<const std::string&>() != kSubmissionFormat)
    return invalid("/format", std::string("the submission format must be \"") + kSubmissionFormat + "\"");

  const Json* model = member(submission, "model");
  if (!model) return invalid("/model", "the submission has no \"model\"");
  if (!model->is_object()) return invalid("/model", "\"model\" must be an object {id, version, fingerprint}");
  for (const char* key : {"id", "version"}) {
    const Json* value = member(*model, key);
    if (value && !value->is_string()) return invalid(std::string("/model/") + key, std::string("\"") + key + "\" must be a string");
  }
  p.fingerprint = member(*model, "fingerprint");
  if (!p.fingerprint) return invalid("/model/fingerprint", "the submission's model has no \"fingerprint\"");
  if (!p.fingerprint->is_string()) return invalid("/model/fingerprint", "\"fingerprint\" must be a string");

  p.inputs = member(submission, "inputs");
  if (!p.inputs) return invalid("/inputs", "the submission has no \"inputs\"");
  if (!p.inputs->is_object()) return invalid("/inputs", "\"inputs\" must be an object");
  p.lead = member(*p.inputs, "lead");
  if (!p.lead) return invalid("/inputs/lead", "the submission has no \"lead\" in its inputs");
  const Json* now = member(*p.inputs, "now");
  if (!now) return invalid("/inputs/now", "the submission has no \"now\" in its inputs");
  if (!now->is_string()) return invalid("/inputs/now", "\"now\" must be a string (an ISO-8601 instant)");
  p.options.now = now->get<std::string>();
  if (const Json* lang = member(*p.inputs, "lang")) {
    const auto language = lang->is_string() ? parse_language(lang->get_ref<const std::string&>()) : std::nullopt;
    if (!language) return invalid("/inputs/lang", "\"lang\" must be \"en\" or \"fr\"");
    p.options.language = *language;
  }
  p.options.events = p.events = member(*p.inputs, "events");
  p.options.feedback = p.feedback = member(*p.inputs, "feedback");
  p.options.previous = p.previous = member(*p.inputs, "previous");

  p.result = member(submission, "result");
  if (!p.result) return invalid("/result", "the submission has no \"result\"");
  if (!p.result->is_object()) return invalid("/result", "\"result\" must be an object (a score result)");
  return p;
}

// score() names its inputs "/now", "/events/...", "/feedback/...", "/previous/..."; in a submission
// they live under /inputs. The one error about the lead as a whole has an empty path. (The lead's
// depth, whose path is relative to the lead, is checked before score() runs.)
Error under_inputs(Error e) {
  e.path = (e.code == "lead_not_object" ? "/inputs/lead" : "/inputs") + e.path;
  return e;
}

Json model_mismatch(const Model& model, const Json& received) {
  return Json{{"status", "model_mismatch"}, {"expected", model.fingerprint()}, {"received", received}};
}

}  // namespace

Expected<Json> make_submission(const Model& model, const Json& lead, const ScoreOptions& options) {
  return make_submission(model, lead, options, all_score_readers());
}

Expected<Json> make_submission(const Model& model, const Json& lead, const ScoreOptions& options,
                               const ScoreReaders& readers) {
  auto result = score(model, lead, options, readers);
  if (!result) return result.error();
  // `now` as given, not the result's normalised instant: the server then makes exactly the call
  // the client made (check_lead reads the text too), whatever the spelling of the instant.
  Json inputs = {{"lead", lead}, {"now", options.now}, {"lang", options.language == Language::Fr ? "fr" : "en"}};
  if (options.events) inputs["events"] = *options.events;
  if (options.feedback) inputs["feedback"] = *options.feedback;
  if (options.previous) inputs["previous"] = *options.previous;
  Json submission = Json::object();
  submission["format"] = kSubmissionFormat;
  submission["model"] = {{"id", model.id()}, {"version", model.version()}, {"fingerprint", model.fingerprint()}};
  submission["inputs"] = std::move(inputs);
  submission["result"] = std::move(result.value());
  return submission;
}

Expected<Json> verify(const Model& model, const Json& submission) { return verify(model, submission, all_score_readers()); }

Expected<Json> verify(const Model& model, const Json& submission, const ScoreReaders& readers) {
  // A value built in C++ (not parsed) has had no depth check: refuse deep nesting before any walk.
  // The inputs sit two levels down and the lead's own limit applies below them.
  const std::string deep = find_too_deep(submission, model.limits().max_json_depth + 4);
  if (!deep.empty()) return Error{"json_too_deep", deep, "the submission is nested too deeply"};
  auto parts = read_parts(submission);
  if (!parts) return parts.error();
  const Parts& p = parts.value();

  // The model first: a result made with another model is not worth recomputing, and a forged
  // fingerprint in either place is reported as such rather than as a field difference.
  if (*p.fingerprint != model.fingerprint()) return model_mismatch(model, *p.fingerprint);
  if (const Json* result_model = member(*p.result, "model"); result_model && result_model->is_object())
    if (const Json* fp = member(*result_model, "fingerprint"); fp && *fp != model.fingerprint())
      return model_mismatch(model, *fp);

  // Then the data: a result computed with another data pack (a browser's lite pack, another
  // version) differs for reasons that are not the inputs'; say so rather than name a field.
  if (model.has_checks()) {
    if (const Json* data = member(*p.result, "data"); data && data->is_object()) {
      const DataInfo& mine = model.data_info();
      const Json* tier = member(*data, "tier");
      const Json* version = member(*data, "version");
      if (!tier || !version || *tier != mine.tier || *version != mine.version) {
        const Json received = {{"tier", tier ? *tier : Json()}, {"version", version ? *version : Json()}};
        return Json{{"status", "data_mismatch"}, {"expected", {{"tier", mine.tier}, {"version", mine.version}}},
                    {"received", received}};
      }
    }
  }

  // Depth errors of the lead and the events with their place in the submission (score() reports
  // them relative to the lead or as "/events/...", which a lead field named "events" could be).
  for (const auto& [value, where] : {std::pair{p.lead, "/inputs/lead"}, std::pair{p.events, "/inputs/events"}}) {
    if (!value) continue;
    const std::string too_deep = find_too_deep(*value, model.limits().max_json_depth);
    if (!too_deep.empty()) return Error{"json_too_deep", where + too_deep, "the submission's inputs are nested too deeply"};
  }
  auto expected = score(model, *p.lead, p.options, readers);
  if (!expected) return under_inputs(expected.error());

  const auto difference = first_difference(expected.value(), *p.result);
  if (!difference) return Json{{"status", "match"}};
  Json out = {{"status", "mismatch"}, {"field", difference->pointer}};
  if (difference->expected) out["expected"] = *difference->expected;
  if (difference->received) out["received"] = *difference->received;
  return out;
}

}  // namespace leadscore
