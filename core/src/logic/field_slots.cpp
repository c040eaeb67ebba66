// A lead's declared fields by position (leadscore/logic.h): what scoring fills once per lead and
// every rule, criterion and completeness check reads.
#include "leadscore/logic.h"

namespace leadscore {

void FieldSlots::reset(const std::vector<std::string>* names) {
  names_ = names;
  const std::size_t n = names == nullptr ? 0 : names->size();
  // Values stay (their strings keep their capacity for the next lead); presence is cleared.
  if (values_.size() != n) values_.resize(n);
  present_.assign(n, 0);
  if (object_built_) {
    object_ = Json::object();
    object_built_ = false;
  }
}

Json& FieldSlots::fill(std::size_t i) {
  present_[i] = 1;
  return values_[i];
}

const Json* FieldSlots::find(std::string_view name) const {
  for (std::size_t i = 0; i < present_.size(); ++i)
    if (present_[i] != 0 && (*names_)[i] == name) return &values_[i];
  return nullptr;
}

const Json& FieldSlots::object() const {
  if (!object_built_) {
    for (std::size_t i = 0; i < present_.size(); ++i)
      if (present_[i] != 0) object_[(*names_)[i]] = values_[i];
    object_built_ = true;
  }
  return object_;
}

}  // namespace leadscore
