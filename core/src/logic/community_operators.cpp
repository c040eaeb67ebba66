// The community edition's operators on evaluated operands (community_evaluator.h): arithmetic
// that raises NaN instead of answering it, min/max of numbers only, comparisons that raise on
// text that is no number, rounding, the string operators and length. Operators whose meaning is
// the classic one (merge, cat, substr, in, missing, missing_some, log) are the classic code.
// Each pays for the text and elements it reads or builds, as the classic operators do.
#include <cmath>
#include <limits>
#include <string>
#include <string_view>

#include "checks/unicode_case.h"
#include "checks/utf8.h"
#include "logic/community_evaluator.h"
#include "logic/js_value.h"
#include "logic/logic_work.h"

namespace leadscore::logic_detail {
namespace {

const Json& at(const ValList& v, std::size_t i) {
  static const Json kUndefined = js::undefined();
  return i < v.size() ? v[i].get() : kUndefined;
}

bool is_text_or_null(const Json& v) { return v.is_string() || v.is_null(); }

// JavaScript's `!v` for a raw operand (the divisor test): false, 0, NaN, "" and null.
bool js_falsy(const Json& v) { return !v.is_array() && !v.is_object() && !js::truthy(v); }

}  // namespace

bool CommunityEvaluator::to_operand(const Json& value, double& out) {
  if (value.is_array() || value.is_object()) {
    raise_type("NaN");
    return false;
  }
  if (!charge(conversion_units(value, room()))) return false;
  out = js::is_undefined(value) ? 0 : js::to_number(value);
  return true;
}

Val CommunityEvaluator::arithmetic(Op op, const ValList& v) {
  const std::size_t n = v.size();
  // -, / and %: a first operand that is an array or an object is NaN before the count is checked
  // ({"%": [[1]]} raises NaN, {"%": [1]} Invalid Arguments), as json-logic-engine orders them.
  if ((op == Op::Sub || op == Op::Div || op == Op::Mod) && n > 0 && (v[0].get().is_array() || v[0].get().is_object())) {
    raise_type("NaN");
    return Val();
  }
  if ((op == Op::Sub || op == Op::Div) && n == 0) {
    raise_type("Invalid Arguments");
    return Val();
  }
  if (op == Op::Mod && n < 2) {
    raise_type("Invalid Arguments");
    return Val();
  }
  double result = 0;
  if (op == Op::Add || op == Op::Mul) {
    result = op == Op::Add ? 0 : 1;
    for (const auto& x : v) {
      double d = 0;
      if (!to_operand(x.get(), d)) return Val();
      result = op == Op::Add ? result + d : result * d;
    }
  } else if (n == 1) {  // -x and 1 / x
    double d = 0;
    if (!to_operand(v[0].get(), d)) return Val();
    if (op == Op::Div && js_falsy(v[0].get())) {
      raise_type("NaN");
      return Val();
    }
    result = op == Op::Sub ? -d : 1 / d;
  } else {
    if (!to_operand(v[0].get(), result)) return Val();
    for (std::size_t i = 1; i < n; ++i) {
      double d = 0;
      if (!to_operand(v[i].get(), d)) return Val();
      if (op == Op::Div && js_falsy(v[i].get())) {  // division by zero (or by nothing) is NaN
        raise_type("NaN");
        return Val();
      }
      if (op == Op::Sub) result = result - d;
      else if (op == Op::Div) result = result / d;
      else result = std::fmod(result, d);
    }
  }
  if (std::isnan(result) || (op == Op::Div && std::isinf(result))) {
    raise_type("NaN");
    return Val();
  }
  return Val::own(js::number_result(result));
}

Val CommunityEvaluator::min_max(Op op, const ValList& v) {
  if (v.size() == 0) {
    raise_type("Invalid Arguments");
    return Val();
  }
  double best = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const Json& x = v[i].get();
    if (!x.is_number()) {  // numbers only: no text, booleans or null
      raise_type("Invalid Arguments");
      return Val();
    }
    const double d = x.get<double>();
    if (i == 0 || (op == Op::Min ? d < best : d > best)) best = d;
  }
  return Val::own(js::number_result(best));
}

Val CommunityEvaluator::rounding(Op op, const ValList& v) {
  if (v.size() != 1) {
    raise_type("Invalid Arguments");
    return Val();
  }
  double d = 0;
  if (!to_operand(v[0].get(), d)) return Val();
  if (std::isnan(d)) {
    raise_type("NaN");
    return Val();
  }
  // Exact IEEE-754 operations (no libm transcendental): the same bits natively and in wasm.
  const double r = op == Op::Abs ? std::fabs(d) : op == Op::Ceil ? std::ceil(d) : std::floor(d);
  return Val::own(js::number_result(r));
}

