// Model file v1 -> compiled Model. The format is documented in docs/model-format.md.
#include <algorithm>
#include <set>
#include <unordered_map>

#include "leadscore/model.h"
#include "leadscore/version.h"
#include "accounts/account_parse.h"
#include "checks/checks_parse.h"
#include "engagement/engagement_parse.h"
#include "engagement/engagement_score.h"
#include "score/feedback_input.h"
#include "grading/grading_parse.h"
#include "model/model_set.h"
#include "score/probability.h"
#include "score/result_texts.h"
#include "grading/routing_eval.h"
#include "model/limits_parse.h"
#include "model/logic_edition_parse.h"
#include "model/model_reader.h"
#include "io/sha256.h"

namespace leadscore {

using model_detail::Reader;

class ModelBuilder {
 public:
  ModelBuilder(const Json& doc, const Limits& limits) : doc_(doc) { model_.limits_ = limits; }

  Expected<Model> build() {
    if (!r_.expect_object(doc_, "", "the model")) return r_.error();
    r_.only_keys(doc_, "", {"$schema", "description", "format_version", "id", "version", "fields", "groups",
                            "rules", "completeness", "total", "scale", "bands", "engagement", "checks",
                            "grading", "routing", "feedback", "account", "probability", "limits",
                            "logic_edition"});
    const auto format = r_.integer(doc_, "", "format_version", true);
    if (!r_.failed() && format && *format != kModelFormatVersion)
      r_.fail("format_version", "/format_version", "this leadscore reads model format_version 1");
    model_.id_ = r_.string(doc_, "", "id", true);
    model_.version_ = r_.string(doc_, "", "version", true);
    if (const Json* d = r_.member(doc_, "", "description", false); d && !d->is_string())
      r_.fail("wrong_type", "/description", "\"description\" must be a string");
    model_.limits_ = model_detail::read_limits(r_, doc_, model_.limits_);  // before any condition compiles
    model_.logic_edition_ = model_detail::read_logic_edition(r_, doc_);
    read_fields();
    read_groups();
    read_rules();
    read_completeness();
    read_total();
    read_scale();
    read_bands();
    read_engagement_section();
    read_checks_section();
    read_optional_sections();
    if (r_.failed()) return r_.error();
    resolve_group_indices();
    model_.document_ = doc_;
    model_.fingerprint_ = "sha256:" + sha256_hex(dump_json(doc_));
    prepare_result_texts();
    return std::move(model_);
  }

 private:
  const Json* array_member(const char* key, bool required) {
    const Json* v = r_.member(doc_, "", key, required);
    if (v && !r_.expect_array(*v, std::string("/") + key, key)) return nullptr;
    return v;
  }

  void read_fields() {
    const Json* fields = array_member("fields", true);
    if (!fields) return;
    std::set<std::string> seen, seen_columns;
    for (std::size_t i = 0; i < fields->size() && !r_.failed(); ++i) {
      const std::string p = "/fields/" + std::to_string(i);
      const Json& f = (*fields)[i];
      if (!r_.expect_object(f, p, "a field")) return;
      r_.only_keys(f, p, {"name", "type", "required", "label", "values", "description", "column"});
      FieldSpec spec;
      spec.name = r_.unique_id(f, p, "name", "field", seen);
      const std::string type = r_.string(f, p, "type", true);
      static const std::pair<const char*, FieldType> kTypes[] = {
          {"string", FieldType::String}, {"number", FieldType::Number}, {"integer", FieldType::Integer},
          {"boolean", FieldType::Boolean}, {"enum", FieldType::Enum}, {"email", FieldType::Email}, {"date", FieldType::Date}};
      bool known = false;
      for (const auto& [name, t] : kTypes)
        if (type == name) { spec.type = t; known = true; }
      if (!r_.failed() && !known)
        r_.fail("unknown_type", p + "/type", "type must be string, number, integer, boolean, enum, email or date");
      spec.required = r_.boolean(f, p, "required", false);
      spec.label = r_.label_or_id(f, p, spec.name);
      spec.column = r_.string(f, p, "column", false);
      if (!r_.failed() && r_.member(f, p, "column", false)) {
        // Any header text (CRM exports have spaces), but not empty, bounded, and one field per column.
        if (spec.column.empty() || spec.column.size() > 128)
          r_.fail("invalid_name", p + "/column", "\"column\" must be 1 to 128 bytes");
        else if (!seen_columns.insert(spec.column).second)
          r_.fail("duplicate_id", p + "/column", "column \"" + spec.column + "\" is read by two fields");
      }
      if (const Json* values = r_.member(f, p, "values", false)) {
        if (spec.type != FieldType::Enum) r_.fail("enum_values", p + "/values", "only enum fields take \"values\"");
        else if (r_.expect_array(*values, p + "/values", "values")) {
          for (std::size_t k = 0; k < values->size(); ++k) {
            if (!(*values)[k].is_string() || (*values)[k].get_ref<const std::string&>().empty())
              r_.fail("wrong_type", p + "/values/" + std::to_string(k), "enum values must be non-empty strings");
            else spec.values.push_back((*values)[k].get<std::string>());
          }
        }
      }
      if (!r_.failed() && spec.type == FieldType::Enum && spec.values.empty())
        r_.fail("enum_values", p, "an enum field needs a non-empty \"values\" list");
      model_.fields_.push_back(std::move(spec));
    }
    for (const auto& f : model_.fields_) model_.field_names_.push_back(f.name);
    for (std::size_t i = 0; i < model_.fields_.size(); ++i) {
      const auto index = static_cast<std::uint32_t>(i);
      model_.field_keys_.emplace_back(model_.fields_[i].name, 2 * index);
      if (!model_.fields_[i].column.empty()) model_.field_keys_.emplace_back(model_.fields_[i].column, 2 * index + 1);
    }
    std::sort(model_.field_keys_.begin(), model_.field_keys_.end());
  }

