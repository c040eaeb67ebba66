// Form checks: field quality and spam signals, live while a form is filled and again on the
// server, from the same core (docs/form-checks.md has every check, its data source and licence).
//
// Two entry points:
//   check_field()  one field, per keystroke: no model parse, no JSON, findings appended to a
//                  caller-owned vector that can be reused between calls.
//   check_lead()   the whole form: every field's findings, honeypot and fill time, and the quality
//                  verdict (ok / suspicious / spam) as a JSON value.
// score() runs check_lead() itself when the model has a "checks" section and turns findings into
// fit points (docs/model-format.md, "Checks").
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/data.h"
#include "leadscore/error.h"
#include "leadscore/json.h"
#include "leadscore/lead_record.h"

namespace leadscore {

class Model;

enum class Severity { Info, Warn, Block };
/// "info", "warn" or "block".
const char* severity_name(Severity severity);

/// The language of finding messages. Codes never change with the language.
enum class Language { En, Fr };
/// "en" -> En, "fr" -> Fr (also "en-GB", "fr-CA", ... by their first two letters); nullopt otherwise.
std::optional<Language> parse_language(std::string_view tag);

/// Where in the value a finding points, in UTF-16 code units (JavaScript string indices, DOM
/// selection offsets), end exclusive.
struct TextSpan {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
};

struct Finding {
  std::string field;      ///< the form field's name, as given
  std::string code;       ///< stable identifier, e.g. "email_typo" (docs/form-checks.md lists them)
  Severity severity = Severity::Info;
  std::string message;    ///< one sentence in the requested language; never quotes the value
  std::optional<std::string> suggestion;  ///< the whole corrected value, when the check has one
  std::optional<TextSpan> span;               ///< the part of the value the finding is about
};

/// What kind of value a field holds, which decides the checks it gets.
enum class FieldKind { Email, FirstName, LastName, FullName, Company, Phone, Website, Honeypot, Text };
/// "email", "first_name", "last_name", "name", "company", "phone", "website", "honeypot", "text".
const char* field_kind_name(FieldKind kind);
std::optional<FieldKind> parse_field_kind(std::string_view name);

/// How a free-webmail address is treated: a note, a warning with fit points, or refused.
enum class FreeEmailPolicy { Info, Penalty, Block };

/// The "checks" section of a model (docs/model-format.md, "Checks"), with its defaults.
struct CheckConfig {
  /// form field name -> kind. Defaults: email, first_name, last_name, name, company, phone, website.
  std::map<std::string, FieldKind, std::less<>> fields;
  /// Language-independent thresholds (see docs/form-checks.md); values longer than this many bytes
  /// get "too_long" and no other check.
  std::size_t max_value_bytes = 4096;
  std::string country_field = "country";     ///< ISO 3166 alpha-2 code the phone check uses
  /// The lead field holding when the form was rendered (ISO-8601 with offset), written by the page
  /// or, better, recorded by the server when it served the form. Absent = unknown.
  std::string rendered_at_field = "form_rendered_at";
  FreeEmailPolicy free_email = FreeEmailPolicy::Info;
  std::map<std::string, Severity, std::less<>> severity;  ///< code -> severity override
  std::int64_t min_fill_ms = 3000;           ///< a form submitted sooner after rendering is spam
  bool require_fill_time = false;            ///< no rendered_at given -> "form_time_missing"
  /// Quality score = 100 - sum of penalties (>= 0); a penalty per severity unless `penalties` has
  /// one for the code.
  int info_penalty = 0, warn_penalty = 20, block_penalty = 100;
  std::map<std::string, int, std::less<>> penalties;
  int suspicious_below = 80;                 ///< quality score below this -> "suspicious"
  int spam_below = 40;                       ///< below this, or any block finding -> "spam"
  /// Fit points per finding code (centipoints), into `group`; applied once per code and field.
  std::map<std::string, std::int64_t, std::less<>> points;
  std::string group;
  std::size_t group_index = 0;               ///< index of `group` in the model's groups (parse time)
  bool spam_blocks_score = false;            ///< a "spam" verdict sets the score to 0
  /// The reference data of the domain checks (leadscore/data.h): this build's built-in pack
  /// unless the model was handed another one (Model::use_data). Never null.
  std::shared_ptr<const DataPack> data = built_in_data();

