// Grouping the records of `leadscore accounts` by company id, in memory: accounts and error lines
// keep the order in which they first appear, and every input record ends up in exactly one of them
// (an account's lines or an error line).
#pragma once
#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "leadscore/error.h"
#include "leadscore/json.h"
#include "leadscore/model.h"

namespace leadscore::cli {

struct AccountGroup {
  std::string id;
  Json contacts = Json::array();        ///< {"lead", "events"?} per contact; emptied past the bound
  std::vector<std::size_t> lines;       ///< the input line of each contact, in contact order
  Json fields = Json::object();         ///< each account field: its first non-blank contact value (collect_account_fields)
  bool too_many = false;                ///< more contacts than max_contacts (leads no longer kept)
};

/// One output line, in order of first appearance: an account, or an error record.
struct OutputItem {
  std::size_t line = 0;      ///< the error record's line (errors only)
  Error error;               ///< set for an error line
  std::size_t account = 0;   ///< index into AccountGroups::accounts() (accounts only)
  bool is_account() const { return error.code.empty(); }
};

class AccountGroups {
 public:
  /// `by`: the contact field holding the company id; `spec`: the model's account section.
  AccountGroups(std::string by, const AccountSpec& spec) : by_(std::move(by)), spec_(spec) {}

  /// The company id of a lead: its `by` value, a non-empty string (trimmed) or a number
  /// (as JSON text); "" when it has none.
  std::string company_id(const Json& lead) const;
  /// The error line of a lead without a company id.
  Error company_id_missing() const;

  /// Adds a contact (`contact` is {"lead", "events"?}) to the account `id` (non-empty).
  void add(const std::string& id, std::size_t line, Json contact);
  /// Records an error line.
  void error(std::size_t line, Error error);

  const std::vector<OutputItem>& items() const { return items_; }
  std::vector<AccountGroup>& accounts() { return accounts_; }

 private:
  std::string by_;
  const AccountSpec& spec_;
  std::vector<AccountGroup> accounts_;
  std::vector<OutputItem> items_;
  std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace leadscore::cli
