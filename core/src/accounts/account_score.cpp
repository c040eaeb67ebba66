// score_account: every contact through score(), their scores combined by the account section's
// aggregation, plus fit rules over the account's own fields (docs/accounts.md).
#include "leadscore/account.h"

#include <algorithm>

#include "accounts/account_aggregate.h"
#include "accounts/account_fields.h"
#include "score/lead_normalize.h"
#include "leadscore/model.h"
#include "leadscore/score.h"
#include "leadscore/time.h"
#include "leadscore/version.h"
#include "score/points_json.h"

namespace leadscore {
namespace {

Error invalid(const std::string& path, const std::string& message) { return Error{"account_invalid", path, message}; }

// The account object's shape: {"id", "fields"?, "contacts"}. Errors name pointers into it.
std::optional<Error> check_shape(const Json& account) {
  if (!account.is_object()) return invalid("", "an account must be a JSON object {\"id\", \"fields\"?, \"contacts\"}");
  for (const auto& item : account.items())
    if (item.key() != "id" && item.key() != "fields" && item.key() != "contacts")
      return invalid("/" + pointer_token(item.key()), "unknown account key (expected id, fields and contacts)");
  const auto id = account.find("id");
  if (id == account.end() || !((id->is_string() && !id->get_ref<const std::string&>().empty()) || id->is_number()))
    return invalid("/id", "the account needs an \"id\": a non-empty string or a number");
  const auto fields = account.find("fields");
  if (fields != account.end() && !fields->is_object() && !fields->is_null())
    return invalid("/fields", "\"fields\" must be an object of the account's field values");
  const auto contacts = account.find("contacts");
  if (contacts == account.end() || !contacts->is_array())
    return invalid("/contacts", "\"contacts\" must be an array of {\"lead\", \"events\"?, \"feedback\"?}");
  return std::nullopt;
}

// A contact's own shape, checked here so that every error path of a contact is a pointer inside the
// contact object: what score() reports for events and feedback already is ("/events/2/at").
std::optional<Error> check_contact(const Json& contact, const Limits& limits) {
  if (!contact.is_object()) return Error{"contact_invalid", "", "a contact must be an object {\"lead\", \"events\"?, \"feedback\"?}"};
  for (const auto& item : contact.items())
    if (item.key() != "lead" && item.key() != "events" && item.key() != "feedback")
      return Error{"contact_invalid", "/" + pointer_token(item.key()), "unknown contact key (expected lead, events and feedback)"};
  const auto lead = contact.find("lead");
  if (lead == contact.end() || !lead->is_object())
    return Error{"lead_not_object", "/lead", "a contact's \"lead\" must be a JSON object of field values"};
  const std::string deep = find_too_deep(*lead, limits.max_json_depth);
  if (!deep.empty()) return Error{"json_too_deep", "/lead" + deep, "the lead is nested too deeply"};
  return std::nullopt;
}

// The lead's own id for the result: "id", else "lead_id", when a string or a number.
// The contact's id as the result shows it: null when the lead has none.
Json lead_id_json(const Json& lead) {
  const Json* id = lead_id_value(lead);
  return id ? *id : Json(nullptr);
}

Json error_json(const Error& e) { return Json::object({{"code", e.code}, {"path", e.path}, {"message", e.message}}); }

}  // namespace

Expected<Json> score_account(const Model& model, const Json& account, const AccountOptions& options) {
  if (!model.account()) return Error{"no_account_section", "/account", "the model has no \"account\" section"};
  const AccountSpec& spec = *model.account();
  if (options.now.empty()) return Error{"now_missing", "/now", "the scoring instant \"now\" is required (ISO-8601 with an offset)"};
  const auto now = parse_instant(options.now);
  if (!now) return Error{"now_invalid", "/now", "\"now\" is not a valid instant: " + now.error().message};
  if (auto e = check_shape(account)) return *e;
  const Json& contacts = account["contacts"];
  // Refused before any contact is looked at, so an oversized account costs nothing.
  if (contacts.size() > spec.max_contacts)
    return Error{"too_many_contacts", "/contacts",
                 "an account may have at most " + std::to_string(spec.max_contacts) + " contacts; this one has " +
                     std::to_string(contacts.size())};

  Json warnings = Json::array();
  // Fit rules over the account's own fields, normalised like a lead's.
  const std::int64_t now_ms = now.value();
  const std::int64_t today = now_ms >= 0 ? now_ms / 86400000 : -((-now_ms + 86399999) / 86400000);
  const auto fields_it = account.find("fields");
  const Json no_fields = Json::object();
  const Json& values = fields_it != account.end() && fields_it->is_object() ? *fields_it : no_fields;
  NormalizedLead normalized = model_detail::normalize_account_fields(spec.fields, values, today, model.limits());
  for (auto& w : normalized.warnings) warnings.push_back(std::move(w));
  Centipoints fit = 0;
  Json fit_contributions = Json::array();
  for (std::size_t i = 0; i < spec.rules.size(); ++i) {
    const FitRule& rule = spec.rules[i];
    const auto matched = rule.when.apply(normalized.fields);
    if (!matched) {
      warnings.push_back(make_warning("rule_failed", "/account/rules/" + std::to_string(i) + "/when",
                                      "account rule \"" + rule.id + "\" could not be evaluated: " + matched.error().message));
      continue;
    }
    if (!logic_truthy(matched.value(), rule.when.edition())) continue;
    fit += rule.points;
    fit_contributions.push_back({{"kind", "account_rule"}, {"rule", rule.id}, {"label", rule.label},
                                 {"points", points_json(rule.points)}});
  }

  // Each contact scored as a lead on its own (personas, events, feedback all apply).
  std::vector<ContactScore> scored;
  scored.reserve(contacts.size());
  Json errors = Json::array();
  ScoreOptions score_options;
  score_options.now = options.now;
  score_options.language = options.language;
  score_options.detail = Detail::Summary;  // the score and band are all an account reads
  ScoreResult contact_result;              // reused from contact to contact
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    const Json& contact = contacts[i];
    // Listed in contacts.errors, and as a warning whose path says which contact and where.
    auto fail = [&](const Error& e) {
      warnings.push_back(make_warning("contact_failed", "/contacts/" + std::to_string(i) + e.path,
                                      "contact " + std::to_string(i) + " could not be scored (" + e.code +
                                          "); it is left out of the account score"));
      errors.push_back({{"index", i}, {"error", error_json(e)}});
    };
    if (auto e = check_contact(contact, model.limits())) {
      fail(*e);
      continue;
    }
    const auto events = contact.find("events");
    const auto feedback = contact.find("feedback");
    score_options.events = events != contact.end() ? &*events : nullptr;
    score_options.feedback = feedback != contact.end() ? &*feedback : nullptr;
    if (auto error = score_into(model, contact["lead"], score_options, contact_result)) {
      fail(*error);
      continue;
    }
    scored.push_back({i, contact_result.score, contact_result.band->id, lead_id_json(contact["lead"])});
  }
  if (scored.empty())
    warnings.push_back(make_warning("no_contacts_scored", "/contacts", "no contact was scored: the contact part is 0"));

