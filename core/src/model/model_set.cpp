// Model sets (docs/personas.md): several complete models in one file and the personas that pick
// one per lead. Each model is compiled by Model::from_json on its resolved document, so a model in a
// set obeys exactly the rules of a model file; only the error pointers gain "/models/<name>".
#include "model/model_set.h"

#include <map>
#include <set>

#include "leadscore/time.h"
#include "leadscore/version.h"
#include "accounts/account_parse.h"
#include "score/lead_normalize.h"
#include "model/limits_parse.h"
#include "model/logic_edition_parse.h"
#include "model/model_reader.h"
#include "model/model_set_extends.h"
#include "io/sha256.h"

namespace leadscore {

using model_detail::Reader;

class ModelSetBuilder {
 public:
  ModelSetBuilder(const Json& doc, const Limits& limits) : doc_(doc), limits_(limits) {}

  Expected<Model> build() {
    if (!r_.expect_object(doc_, "", "the model set")) return r_.error();
    r_.only_keys(doc_, "", {"$schema", "description", "format_version", "id", "version", "models", "personas", "account",
                            "limits", "logic_edition"});
    const auto format = r_.integer(doc_, "", "format_version", true);
    if (!r_.failed() && format && *format != kModelFormatVersion)
      r_.fail("format_version", "/format_version", "this leadscore reads model format_version 1");
    const std::string id = r_.string(doc_, "", "id", true);
    const std::string version = r_.string(doc_, "", "version", true);
    if (const Json* d = r_.member(doc_, "", "description", false); d && !d->is_string())
      r_.fail("wrong_type", "/description", "\"description\" must be a string");
    limits_ = model_detail::read_limits(r_, doc_, limits_);  // the set's bounds: its models' ceilings
    edition_ = model_detail::read_logic_edition(r_, doc_);  // its persona and account conditions'
    compile_models();
    read_personas();
    std::optional<AccountSpec> account;
    if (const Json* a = r_.member(doc_, "", "account", false); a && !r_.failed())
      account = model_detail::read_account(r_, *a, limits_, edition_);
    if (r_.failed()) return r_.error();

    // The set answers the accessors with its default persona's model (model.h), and id, version,
    // fingerprint and document with the whole file's.
    Model set = *personas_.back().model;
    set.id_ = id;
    set.version_ = version;
    set.document_ = doc_;
    set.fingerprint_ = "sha256:" + sha256_hex(dump_json(doc_));
    set.result_model_text_.clear();  // a set's results name their persona: written lead by lead
    set.account_ = std::move(account);
    set.personas_ = std::move(personas_);
    set.limits_ = limits_;
    return set;
  }

 private:
  void compile_models() {
    const Json* models = r_.member(doc_, "", "models", true);
    if (models == nullptr || !r_.expect_object(*models, "/models", "\"models\"")) return;
    if (models->empty()) return r_.fail("missing_key", "/models", "declare at least one model");
    for (auto& resolved : model_detail::resolve_models(r_, *models, doc_, limits_.max_document_bytes)) {
      const std::string p = "/models/" + pointer_token(resolved.name);
      if (resolved.document.contains("personas"))  // would make from_json build a nested set
        return r_.fail("unknown_key", p + "/personas", "a model in a set has no personas (sets do not nest)");
      // A contact-level account section in a persona's model would never be read: say so.
      if (resolved.document.contains("account"))
        return r_.fail("account_misplaced", p + "/account",
                       "in a model set the \"account\" section belongs at the top level of the file");
      // The set's edition is its models' too: a model that names another one is a mistake.
      if (const auto it = resolved.document.find("logic_edition");
          it != resolved.document.end() && *it != Json(logic_edition_name(edition_)))
        return r_.fail("logic_edition_mismatch", p + "/logic_edition",
                       "a model in a set is written in the set's \"logic_edition\" (\"" +
                           std::string(logic_edition_name(edition_)) + "\")");
      Json document = resolved.document;
      if (edition_ != LogicEdition::Classic) document["logic_edition"] = logic_edition_name(edition_);
      auto model = Model::from_json(document, limits_);
      if (!model) {
        const Error& e = model.error();
        return r_.fail(e.code, p + e.path, e.message);
      }
      models_[resolved.name] = std::make_shared<const Model>(std::move(model).value());
    }
  }

