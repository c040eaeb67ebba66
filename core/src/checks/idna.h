// The code points IDNA forbids in a domain name (UTS-46 disallowed or deleted; table generated
// from ICU by core/data/idna-disallowed.mjs). docs/checks/email.md, "IDNA".
#pragma once

namespace leadscore::checks {

/// Whether `cp` (U+0080 and above) may not appear in an internationalized domain label: U+FFFC,
/// U+FFFD, unassigned code points, symbols and punctuation that UTS-46 disallows, the variation
/// selectors it deletes. Planes 4..13 are not in the table (email_syntax.cpp refuses them).
bool idna_disallowed(char32_t cp);

}  // namespace leadscore::checks