  const std::size_t scored_count = scored.size();
  ContactPart part = aggregate_contacts(spec, scored);
  // Account rule points are whole points (the model refuses fractions), so fit / 100 is exact.
  const std::int64_t raw = part.points + fit / 100;
  const std::int64_t score = std::clamp<std::int64_t>(raw, 0, 100);
  const Band* band = &model.bands().front();
  for (const Band& b : model.bands())
    if (b.from <= score && score <= b.to) band = &b;

  Json result = Json::object();
  result["format_version"] = kResultFormatVersion;
  result["model"] = {{"id", model.id()}, {"version", model.version()}, {"fingerprint", model.fingerprint()}};
  result["now"] = format_instant(now_ms);
  result["account_id"] = account["id"];
  result["score"] = score;
  result["raw_points"] = raw;
  result["band"] = {{"id", band->id}, {"label", band->label}, {"action", band->action}};
  result["aggregation"] = std::move(part.aggregation);
  result["fit"] = {{"points", points_json(fit)}, {"contributions", std::move(fit_contributions)}};
  result["contacts"] = {{"received", contacts.size()}, {"scored", scored_count}, {"failed", errors.size()},
                        {"top", std::move(part.top)}, {"errors", std::move(errors)}};
  result["warnings"] = std::move(warnings);
  return result;
}

}  // namespace leadscore