  void read_personas() {
    const Json* list = r_.member(doc_, "", "personas", true);
    if (list == nullptr || !r_.expect_array(*list, "/personas", "\"personas\"")) return;
    if (list->empty())
      return r_.fail("persona_default_missing", "/personas", "declare at least the default persona (the last one, without \"when\")");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list->size() && !r_.failed(); ++i) {
      const std::string p = "/personas/" + std::to_string(i);
      const Json& entry = (*list)[i];
      if (!r_.expect_object(entry, p, "a persona")) return;
      r_.only_keys(entry, p, {"id", "label", "description", "when", "model"});
      Persona persona;
      persona.id = r_.unique_id(entry, p, "id", "persona", seen);
      persona.label = r_.label_or_id(entry, p, persona.id);
      if (const Json* d = r_.member(entry, p, "description", false); d && !d->is_string())
        r_.fail("wrong_type", p + "/description", "\"description\" must be a string");
      persona.model_name = r_.string(entry, p, "model", true);
      if (r_.failed()) return;
      const auto model = models_.find(persona.model_name);
      if (model == models_.end())
        return r_.fail("unknown_model_ref", p + "/model", "model \"" + persona.model_name + "\" is not in /models");
      persona.model = model->second;
      const Json* when = r_.member(entry, p, "when", false);
      const bool last = i + 1 == list->size();
      if (last && when != nullptr)
        return r_.fail("persona_default_missing", p + "/when",
                       "the last persona is the default: it takes no \"when\" (add a persona without one)");
      if (!last && when == nullptr)
        return r_.fail("persona_when_missing", p, "only the last persona (the default) goes without \"when\"");
      if (when != nullptr) {
        auto compiled = Logic::compile(*when, p + "/when", limits_, nullptr, edition_);
        if (!compiled) return r_.fail(compiled.error().code, compiled.error().path, compiled.error().message);
        persona.when = std::move(compiled).value();
      }
      personas_.push_back(std::move(persona));
    }
  }

  const Json& doc_;
  Limits limits_;
  LogicEdition edition_ = LogicEdition::Classic;
  Reader r_;
  std::map<std::string, std::shared_ptr<const Model>> models_;
  std::vector<Persona> personas_;
};

bool is_model_set(const Json& document) { return document.is_object() && document.contains("personas"); }

Expected<Model> build_model_set(const Json& document, const Limits& limits) {
  return ModelSetBuilder(document, limits).build();
}

namespace {

// {"lead": the raw lead, "events": {type: count}}. Events are counted, not validated: a broken or
// future event is skipped (score() reports it later if the persona's model reads events at all).
Json selection_data(const Json& lead, const Json* events, Millis now, const Limits& limits) {
  Json counts = Json::object();
  if (events != nullptr && events->is_array() && events->size() <= limits.max_events) {
    for (const Json& event : *events) {
      if (!event.is_object()) continue;
      const auto type = event.find("type");
      const auto at = event.find("at");
      if (type == event.end() || !type->is_string() || at == event.end() || !at->is_string()) continue;
      const auto instant = parse_instant(at->get_ref<const std::string&>());
      if (!instant || instant.value() > now) continue;
      Json& count = counts[type->get_ref<const std::string&>()];
      count = count.is_null() ? 1 : count.get<std::int64_t>() + 1;
    }
  }
  return Json{{"lead", lead}, {"events", std::move(counts)}};
}

}  // namespace

PersonaChoice select_persona(const Model& set, const Json& lead, const Json* events, Millis now, Json& warnings,
                             WorkBudget& budget) {
  const auto& personas = set.personas();
  PersonaChoice choice;
  const Json data = selection_data(lead, events, now, set.limits());
  // Every conditional persona is evaluated, also after the first match, to report also_matched.
  for (std::size_t i = 0; i + 1 < personas.size(); ++i) {
    const auto outcome = personas[i].when->holds(data, &budget);
    if (!outcome) {
      const std::string p = "/personas/" + std::to_string(i) + "/when";
      if (budget.exhausted()) {
        budget.locate(p);
        choice.error = budget.error();
        return choice;
      }
      warnings.push_back(make_warning("persona_failed", p,
                                      "the condition of persona \"" + personas[i].id + "\" failed to evaluate (" +
                                          outcome.error().code + "); it does not match"));
      continue;
    }
    if (!outcome.value()) continue;
    if (choice.persona == nullptr) choice.persona = &personas[i];
    else choice.also_matched.push_back(personas[i].id);
  }
  if (choice.persona == nullptr) choice.persona = &personas.back();
  return choice;
}

}  // namespace leadscore
