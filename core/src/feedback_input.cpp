// Interim body, replaced by the feedback implementation.
#include "feedback_input.h"

namespace leadscore {
Expected<FeedbackInput> read_feedback_input(const Json&, const std::optional<FeedbackSpec>&, Millis, Json&) {
  return Error{"feedback_invalid", "/feedback", "feedback is not implemented yet"};
}
namespace model_detail {
std::optional<FeedbackSpec> read_feedback_section(Reader& r, const Json&) {
  r.fail("not_implemented", "/feedback", "feedback is not implemented yet");
  return std::nullopt;
}
}  // namespace model_detail
}  // namespace leadscore