  void read_groups() {
    const Json* groups = array_member("groups", true);
    if (!groups) return;
    if (!r_.failed() && groups->empty()) r_.fail("missing_key", "/groups", "declare at least one group");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < groups->size() && !r_.failed(); ++i) {
      const std::string p = "/groups/" + std::to_string(i);
      const Json& g = (*groups)[i];
      if (!r_.expect_object(g, p, "a group")) return;
      r_.only_keys(g, p, {"id", "label", "min", "max", "description"});
      GroupSpec spec;
      spec.id = r_.unique_id(g, p, "id", "group", seen);
      spec.label = r_.label_or_id(g, p, spec.id);
      spec.min = r_.points(g, p, "min", false);
      spec.max = r_.points(g, p, "max", false);
      if (!r_.failed() && spec.min && spec.max && *spec.min > *spec.max)
        r_.fail("cap_range", p, "the group's min is above its max");
      model_.groups_.push_back(std::move(spec));
    }
    // Looked up once per rule: hashed, so loading stays linear in the number of groups.
    group_index_.reserve(model_.groups_.size());
    for (std::size_t i = 0; i < model_.groups_.size(); ++i) group_index_.emplace(model_.groups_[i].id, i);
  }

  // Scoring adds points to groups by index: every reference was checked above, so each id is found.
  void resolve_group_indices() {
    for (auto& rule : model_.rules_) rule.group_index = group_index_.at(rule.group);
    if (model_.completeness_) model_.completeness_->group_index = group_index_.at(model_.completeness_->group);
    // A checks section names a group only when it gives points.
    if (model_.checks_ && !model_.checks_->points.empty()) model_.checks_->group_index = group_index_.at(model_.checks_->group);
  }

  // An entry's "group": required, and one of the groups declared in /groups.
  std::string declared_group(const Json& entry, const std::string& p) {
    std::string id = r_.string(entry, p, "group", true);
    if (r_.failed()) return id;
    if (group_index_.count(id) != 0) return id;
    r_.fail("unknown_group", p + "/group", "group \"" + id + "\" is not declared in /groups");
    return id;
  }

  void read_rules() {
    const Json* rules = array_member("rules", true);
    if (!rules) return;
    std::set<std::string> seen;
    const SlotNames slots(model_.field_names_);  // indexed once: each rule's variables are looked up
    for (std::size_t i = 0; i < rules->size() && !r_.failed(); ++i) {
      const std::string p = "/rules/" + std::to_string(i);
      const Json& j = (*rules)[i];
      if (!r_.expect_object(j, p, "a rule")) return;
      r_.only_keys(j, p, {"id", "label", "group", "points", "when", "description"});
      FitRule rule;
      rule.id = r_.unique_id(j, p, "id", "rule", seen);
      rule.label = r_.label_or_id(j, p, rule.id);
      rule.group = declared_group(j, p);
      rule.points = r_.points(j, p, "points", true).value_or(0);
      const Json* when = r_.member(j, p, "when", true);
      if (r_.failed() || when == nullptr) return;
      auto compiled = Logic::compile(*when, p + "/when", model_.limits_, slots, model_.logic_edition_);
      if (!compiled) {
        r_.fail(compiled.error().code, compiled.error().path, compiled.error().message);
        return;
      }
      rule.when = std::move(compiled.value());
      model_.rules_.push_back(std::move(rule));
    }
  }

