// See leadscore/work_budget.h. Out of line: the messages are built only when a budget runs out.
#include "leadscore/work_budget.h"

namespace leadscore {

void WorkBudget::locate(std::string path, std::string detail) {
  if (located_) return;
  located_ = true;
  path_ = std::move(path);
  detail_ = std::move(detail);
}

Error WorkBudget::error() const {
  std::string message = std::string(what_) + " needed more than " + std::to_string(limit_) +
                        " units of work (Limits::max_lead_work, docs/limits.md)";
  if (!detail_.empty()) message += "; it ran out " + detail_;
  return Error{code_, path_, message};
}

}  // namespace leadscore
