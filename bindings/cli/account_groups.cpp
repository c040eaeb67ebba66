// See account_groups.h.
#include "account_groups.h"

namespace leadscore::cli {
namespace {

std::string trim(const std::string& s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  std::size_t b = 0, e = s.size();
  while (b < e && blank(s[b])) ++b;
  while (e > b && blank(s[e - 1])) --e;
  return s.substr(b, e - b);
}

bool blank_value(const Json& v) { return v.is_null() || (v.is_string() && trim(v.get_ref<const std::string&>()).empty()); }

}  // namespace

std::string AccountGroups::company_id(const Json& lead) const {
  if (!lead.is_object()) return "";
  const auto it = lead.find(by_);
  if (it == lead.end()) return "";
  if (it->is_string()) return trim(it->get_ref<const std::string&>());
  if (it->is_number()) return dump_json(*it);
  return "";
}

Error AccountGroups::company_id_missing() const {
  return {"account_id_missing", "/" + pointer_token(by_),
          "The record has no company id in \"" + by_ + "\" (a non-empty string or a number), so it belongs to no account."};
}

void AccountGroups::add(const std::string& id, std::size_t line, Json contact) {
  auto [it, inserted] = index_.emplace(id, accounts_.size());
  if (inserted) {
    accounts_.emplace_back();
    accounts_.back().id = id;
    OutputItem item;
    item.account = it->second;
    items_.push_back(std::move(item));
  }
  AccountGroup& group = accounts_[it->second];
  group.lines.push_back(line);
  if (group.too_many) return;
  if (group.lines.size() > spec_.max_contacts) {
    // The account will be an error line: its leads are no longer needed, only its lines.
    group.too_many = true;
    group.contacts = Json::array();
    return;
  }
  const Json& lead = contact["lead"];
  for (const FieldSpec& f : spec_.fields) {
    const auto v = lead.find(f.name);
    if (v != lead.end() && !blank_value(*v) && !group.fields.contains(f.name)) group.fields[f.name] = *v;
  }
  group.contacts.push_back(std::move(contact));
}

void AccountGroups::error(std::size_t line, Error error) {
  OutputItem item;
  item.line = line;
  item.error = std::move(error);
  items_.push_back(std::move(item));
}

}  // namespace leadscore::cli