  void read_completeness() {
    const Json* c = r_.member(doc_, "", "completeness", false);
    if (!c || !r_.expect_object(*c, "/completeness", "completeness")) return;
    const std::string p = "/completeness";
    r_.only_keys(*c, p, {"id", "label", "group", "points_per_field", "fields", "description"});
    CompletenessRule rule;
    rule.id = r_.string(*c, p, "id", true);
    r_.identifier(rule.id, p + "/id", false);
    for (const auto& other : model_.rules_)
      if (!r_.failed() && other.id == rule.id) r_.fail("duplicate_id", p + "/id", "id \"" + rule.id + "\" is already a rule's id");
    rule.label = r_.label_or_id(*c, p, rule.id);
    rule.group = declared_group(*c, p);
    rule.points_per_field = r_.points(*c, p, "points_per_field", true).value_or(0);
    if (const Json* fields = r_.member(*c, p, "fields", false)) {
      if (!r_.expect_array(*fields, p + "/fields", "fields")) return;
      std::set<std::string> seen;
      for (std::size_t i = 0; i < fields->size() && !r_.failed(); ++i) {
        const std::string fp = p + "/fields/" + std::to_string(i);
        const Json& name = (*fields)[i];
        const FieldSpec* spec = name.is_string() ? model_.field(name.get_ref<const std::string&>()) : nullptr;
        if (spec == nullptr) r_.fail("unknown_field", fp, "not a declared field");
        else if (spec->required) r_.fail("completeness_required", fp, "field \"" + spec->name + "\" is required; only optional fields earn completeness points");
        else if (!seen.insert(spec->name).second) r_.fail("duplicate_id", fp, "field \"" + spec->name + "\" is listed twice");
        else rule.fields.push_back(spec->name);
      }
    } else {
      for (const auto& f : model_.fields_)
        if (!f.required) rule.fields.push_back(f.name);
    }
    for (const auto& name : rule.fields)
      rule.field_indices.push_back(static_cast<std::size_t>(model_.field(name) - model_.fields_.data()));
    model_.completeness_ = std::move(rule);
  }

  void read_total() {
    const Json* t = r_.member(doc_, "", "total", false);
    if (!t || !r_.expect_object(*t, "/total", "total")) return;
    r_.only_keys(*t, "/total", {"min", "max", "description"});
    model_.total_min_ = r_.points(*t, "/total", "min", false);
    model_.total_max_ = r_.points(*t, "/total", "max", false);
    if (!r_.failed() && model_.total_min_ && model_.total_max_ && *model_.total_min_ > *model_.total_max_)
      r_.fail("cap_range", "/total", "the total's min is above its max");
  }

  void read_scale() {
    const Json* s = r_.member(doc_, "", "scale", true);
    if (!s || !r_.expect_object(*s, "/scale", "scale")) return;
    r_.only_keys(*s, "/scale", {"min", "max", "description"});
    model_.scale_.min = r_.points(*s, "/scale", "min", true).value_or(0);
    model_.scale_.max = r_.points(*s, "/scale", "max", true).value_or(0);
    if (!r_.failed() && model_.scale_.max <= model_.scale_.min)
      r_.fail("scale_range", "/scale", "scale max must be greater than scale min");
  }

