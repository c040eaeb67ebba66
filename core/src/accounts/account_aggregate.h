// The contact part of an account score: the contacts' scores combined by the model's aggregation
// (docs/accounts.md, "Aggregation"). Integer arithmetic only. Internal to the core.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "leadscore/json.h"
#include "leadscore/model.h"

namespace leadscore {

/// One contact that scored: its index in the account's "contacts", score, band id and the lead's
/// own id ("id", else "lead_id"; null when it has neither).
struct ContactScore {
  std::size_t index = 0;
  std::int64_t score = 0;
  std::string band;
  Json lead_id;
};

struct ContactPart {
  std::int64_t points = 0;  ///< 0 when no contact scored
  Json aggregation;         ///< {"method", "contacts_used", "points", ...} (docs/accounts.md)
  Json top;                 ///< the contributing contacts, best first
};

/// Combines the scores. Reorders `scored` (best first, ties by lower index).
ContactPart aggregate_contacts(const AccountSpec& spec, std::vector<ContactScore>& scored);

}  // namespace leadscore
