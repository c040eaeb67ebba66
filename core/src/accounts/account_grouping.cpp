// account_id_of() and collect_account_fields() (leadscore/account.h): the rules of building
// accounts from rows of contacts, kept here so the CLI (bindings/cli/account_groups.cpp) only
// groups and writes.
#include "leadscore/account.h"
#include "leadscore/model.h"

namespace leadscore {

namespace {

std::string_view trimmed(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

bool blank_value(const Json& v) {
  return v.is_null() || (v.is_string() && trimmed(v.get_ref<const std::string&>()).empty());
}

}  // namespace

std::string account_id_of(const Json& lead, std::string_view by) {
  if (!lead.is_object()) return "";
  const auto it = lead.find(std::string(by));
  if (it == lead.end()) return "";
  if (it->is_string()) return std::string(trimmed(it->get_ref<const std::string&>()));
  if (it->is_number()) return dump_json(*it);
  return "";
}

void collect_account_fields(const AccountSpec& spec, const Json& lead, Json& fields) {
  if (!lead.is_object()) return;
  for (const FieldSpec& f : spec.fields) {
    const auto v = lead.find(f.name);
    if (v != lead.end() && !blank_value(*v) && !fields.contains(f.name)) fields[f.name] = *v;
  }
}

}  // namespace leadscore