Val CommunityEvaluator::text_operator(Op op, const ValList& v) {
  const std::size_t want = (op == Op::StartsWith || op == Op::EndsWith || op == Op::Split) ? 2 : 1;
  if (v.size() != want) {
    raise_type("Invalid Arguments");
    return Val();
  }
  for (const auto& x : v)
    if (!x.get().is_string()) {
      raise_type("Invalid Arguments");
      return Val();
    }
  const std::string& s = v[0].get().get_ref<const std::string&>();
  if (!charge(text_units(s.size()))) return Val();
  switch (op) {
    case Op::StartsWith:
    case Op::EndsWith: {
      const std::string& affix = v[1].get().get_ref<const std::string&>();
      if (affix.size() > s.size()) return Val::own(false);
      const std::size_t at = op == Op::StartsWith ? 0 : s.size() - affix.size();
      return Val::own(s.compare(at, affix.size(), affix) == 0);
    }
    case Op::Trim: return Val::own(std::string(js::trim_space(s)));
    case Op::Upper:
    case Op::Lower: {
      // One code point to one code point (checks/unicode_case.h: Latin, Greek, Cyrillic); the
      // same table natively and in wasm, never the C library's locale.
      std::string out;
      out.reserve(s.size());
      for (std::size_t i = 0; i < s.size();) {
        const char32_t cp = checks::next_code_point(s, i);
        checks::append_utf8(out, op == Op::Upper ? checks::to_upper(cp) : checks::to_lower(cp));
      }
      if (!check_size(out.size())) return Val();
      return Val::own(std::move(out));
    }
    case Op::Split: {
      const std::string& separator = v[1].get().get_ref<const std::string&>();
      Json out = Json::array();
      if (separator.empty()) {  // each code point
        for (std::size_t i = 0; i < s.size();) {
          const std::size_t begin = i;
          checks::next_code_point(s, i);
          if (!check_size(out.size() + 1) || !charge(1)) return Val();
          out.push_back(s.substr(begin, i - begin));
        }
        return Val::own(std::move(out));
      }
      std::size_t begin = 0;
      for (;;) {
        const std::size_t found = s.find(separator, begin);  // linear: the search resumes past each match
        if (!check_size(out.size() + 1) || !charge(1)) return Val();
        out.push_back(s.substr(begin, found == std::string::npos ? std::string::npos : found - begin));
        if (found == std::string::npos) break;
        begin = found + separator.size();
      }
      return Val::own(std::move(out));
    }
    default: break;
  }
  fail("logic_internal", "operator without an implementation");
  return Val();
}

Val CommunityEvaluator::length_of(const Json& value) {
  // Text in code points (as substr counts), arrays in elements, objects in members.
  if (value.is_string()) {
    const std::string& s = value.get_ref<const std::string&>();
    if (!charge(text_units(s.size()))) return Val();
    return Val::own(Json(code_point_count(s)));
  }
  if (value.is_array() || value.is_object()) return Val::own(Json(value.size()));
  raise_type("Invalid Arguments");
  return Val();
}

bool CommunityEvaluator::compare_pair(Op op, const Json& a, const Json& b, bool& answer) {
  if (op == Op::StrictEq || op == Op::StrictNe) {
    if (!charge(comparison_units(Op::StrictEq, a, b, js::undefined(), room()))) return false;
    answer = js::strict_equals(a, b) == (op == Op::StrictEq);
    return true;
  }
  if (is_text_or_null(a) && is_text_or_null(b)) {  // text with text (or null): as JavaScript does
    if (!charge(comparison_units(op, a, b, js::undefined(), room()))) return false;
    answer = comparison(op, a, b, js::undefined());
    return true;
  }
  // Otherwise both are compared as numbers, and one that is no number raises NaN (except a
  // null first operand, which compares false).
  double x = 0, y = 0;
  if (!to_operand(a, x) || !to_operand(b, y)) return false;
  if (std::isnan(x) || (std::isnan(y) && !a.is_null())) {
    raise_type("NaN");
    return false;
  }
  switch (op) {
    case Op::Eq: answer = x == y; break;
    case Op::Ne: answer = x != y; break;
    case Op::Gt: answer = x > y; break;
    case Op::Ge: answer = x >= y; break;
    case Op::Lt: answer = x < y; break;
    case Op::Le: answer = x <= y; break;
    default: answer = false; break;
  }
  return true;
}

Val CommunityEvaluator::apply_community(Op op, const ValList& v, const Json& data) {
  switch (op) {
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div:
    case Op::Mod: return arithmetic(op, v);
    case Op::Min:
    case Op::Max: return min_max(op, v);
    case Op::Abs:
    case Op::Ceil:
    case Op::Floor: return rounding(op, v);
    case Op::StartsWith:
    case Op::EndsWith:
    case Op::Trim:
    case Op::Upper:
    case Op::Lower:
    case Op::Split: return text_operator(op, v);
    case Op::Val: return val_or_exists(v, data, false);
    case Op::Exists: return val_or_exists(v, data, true);
    case Op::In: {
      // `in` a string or an array; anything else as the place to look answers false.
      const Json& place = at(v, 1);
      if (!place.is_string() && !place.is_array()) return Val::own(false);
      return apply_operator(op, v, data);
    }
    default: return apply_operator(op, v, data);  // merge, cat, substr, missing, missing_some, log
  }
}

}  // namespace leadscore::logic_detail
