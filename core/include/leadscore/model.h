// A compiled scoring model (model file format v1, documented in docs/model-format.md).
//
// Compile once with Model::parse, then score any number of leads with leadscore::score().
// A Model is immutable after parsing and safe to share between threads.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/checks.h"
#include "leadscore/engagement.h"
#include "leadscore/error.h"
#include "leadscore/feedback.h"
#include "leadscore/grading.h"
#include "leadscore/json.h"
#include "leadscore/limits.h"
#include "leadscore/logic.h"
#include "leadscore/routing.h"

namespace leadscore {

/// Points are held as integer hundredths ("centipoints") so sums are exact in every runtime.
/// A model may give points with at most two decimals (12.5 -> 1250).
using Centipoints = std::int64_t;

enum class FieldType { String, Number, Integer, Boolean, Enum, Email, Date };

/// The model-file name of a field type ("string", "number", ...).
const char* field_type_name(FieldType type);

struct FieldSpec {
  std::string name;
  FieldType type = FieldType::String;
  bool required = false;
  std::string label;
  std::vector<std::string> values;  ///< allowed values of an enum field
  /// Another key the value may come under (a CRM export's header such as "Lead Origin"): used when
  /// the lead has no key `name`. Empty = none.
  std::string column;
};

struct GroupSpec {
  std::string id;
  std::string label;
  std::optional<Centipoints> min;  ///< the group's subtotal is raised to at least this
  std::optional<Centipoints> max;  ///< the group's subtotal is lowered to at most this
  /// Its object in a result's "groups" up to the points ({"id":...,"label":...,"max":...,),
  /// written once when the model is parsed; the result writer appends it as is.
  std::string result_head;
};

struct FitRule {
  std::string id;
  std::string label;
  std::string group;
  std::size_t group_index = 0;  ///< index of `group` in Model::groups(), resolved at parse time
  Centipoints points = 0;
  Logic when;
  /// Its contribution object in a result (constant: written once when the model is parsed).
  std::string result_text;
};

/// Points for each optional field the lead filled in ("bonus for optional fields").
struct CompletenessRule {
  std::string id;
  std::string label;
  std::string group;
  std::size_t group_index = 0;  ///< index of `group` in Model::groups(), resolved at parse time
  Centipoints points_per_field = 0;
  std::vector<std::string> fields;  ///< the optional fields that count, in model order
  std::vector<std::size_t> field_indices;  ///< their indices in Model::fields(), resolved at parse time
  std::vector<std::string> result_texts;   ///< each field's contribution object in a result (constant)
};

/// Linear map of raw points onto 0..100 (see docs/model-format.md, "Scale").
struct Scale {
  Centipoints min = 0;      ///< raw points that map to score 0
  Centipoints max = 10000;  ///< raw points that map to score 100
};

struct Band {
  std::string id;
  std::string label;
  std::string action;
  int from = 0;  ///< lowest score in the band (inclusive)
  int to = 100;  ///< highest score in the band (inclusive)
  std::string result_text;  ///< its object in a result (constant: written when the model is parsed)
};

/// The "account" section: how a company's contacts and its own fields make an account score
/// (docs/accounts.md).
struct AccountSpec {
  enum class Aggregation { Max, Sum, TopNMean } aggregation = Aggregation::Max;
  std::string id_field = "company_id";  ///< the contact field that names the company (CLI grouping)
  int cap = 100;                        ///< Sum: the contact part is capped here (score points)
  std::size_t top_n = 3;                ///< TopNMean: how many of the best contacts are averaged
  std::size_t max_contacts = 100000;    ///< more contacts than this: too_many_contacts
  std::vector<FieldSpec> fields;        ///< the account's own fields
  std::vector<FitRule> rules;           ///< fit rules over the account fields (points on the 0..100 scale)
};

/// The "probability" section: a conversion probability from the result's points, for models
/// calibrated on history (docs/calibration.md). p = 1 / (1 + 2^((even_odds_points - points) /
/// points_to_double_odds)), rounded to 4 decimals and clamped to [0.0001, 0.9999].
struct ProbabilitySpec {
  Centipoints even_odds_points = 0;        ///< points at which the odds are 1:1
  Centipoints points_to_double_odds = 2000;  ///< > 0
};

class Model;

/// One persona of a model set: the model it selects, and the JsonLogic condition that selects it
/// (on {"lead": the raw lead, "events": {type: count}}); the last persona has none (the default).
struct Persona {
  std::string id;
  std::string label;
  std::optional<Logic> when;          ///< absent: the default persona (always the last)
  std::string model_name;             ///< the key in the set's "models"
  std::shared_ptr<const Model> model;
};

class Model {
 public:
  /// Parses and compiles model JSON text. Errors name the JSON pointer of the offending value.
  static Expected<Model> parse(std::string_view text, const Limits& limits = Limits{});
  /// Same, from an already-parsed document.
  static Expected<Model> from_json(const Json& document, const Limits& limits = Limits{});

