// See account_aggregate.h.
#include "accounts/account_aggregate.h"

#include <algorithm>

namespace leadscore {
namespace {

// With "sum" every contact counts; the result lists this many of the best so it stays small.
constexpr std::size_t kSumListed = 10;

Json top_entry(const ContactScore& c) {
  Json e = Json::object({{"index", c.index}, {"score", c.score}, {"band", c.band}});
  if (!c.lead_id.is_null()) e["lead_id"] = c.lead_id;
  return e;
}

}  // namespace

ContactPart aggregate_contacts(const AccountSpec& spec, std::vector<ContactScore>& scored) {
  // Best first; equal scores keep contact order, so the list is the same in every runtime.
  std::stable_sort(scored.begin(), scored.end(),
                   [](const ContactScore& a, const ContactScore& b) { return a.score > b.score; });
  const std::size_t n = scored.size();
  ContactPart part;
  std::size_t used = 0, listed = 0;
  switch (spec.aggregation) {
    case AccountSpec::Aggregation::Max:
      used = listed = n == 0 ? 0 : 1;
      part.points = n == 0 ? 0 : scored.front().score;
      part.aggregation = {{"method", "max"}};
      break;
    case AccountSpec::Aggregation::Sum: {
      std::int64_t sum = 0;
      for (const auto& c : scored) sum += c.score;  // at most 100,000 x 100: no overflow
      used = n;
      listed = std::min(n, kSumListed);
      part.points = std::min<std::int64_t>(sum, spec.cap);
      part.aggregation = {{"method", "sum"}, {"sum", sum}, {"cap", spec.cap}};
      break;
    }
    case AccountSpec::Aggregation::TopNMean: {
      // Fewer contacts than n: the mean of those there are (an absent contact is not a zero).
      used = listed = std::min(n, spec.top_n);
      std::int64_t sum = 0;
      for (std::size_t i = 0; i < used; ++i) sum += scored[i].score;
      const auto k = static_cast<std::int64_t>(used);
      // Round half up; sum and k are not negative, so integer division is the floor.
      part.points = k == 0 ? 0 : (2 * sum + k) / (2 * k);
      part.aggregation = {{"method", "top_n_mean"}, {"top_n", spec.top_n}, {"sum", sum}};
      break;
    }
  }
  part.aggregation["contacts_used"] = used;
  part.aggregation["points"] = part.points;
  part.top = Json::array();
  for (std::size_t i = 0; i < listed; ++i) part.top.push_back(top_entry(scored[i]));
  return part;
}

}  // namespace leadscore