  void read_bands() {
    const Json* bands = array_member("bands", true);
    if (!bands) return;
    if (!r_.failed() && bands->empty()) r_.fail("band_gap", "/bands", "bands must cover scores 0 to 100");
    std::set<std::string> seen;
    int expected_from = 0;
    for (std::size_t i = 0; i < bands->size() && !r_.failed(); ++i) {
      const std::string p = "/bands/" + std::to_string(i);
      const Json& j = (*bands)[i];
      if (!r_.expect_object(j, p, "a band")) return;
      r_.only_keys(j, p, {"id", "label", "action", "from", "to", "description"});
      Band band;
      band.id = r_.unique_id(j, p, "id", "band", seen);
      band.label = r_.label_or_id(j, p, band.id);
      band.action = r_.string(j, p, "action", true);
      const auto from = r_.integer(j, p, "from", true);
      const auto to = r_.integer(j, p, "to", true);
      if (r_.failed()) return;
      if (*from < 0 || *from > 100) return r_.fail("band_range", p + "/from", "from must be a score from 0 to 100");
      if (*to < 0 || *to > 100) return r_.fail("band_range", p + "/to", "to must be a score from 0 to 100");
      if (*to < *from) return r_.fail("band_order", p, "a band's to is below its from");
      if (*from > expected_from) return r_.fail("band_gap", p + "/from", "no band covers score " + std::to_string(expected_from));
      if (*from < expected_from)
        return r_.fail(i == 0 ? "band_gap" : "band_overlap", p + "/from",
                       i == 0 ? "the first band must start at 0" : "this band overlaps the previous one (bands are listed from low to high scores)");
      band.from = static_cast<int>(*from);
      band.to = static_cast<int>(*to);
      expected_from = band.to + 1;
      model_.bands_.push_back(std::move(band));
    }
    if (!r_.failed() && expected_from != 101)
      r_.fail("band_gap", "/bands", "no band covers score " + std::to_string(expected_from) + " (the last band must end at 100)");
  }

  void read_engagement_section() {
    const Json* e = r_.member(doc_, "", "engagement", false);
    if (!e || r_.failed()) return;
    std::set<std::string> group_ids, rule_ids;
    for (const auto& g : model_.groups_) group_ids.insert(g.id);
    for (const auto& rule : model_.rules_) rule_ids.insert(rule.id);
    if (model_.completeness_) rule_ids.insert(model_.completeness_->id);
    model_.engagement_ = model_detail::read_engagement(r_, *e, model_.limits_, group_ids, rule_ids, model_.logic_edition_);
    // The engagement part of a lead without events is a constant of the model: computed once.
    if (model_.engagement_ && !r_.failed()) {
      Engagement& engagement = *model_.engagement_;
      for (EngagementRule& rule : engagement.rules) rule.event_line_text = event_line_text(engagement, rule);
      for (EventType& type : engagement.event_types) type.line_tail = event_line_tail(type);
      // (Sorted as pairs, like the field keys: one sort in the browser module, not two.)
      std::vector<std::pair<std::string, std::uint32_t>> by_id;  // type ids are unique
      for (std::size_t t = 0; t < engagement.event_types.size(); ++t)
        by_id.emplace_back(engagement.event_types[t].id, static_cast<std::uint32_t>(t));
      std::sort(by_id.begin(), by_id.end());
      engagement.rules_by_type.assign(engagement.event_types.size(), {});
      for (std::size_t r = 0; r < engagement.rules.size(); ++r) {
        const EngagementRule& rule = engagement.rules[r];
        if (rule.kind == RuleKind::Streak) continue;
        const auto rule_index = static_cast<std::uint32_t>(r);
        // The types a rule reads (each once, rules in model order); a recency rule without
        // "events" reads every activity.
        auto reads = [&](std::size_t t) {
          auto& list = engagement.rules_by_type[t];
          if (list.empty() || list.back() != rule_index) list.push_back(rule_index);
        };
        if (!rule.types.empty()) {
          for (std::size_t t : rule.types) reads(t);
        } else {
          for (std::size_t t = 0; t < engagement.event_types.size(); ++t)
            if (engagement.event_types[t].activity) reads(t);
        }
      }
      model_detail::index_event_types(engagement);
      engagement.type_rank.assign(by_id.size(), 0);
      for (std::size_t r = 0; r < by_id.size(); ++r) engagement.type_rank[by_id[r].second] = static_cast<std::uint32_t>(r);
      engagement.without_events = engagement_without_events(engagement);
    }
  }

  void read_checks_section() {
    const Json* c = r_.member(doc_, "", "checks", false);
    if (!c || r_.failed()) return;
    std::set<std::string> group_ids;
    for (const auto& g : model_.groups_) group_ids.insert(g.id);
    model_.checks_ = model_detail::read_checks(r_, *c, group_ids);
  }

