// Interim bodies, replaced by the verification implementation.
#include "leadscore/verify.h"

namespace leadscore {
Expected<Json> make_submission(const Model&, const Json&, const ScoreOptions&) {
  return Error{"not_implemented", "", "submissions are not implemented yet"};
}
Expected<Json> verify(const Model&, const Json&) {
  return Error{"not_implemented", "", "verification is not implemented yet"};
}
}  // namespace leadscore
