// The comparisons and `in` on evaluated operands, and what each costs in units of work
// (logic_work.h). Shared by the evaluator (logic_eval.cpp) and the predicates over slots
// (logic_predicate.cpp), so both count the same work for the same operands.
#include <algorithm>

#include "logic/js_value.h"
#include "logic/logic_node.h"
#include "logic/logic_work.h"

namespace leadscore::logic_detail {
namespace {

bool js_falsy_plain(const Json& v) {  // JavaScript's `!v` (no JsonLogic rule for empty arrays)
  return !(v.is_array() || js::truthy(v));
}

const std::string& text(const Json& v) { return v.get_ref<const std::string&>(); }

// == and === of two strings compare their bytes only when the lengths agree.
std::uint64_t equal_strings_units(const Json& a, const Json& b) {
  return text(a).size() == text(b).size() ? text_units(text(a).size()) : 0;
}

// What == costs: strings of one kind compared, else each operand converted (ToPrimitive,
// ToNumber) at most once.
std::uint64_t loose_units(const Json& a, const Json& b, std::uint64_t stop_after) {
  if (a.is_string() && b.is_string()) return equal_strings_units(a, b);
  if (a.type() == b.type()) return 0;
  return conversion_units(a, stop_after) + conversion_units(b, stop_after);
}

// What <, <=, >, >= cost: two strings compare up to the shorter; otherwise each operand is
// converted once.
std::uint64_t order_units(const Json& a, const Json& b, std::uint64_t stop_after) {
  if (a.is_number() && b.is_number()) return 0;
  if (a.is_string() && b.is_string()) return text_units(std::min(text(a).size(), text(b).size()));
  return conversion_units(a, stop_after) + conversion_units(b, stop_after);
}

}  // namespace

bool is_comparison(Op op) {
  switch (op) {
    case Op::Eq:
    case Op::Ne:
    case Op::StrictEq:
    case Op::StrictNe:
    case Op::Gt:
    case Op::Ge:
    case Op::Lt:
    case Op::Le:
    case Op::In: return true;
    default: return false;
  }
}

std::uint64_t comparison_units(Op op, const Json& a, const Json& b, const Json& c, std::uint64_t stop_after) {
  switch (op) {
    case Op::Eq:
    case Op::Ne: return loose_units(a, b, stop_after);
    case Op::StrictEq:
    case Op::StrictNe: return a.is_string() && b.is_string() ? equal_strings_units(a, b) : 0;
    case Op::Gt:
    case Op::Ge: return order_units(a, b, stop_after);
    case Op::Lt:
    case Op::Le:
      return order_units(a, b, stop_after) + (js::is_undefined(c) ? 0 : order_units(b, c, stop_after));
    case Op::In: {
      if (js_falsy_plain(b)) return 0;
      // A substring search: the needle made text once, the text scanned once (contains_text).
      if (b.is_string()) return conversion_units(a, stop_after) + text_units(text(b).size());
      if (!b.is_array()) return 0;
      // One unit an element looked at, and the bytes of each string as long as the needle.
      std::uint64_t units = b.size();
      if (a.is_string() && text_units(text(a).size()) > 0) {
        for (const Json& e : b)
          if (e.is_string() && text(e).size() == text(a).size()) units += text_units(text(a).size());
      }
      return units;
    }
    default: return 0;
  }
}

bool comparison(Op op, const Json& a, const Json& b, const Json& c) {
  switch (op) {
    case Op::Eq: return js::loose_equals(a, b);
    case Op::Ne: return !js::loose_equals(a, b);
    case Op::StrictEq: return js::strict_equals(a, b);
    case Op::StrictNe: return !js::strict_equals(a, b);
    case Op::Gt: return js::compare(a, b) == js::Order::Greater;
    case Op::Ge: {
      const js::Order o = js::compare(a, b);
      return o == js::Order::Greater || o == js::Order::Equal;
    }
    case Op::Lt:
    case Op::Le: {
      auto holds = [op](const Json& x, const Json& y) {
        const js::Order o = js::compare(x, y);
        return o == js::Order::Less || (op == Op::Le && o == js::Order::Equal);
      };
      if (js::is_undefined(c)) return holds(a, b);
      return holds(a, b) && holds(b, c);
    }
    case Op::In:
      if (js_falsy_plain(b)) return false;
      if (b.is_string()) {
        if (a.is_string()) return contains_text(text(b), text(a));
        return contains_text(text(b), js::to_string(a));
      }
      if (b.is_array()) {
        for (const auto& e : b)
          if (js::strict_equals(e, a)) return true;
      }
      return false;
    default: return false;
  }
}

}  // namespace leadscore::logic_detail