  // The parts of every result that are constants of the model, as text (score/result_texts.h).
  void prepare_result_texts() {
    for (GroupSpec& g : model_.groups_) g.result_head = group_result_head(g);
    for (FitRule& rule : model_.rules_) rule.result_text = rule_result_text(rule);
    if (model_.completeness_) {
      CompletenessRule& c = *model_.completeness_;
      c.result_texts.clear();
      for (std::size_t f = 0; f < c.fields.size(); ++f) c.result_texts.push_back(completeness_result_text(c, f));
    }
    for (Band& b : model_.bands_) b.result_text = band_result_text(b);
    if (model_.grading_)
      for (GradeCriterion& c : model_.grading_->criteria) c.result_head = criterion_result_head(c);
    model_.result_model_text_ = model_result_text(model_);
  }

  // Grading, feedback, routing (which reads the bands and whether there is grading) and account.
  void read_optional_sections() {
    if (r_.failed()) return;
    if (const Json* g = r_.member(doc_, "", "grading", false); g && !r_.failed())
      model_.grading_ = model_detail::read_grading(r_, *g, model_.fields_, model_.limits_, model_.logic_edition_);
    if (const Json* f = r_.member(doc_, "", "feedback", false); f && !r_.failed())
      model_.feedback_ = model_detail::read_feedback_section(r_, *f);
    if (const Json* ro = r_.member(doc_, "", "routing", false); ro && !r_.failed())
      model_.routing_ = model_detail::read_routing(r_, *ro, model_.bands_, model_.grading_.has_value());
    if (const Json* a = r_.member(doc_, "", "account", false); a && !r_.failed())
      model_.account_ = model_detail::read_account(r_, *a, model_.limits_, model_.logic_edition_);
    if (const Json* pr = r_.member(doc_, "", "probability", false); pr && !r_.failed())
      model_.probability_ = model_detail::read_probability(r_, *pr);
  }

  const Json& doc_;
  Reader r_;
  Model model_;
  std::unordered_map<std::string, std::size_t> group_index_;  // group id -> index in model_.groups_
};

const char* field_type_name(FieldType type) {
  switch (type) {
    case FieldType::String: return "string";
    case FieldType::Number: return "number";
    case FieldType::Integer: return "integer";
    case FieldType::Boolean: return "boolean";
    case FieldType::Enum: return "enum";
    case FieldType::Email: return "email";
    case FieldType::Date: return "date";
  }
  return "string";
}

const FieldSpec* Model::field(std::string_view name) const {
  // field_keys_ holds every name and column, sorted: a binary search, then the name among equals.
  auto it = std::lower_bound(field_keys_.begin(), field_keys_.end(), name,
                             [](const std::pair<std::string, std::uint32_t>& key, std::string_view n) { return key.first < n; });
  for (; it != field_keys_.end() && it->first == name; ++it)
    if (it->second % 2 == 0) return &fields_[it->second / 2];
  return nullptr;
}

Expected<Model> Model::from_json(const Json& document, const Limits& limits) {
  const std::string deep = find_too_deep(document, limits.max_json_depth);
  if (!deep.empty()) return Error{"json_too_deep", deep, "the model is nested deeper than " + std::to_string(limits.max_json_depth) + " levels"};
  if (is_model_set(document)) return build_model_set(document, limits);
  return ModelBuilder(document, limits).build();
}

Expected<Model> Model::parse(std::string_view text, const Limits& limits) {
  if (text.size() > limits.max_document_bytes)
    return Error{"document_too_large", "", "the model is larger than " + std::to_string(limits.max_document_bytes) + " bytes"};
  auto doc = parse_json(text, "the model", limits.max_json_depth);
  if (!doc) return doc.error();
  if (is_model_set(doc.value())) return build_model_set(doc.value(), limits);
  return ModelBuilder(doc.value(), limits).build();
}

}  // namespace leadscore

namespace leadscore {
const CheckConfig& Model::checks() const {
  static const CheckConfig defaults = CheckConfig::defaults();
  if (checks_) return *checks_;
  return default_checks_ ? *default_checks_ : defaults;
}

void Model::use_data(std::shared_ptr<const DataPack> data) {
  if (!data) data = built_in_data();
  if (checks_) {
    checks_->data = data;
  } else {
    auto config = std::make_shared<CheckConfig>(CheckConfig::defaults());
    config->data = data;
    default_checks_ = std::move(config);
  }
  for (Persona& persona : personas_) {
    if (!persona.model) continue;
    auto copy = std::make_shared<Model>(*persona.model);
    copy->use_data(data);
    persona.model = std::move(copy);
  }
}
}  // namespace leadscore