  const std::string& id() const { return id_; }
  const std::string& version() const { return version_; }
  /// "sha256:" + hex SHA-256 of the canonical form (dump_json of the document).
  const std::string& fingerprint() const { return fingerprint_; }
  /// The "model" object of this model's results, {"fingerprint","id","version"} as JSON text,
  /// written once when the model is parsed ("" for a model set, whose results name a persona).
  const std::string& result_model_text() const { return result_model_text_; }

  const std::vector<FieldSpec>& fields() const { return fields_; }
  /// The fields' names in declaration order: the slot names of a lead's FieldSlots (logic.h).
  const std::vector<std::string>& field_names() const { return field_names_; }
  const std::vector<GroupSpec>& groups() const { return groups_; }
  const std::vector<FitRule>& rules() const { return rules_; }
  const std::optional<CompletenessRule>& completeness() const { return completeness_; }
  std::optional<Centipoints> total_min() const { return total_min_; }
  std::optional<Centipoints> total_max() const { return total_max_; }
  const Scale& scale() const { return scale_; }
  const std::vector<Band>& bands() const { return bands_; }
  /// The engagement section, when the model has one.
  const std::optional<Engagement>& engagement() const { return engagement_; }
  /// Whether the model has a "checks" section (then score() runs the form checks).
  bool has_checks() const { return checks_.has_value(); }
  /// The form-check settings: the "checks" section, or CheckConfig::defaults() without one.
  const CheckConfig& checks() const;
  /// Gives the model's form checks (and its personas') another data pack (leadscore/data.h), e.g.
  /// a loaded full pack where the built-in one is lite. Not thread-safe: call it before the model
  /// is shared between threads. A null pack means this build's built-in one.
  void use_data(std::shared_ptr<const DataPack> data);
  /// The tier and version of the data the model's checks use.
  const DataInfo& data_info() const { return leadscore::data_info(*checks().data); }
  /// The grading section (docs/grading.md), when the model has one.
  const std::optional<Grading>& grading() const { return grading_; }
  /// The routing section (docs/routing.md), when the model has one.
  const std::optional<Routing>& routing() const { return routing_; }
  /// The feedback section (docs/feedback.md), when the model has one.
  const std::optional<FeedbackSpec>& feedback() const { return feedback_; }
  /// The account section (docs/accounts.md), when the model (or model set) has one.
  const std::optional<AccountSpec>& account() const { return account_; }
  /// The probability section, when the model has one.
  const std::optional<ProbabilitySpec>& probability() const { return probability_; }
  /// A model set's personas, in selection order (docs/personas.md); empty for a plain model. For a
  /// set, the accessors above describe the default persona's model, while id(), version(),
  /// fingerprint() and document() describe the whole file.
  const std::vector<Persona>& personas() const { return personas_; }
  const Limits& limits() const { return limits_; }
  /// The JsonLogic its conditions are written in (the model's "logic_edition").
  LogicEdition logic_edition() const { return logic_edition_; }
  /// The document as given (what the fingerprint covers).
  const Json& document() const { return document_; }

  /// The declared field with this name, or nullptr.
  const FieldSpec* field(std::string_view name) const;
  /// Internal: every key a lead's field is read from, sorted by key: a field's name as 2i, its
  /// column (a CRM export's header) as 2i + 1, i its index in fields().
  const std::vector<std::pair<std::string, std::uint32_t>>& field_keys() const { return field_keys_; }

 private:
  friend class ModelBuilder;
  friend class ModelSetBuilder;
  std::string id_, version_, fingerprint_, result_model_text_;
  std::vector<FieldSpec> fields_;
  std::vector<std::string> field_names_;
  std::vector<std::pair<std::string, std::uint32_t>> field_keys_;
  std::vector<GroupSpec> groups_;
  std::vector<FitRule> rules_;
  std::optional<CompletenessRule> completeness_;
  std::optional<Centipoints> total_min_, total_max_;
  Scale scale_;
  std::vector<Band> bands_;
  std::optional<Engagement> engagement_;
  std::optional<CheckConfig> checks_;
  std::shared_ptr<const CheckConfig> default_checks_;  // without a "checks" section, after use_data()
  std::optional<Grading> grading_;
  std::optional<Routing> routing_;
  std::optional<FeedbackSpec> feedback_;
  std::optional<AccountSpec> account_;
  std::optional<ProbabilitySpec> probability_;
  std::vector<Persona> personas_;
  Limits limits_;
  LogicEdition logic_edition_ = LogicEdition::Classic;
  Json document_;
};

/// The bundled default B2B model (examples/models/default.json, embedded at build time).
std::string_view default_model_text();

}  // namespace leadscore
