// The model's "grading" section -> Grading (docs/grading.md, "Model keys"). Every failure names the
// JSON pointer of the value at fault, like the rest of the model reader.
#include "grading/grading_parse.h"

#include <set>
#include <string>
#include <string_view>
#include <unordered_set>

namespace leadscore::model_detail {
namespace {

// A grade letter at `object[key]`: "wrong_type" when not a string, "unknown_grade" when not one of
// the 13 letters (case-sensitive, so "b+" is refused rather than guessed).
std::optional<int> letter(Reader& r, const Json& object, const std::string& p, const char* key, bool required) {
  const Json* v = r.member(object, p, key, required);
  if (v == nullptr || r.failed()) return std::nullopt;
  const std::string where = p + "/" + key;
  if (!v->is_string()) {
    r.fail("wrong_type", where, std::string("\"") + key + "\" must be a grade letter such as \"B+\"");
    return std::nullopt;
  }
  const auto rank = parse_grade(v->get_ref<const std::string&>());
  if (!rank) r.fail("unknown_grade", where, "not a grade letter: F, D-, D, D+, C-, C, C+, B-, B, B+, A-, A or A+");
  return rank;
}

// "weight": exactly the JSON integer 1, 2 or 3. A string "2" or 2.5 is refused with the same code
// as 4: the weight is a count of thirds of a letter, and nothing else has a meaning.
int weight(Reader& r, const Json& criterion, const std::string& p) {
  const Json* v = r.member(criterion, p, "weight", true);
  if (v == nullptr || r.failed()) return 1;
  // Unsigned values above 2^63 wrap to negatives here, which the range check refuses too.
  const bool ok = v->is_number_integer() && v->get<std::int64_t>() >= 1 && v->get<std::int64_t>() <= 3;
  if (!ok) {
    r.fail("grade_weight", p + "/weight", "a criterion's weight is the integer 1, 2 or 3 (thirds of a letter)");
    return 1;
  }
  return static_cast<int>(v->get<std::int64_t>());
}

// The declared field names, hashed: criteria look names up one by one, and a model may declare
// many fields.
using FieldNames = std::unordered_set<std::string_view>;

bool declared(const FieldNames& fields, const std::string& name) { return fields.count(name) != 0; }

// The fields whose absence makes the criterion unknown: its "fields", or the variables `when` reads.
std::vector<std::string> criterion_fields(Reader& r, const Json& j, const std::string& p, const Logic& when,
                                          const FieldNames& fields) {
  std::vector<std::string> out;
  const Json* given = r.member(j, p, "fields", false);
  if (given == nullptr) {
    // Without a list the variables are the fields; a computed variable name cannot be listed.
    if (when.has_dynamic_variables()) {
      r.fail("grading_fields_required", p + "/fields",
             "the condition reads a variable whose name is computed; list the fields it needs in \"fields\"");
      return out;
    }
    std::unordered_set<std::string_view> listed;
    for (const auto& name : when.variables()) {
      if (!declared(fields, name)) {
        r.fail("unknown_field", p + "/when", "the condition reads \"" + name + "\", which is not a declared field");
        return out;
      }
      // A condition may read a field twice ("between"); list it once.
      if (listed.insert(name).second) out.push_back(name);
    }
    return out;
  }
  if (!r.expect_array(*given, p + "/fields", "fields")) return out;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < given->size() && !r.failed(); ++i) {
    const std::string fp = p + "/fields/" + std::to_string(i);
    const Json& name = (*given)[i];
    if (!name.is_string()) r.fail("wrong_type", fp, "a field name must be a string");
    else if (!declared(fields, name.get_ref<const std::string&>())) r.fail("unknown_field", fp, "not a declared field");
    else if (!seen.insert(name.get<std::string>()).second) r.fail("duplicate_id", fp, "this field is listed twice");
    else out.push_back(name.get<std::string>());
  }
  return out;
}

void read_criteria(Reader& r, const Json& section, const std::vector<FieldSpec>& fields, const Limits& limits,
                   LogicEdition edition,
                   Grading& g) {
  const Json* criteria = r.member(section, "/grading", "criteria", true);
  if (criteria == nullptr || !r.expect_array(*criteria, "/grading/criteria", "criteria")) return;
  std::set<std::string> seen;
  std::vector<std::string> names;  // the lead's slot names: criteria read the scored lead's slots
  for (const auto& f : fields) names.push_back(f.name);
  const FieldNames declared_names(names.begin(), names.end());
  const SlotNames slots(names);  // indexed once: each criterion's variables and fields are looked up
  for (std::size_t i = 0; i < criteria->size() && !r.failed(); ++i) {
    const std::string p = "/grading/criteria/" + std::to_string(i);
    const Json& j = (*criteria)[i];
    if (!r.expect_object(j, p, "a criterion")) return;
    r.only_keys(j, p, {"id", "label", "weight", "when", "fields", "description"});
    GradeCriterion c;
    c.id = r.unique_id(j, p, "id", "criterion", seen);
    c.label = r.label_or_id(j, p, c.id);
    c.weight = weight(r, j, p);
    const Json* when = r.member(j, p, "when", true);
    if (r.failed() || when == nullptr) return;
    auto compiled = Logic::compile(*when, p + "/when", limits, slots, edition);
    if (!compiled) {
      r.fail(compiled.error().code, compiled.error().path, compiled.error().message);
      return;
    }
    c.when = std::move(compiled.value());
    c.fields = criterion_fields(r, j, p, c.when, declared_names);
    for (const std::string& name : c.fields) c.field_slots.push_back(static_cast<std::size_t>(slots.find(name)));
    g.criteria.push_back(std::move(c));
  }
}

void read_bands(Reader& r, const Json& section, Grading& g) {
  const Json* bands = r.member(section, "/grading", "bands", true);
  if (bands == nullptr || !r.expect_array(*bands, "/grading/bands", "bands")) return;
  if (bands->empty()) r.fail("empty_value", "/grading/bands", "fit_bands grading needs at least one band");
  for (std::size_t i = 0; i < bands->size() && !r.failed(); ++i) {
    const std::string p = "/grading/bands/" + std::to_string(i);
    const Json& j = (*bands)[i];
    if (!r.expect_object(j, p, "a grade band")) return;
    r.only_keys(j, p, {"grade", "from"});
    FitGradeBand band;
    band.rank = letter(r, j, p, "grade", true).value_or(kGradeD);
    band.from = r.points(j, p, "from", true).value_or(0);
    if (r.failed()) return;
    // Listed from the best grade down, so "the first band at or below the fit points" is the grade.
    if (!g.bands.empty() && band.from >= g.bands.back().from)
      r.fail("grade_band_order", p + "/from", "bands must be listed with strictly decreasing \"from\"");
    else if (!g.bands.empty() && band.rank >= g.bands.back().rank)
      r.fail("grade_band_order", p + "/grade", "bands must be listed from the best grade down (strictly decreasing)");
    g.bands.push_back(band);
  }
}

}  // namespace

std::optional<Grading> read_grading(Reader& r, const Json& section, const std::vector<FieldSpec>& fields,
                                    const Limits& limits, LogicEdition edition) {
  if (!r.expect_object(section, "/grading", "grading")) return std::nullopt;
  Grading g;
  const std::string method = r.string(section, "/grading", "method", false);
  if (method == "fit_bands") g.method = Grading::Method::FitBands;
  else if (!method.empty() && method != "criteria")
    r.fail("wrong_value", "/grading/method", "\"method\" is \"criteria\" or \"fit_bands\"");
  // Each method has its own keys; a key of the other method is a mistake worth reporting.
  if (g.method == Grading::Method::Criteria) {
    r.only_keys(section, "/grading", {"method", "start", "criteria", "description"});
    g.start = letter(r, section, "/grading", "start", false).value_or(kGradeD);
    read_criteria(r, section, fields, limits, edition, g);
  } else {
    r.only_keys(section, "/grading", {"method", "bands", "description"});
    read_bands(r, section, g);
  }
  if (r.failed()) return std::nullopt;
  return g;
}

}  // namespace leadscore::model_detail
