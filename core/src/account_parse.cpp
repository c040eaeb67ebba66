// Interim body, replaced by the account implementation.
#include "account_parse.h"

namespace leadscore::model_detail {
std::optional<AccountSpec> read_account(Reader& r, const Json&, const Limits&) {
  r.fail("not_implemented", "/account", "accounts are not implemented yet");
  return std::nullopt;
}
}  // namespace leadscore::model_detail
