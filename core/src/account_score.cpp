// Interim body, replaced by the account implementation.
#include "leadscore/account.h"
#include "leadscore/model.h"

namespace leadscore {
Expected<Json> score_account(const Model&, const Json&, const AccountOptions&) {
  return Error{"not_implemented", "", "accounts are not implemented yet"};
}
}  // namespace leadscore