  /// The kind of a field: from `fields`, else nullopt (the field is not checked).
  std::optional<FieldKind> kind_of(std::string_view field) const;
  /// The settings of a model without a "checks" section: fields by their conventional names.
  static CheckConfig defaults();
};

/// Every finding code the checks can emit, in documentation order.
const std::vector<std::string_view>& finding_codes();

/// The other form values a field check may look at, and the message language.
struct FieldContext {
  Language language = Language::En;
  /// The whole form as a JSON object, or nullptr. The company check reads the email field, the
  /// phone check the country field. Not owned.
  const Json* lead = nullptr;
  /// The same form as a LeadRecord (leadscore/lead_record.h); when set, read instead of `lead`.
  const LeadRecord* record = nullptr;
  /// When set, the codes that a check could not decide with the lite data pack (an address on a
  /// domain that only the full lists might hold: "email_disposable", "email_free") are added to
  /// it, once each (docs/data-packs.md).
  std::vector<std::string>* undecided = nullptr;
};

/// Checks one field value (UTF-8) of the given model's form and appends its findings to `out`
/// (which is not cleared). A field the model does not check gives no findings. Never fails: an
/// invalid value is itself a finding ("invalid_utf8", "too_long", "control_characters").
void check_field(const CheckConfig& config, std::string_view field, std::string_view value,
                 const FieldContext& context, std::vector<Finding>& out);

struct LeadCheckOptions {
  Language language = Language::En;
  /// When the form was submitted (ISO-8601 with offset). Needed by the fill-time check only: ""
  /// is an error ("now_missing") when the lead has a render time or the model requires one.
  std::string now;
};

/// Checks every field of a lead object and the form as a whole (honeypot, fill time from the
/// config's rendered_at_field). Result:
/// {"data":{"tier","undecided"?,"version"}, "findings":[...], "quality":{"score","verdict","reasons":
/// [{"field","code","severity"}]}}, "data" naming the data pack the domain checks used
/// (leadscore/data.h) and, with the lite pack, the codes it could not decide.
/// Errors: "lead_not_object", "now_missing", "now_invalid", "json_too_deep".
Expected<Json> check_lead(const CheckConfig& config, const Json& lead, const LeadCheckOptions& options);

/// check_lead() as values: the findings in check_lead() order, the quality score and verdict.
struct LeadQuality {
  std::vector<Finding> findings;
  int score = 100;              ///< 100 - the findings' penalties, at least 0
  const char* verdict = "ok";   ///< "ok", "suspicious" or "spam"
  /// Codes the lite data pack could not decide (FieldContext::undecided), in the order met.
  std::vector<std::string> undecided;
};

/// Fills `out` (reusing its buffers) with what check_lead() reports; same errors.
std::optional<Error> check_lead_into(const CheckConfig& config, const Json& lead, const LeadCheckOptions& options,
                                     LeadQuality& out);
/// The same for a lead held by a LeadRecord.
std::optional<Error> check_lead_into(const CheckConfig& config, const LeadRecord& lead, const LeadCheckOptions& options,
                                     LeadQuality& out);

/// The check_lead() JSON of `quality`: {"findings": [...], "quality": {"score","verdict","reasons"}}.
Json lead_quality_json(const CheckConfig& config, const LeadQuality& quality);
/// Appends lead_quality_json(config, quality) as JSON text: the bytes dump_json() writes of it,
/// without building the tree.
void write_lead_quality(const CheckConfig& config, const LeadQuality& quality, std::string& out);

/// A finding as JSON: {"field","code","severity","message","suggestion"?,"span"?:[start,end]}.
Json finding_json(const Finding& finding);

}  // namespace leadscore
