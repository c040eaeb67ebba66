// See account_fields.h.
#include "accounts/account_fields.h"

namespace leadscore::model_detail {
namespace {

// The smallest valid model around a field list: one group, no rules, one band.
Json fields_only_model(Json fields) {
  Json doc = Json::object();
  doc["format_version"] = 1;
  doc["id"] = "account-fields";
  doc["version"] = "1";
  doc["fields"] = std::move(fields);
  doc["groups"] = Json::array({Json::object({{"id", "account"}})});
  doc["rules"] = Json::array();
  doc["scale"] = Json::object({{"min", 0}, {"max", 100}});
  doc["bands"] = Json::array({Json::object({{"id", "all"}, {"action", "none"}, {"from", 0}, {"to", 100}})});
  return doc;
}

// A parsed field back in model-file form (the round trip is exact: these are the keys it reads).
Json field_json(const FieldSpec& f) {
  Json j = Json::object({{"name", f.name}, {"type", field_type_name(f.type)}, {"label", f.label}});
  if (f.required) j["required"] = true;
  if (f.type == FieldType::Enum) j["values"] = f.values;
  return j;
}

}  // namespace

std::vector<FieldSpec> read_account_fields(Reader& r, const Json& fields, const std::string& pointer,
                                           const Limits& limits) {
  if (r.failed() || !r.expect_array(fields, pointer, "fields")) return {};
  auto model = Model::from_json(fields_only_model(fields), limits);
  if (!model) {
    // The inner document's pointers start at /fields: re-root them at the account section.
    const std::string& path = model.error().path;
    const std::string inner = path.rfind("/fields", 0) == 0 ? path.substr(7) : std::string();
    r.fail(model.error().code, pointer + inner, model.error().message);
    return {};
  }
  return model.value().fields();
}

NormalizedLead normalize_account_fields(const std::vector<FieldSpec>& fields, const Json& values,
                                        std::int64_t today, const Limits& limits) {
  Json specs = Json::array();
  for (const FieldSpec& f : fields) specs.push_back(field_json(f));
  auto model = Model::from_json(fields_only_model(std::move(specs)), limits);
  NormalizedLead out;
  if (!model) return out;  // unreachable: these fields were parsed from the same format
  out = normalize_lead(model.value(), values, today);
  for (Json& w : out.warnings) w["path"] = "/fields" + w["path"].get<std::string>();
  return out;
}

}  // namespace leadscore::model_detail
