// A lead's declared fields by position (leadscore/logic.h): what scoring fills once per lead and
// every rule, criterion and completeness check reads.
#include "leadscore/logic.h"

#include <algorithm>

namespace leadscore {

SlotNames::SlotNames(const std::vector<std::string>& names) : names_(names) {
  by_name_.resize(names_.size());
  for (std::size_t i = 0; i < names_.size(); ++i) by_name_[i] = static_cast<std::uint32_t>(i);
  // Of equal names the first slot comes first, as a walk would find it.
  std::sort(by_name_.begin(), by_name_.end(), [this](std::uint32_t a, std::uint32_t b) {
    const int order = names_[a].compare(names_[b]);
    return order < 0 || (order == 0 && a < b);
  });
}

int SlotNames::find(std::string_view name) const {
  const auto it = std::lower_bound(by_name_.begin(), by_name_.end(), name,
                                   [this](std::uint32_t slot, std::string_view n) { return names_[slot] < n; });
  return it != by_name_.end() && names_[*it] == name ? static_cast<int>(*it) : -1;
}

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
