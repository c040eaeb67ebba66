#include "checks/idna.h"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "checks/idna_disallowed_data.h"

namespace leadscore::checks {
namespace {

using Range = std::pair<std::uint32_t, std::uint32_t>;

// The varint table decoded once (about 6 KB), searched by binary search for each code point.
const std::vector<Range>& ranges() {
  static const std::vector<Range> decoded = [] {
    std::vector<Range> out;
    out.reserve(idna_data::kRangeCount);
    std::size_t at = 0;
    auto next = [&] {
      std::uint32_t value = 0;
      for (int shift = 0;; shift += 7) {
        const unsigned char byte = idna_data::kDisallowed[at++];
        value |= static_cast<std::uint32_t>(byte & 0x7F) << shift;
        if (!(byte & 0x80)) return value;
      }
    };
    std::uint32_t start = 0;
    while (at < sizeof idna_data::kDisallowed) {
      const std::uint32_t lo = start + next();
      const std::uint32_t hi = lo + next();
      out.emplace_back(lo, hi);
      start = hi + 1;
    }
    return out;
  }();
  return decoded;
}

}  // namespace

bool idna_disallowed(char32_t cp) {
  const auto& r = ranges();
  // The first range whose end is not below cp.
  const auto it = std::lower_bound(r.begin(), r.end(), static_cast<std::uint32_t>(cp),
                                   [](const Range& range, std::uint32_t c) { return range.second < c; });
  return it != r.end() && it->first <= cp;
}

}  // namespace leadscore::checks
