// The built-in data pack for the suites that test the domain checks' lookups directly.
#pragma once
#include "checks/public_suffix.h"
#include "data/data_pack.h"
#include "leadscore/data.h"

namespace test_support {

inline const leadscore::DataPack& pack() {
  static const auto built_in = leadscore::built_in_data();
  return *built_in;
}
inline const leadscore::checks::SuffixTable& psl() { return pack().public_suffixes(); }

}  // namespace test_support
