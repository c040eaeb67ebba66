// See verify_compare.h. Object keys are walked as the union of both sides in sorted order, which
// is the order nlohmann::json (std::map) keeps them in and the order dump_json() writes them, so
// "the first difference" is the same in every runtime and matches what a reader of the result text
// meets first.
#include "score/verify_compare.h"

namespace leadscore {
namespace {

std::optional<Difference> walk(const Json& expected, const Json& received, const std::string& pointer) {
  if (expected.is_object() && received.is_object()) {
    auto e = expected.begin();
    auto r = received.begin();
    while (e != expected.end() || r != received.end()) {
      // A key only on one side is the difference; which side comes first follows the key order.
      if (r == received.end() || (e != expected.end() && e.key() < r.key()))
        return Difference{pointer + "/" + pointer_token(e.key()), &*e, nullptr};
      if (e == expected.end() || r.key() < e.key())
        return Difference{pointer + "/" + pointer_token(r.key()), nullptr, &*r};
      if (auto d = walk(*e, *r, pointer + "/" + pointer_token(e.key()))) return d;
      ++e;
      ++r;
    }
    return std::nullopt;
  }
  if (expected.is_array() && received.is_array()) {
    const std::size_t common = std::min(expected.size(), received.size());
    for (std::size_t i = 0; i < common; ++i)
      if (auto d = walk(expected[i], received[i], pointer + "/" + std::to_string(i))) return d;
    if (expected.size() > common) return Difference{pointer + "/" + std::to_string(common), &expected[common], nullptr};
    if (received.size() > common) return Difference{pointer + "/" + std::to_string(common), nullptr, &received[common]};
    return std::nullopt;
  }
  // Different kinds (an object against an array or a scalar...) differ here, as a whole.
  if (expected.is_structured() || received.is_structured()) return Difference{pointer, &expected, &received};
  // Scalars by canonical text: numbers as JSON values (30 == 30.0) without the int/double
  // conversions of operator== (2^53 + 1 must not equal 2^53), strings and literals exactly.
  if (expected.type() == received.type() && !expected.is_number()) {
    if (expected == received) return std::nullopt;
  } else if (dump_json(expected) == dump_json(received)) {
    return std::nullopt;
  }
  return Difference{pointer, &expected, &received};
}

}  // namespace

std::optional<Difference> first_difference(const Json& expected, const Json& received) {
  return walk(expected, received, "");
}

}  // namespace leadscore
