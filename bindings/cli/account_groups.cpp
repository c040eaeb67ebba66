// See account_groups.h.
#include "account_groups.h"

#include "leadscore/account.h"

namespace leadscore::cli {

std::string AccountGroups::company_id(const Json& lead) const { return account_id_of(lead, by_); }

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
  collect_account_fields(spec_, contact["lead"], group.fields);
  group.contacts.push_back(std::move(contact));
}

void AccountGroups::error(std::size_t line, Error error) {
  OutputItem item;
  item.line = line;
  item.error = std::move(error);
  items_.push_back(std::move(item));
}

}  // namespace leadscore::cli
