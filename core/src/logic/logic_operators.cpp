// The JsonLogic operators on evaluated operands (json-logic-js 2.0 semantics), each paying for the
// text and elements it copies, converts or scans before doing it (logic_work.h), so its time and
// the values it builds stay within the evaluation's units of work.
#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>

#include "logic/logic_evaluator.h"
#include "logic/logic_work.h"

namespace leadscore::logic_detail {
namespace {

const Json& undefined_value() {
  static const Json kUndefined = js::undefined();
  return kUndefined;
}

const Json& at(const ValList& v, std::size_t i) { return i < v.size() ? v[i].get() : undefined_value(); }

bool is_canonical_index(std::string_view s, std::size_t& index) {
  if (s.empty() || s.size() > 15 || (s.size() > 1 && s[0] == '0')) return false;
  index = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
    index = index * 10 + static_cast<std::size_t>(c - '0');
  }
  return true;
}

// The keys `missing` looks at: its first operand when that is an array, else all operands.
std::vector<const Json*> missing_keys(const std::vector<const Json*>& operands) {
  if (!operands.empty() && operands[0]->is_array()) {
    std::vector<const Json*> keys;
    for (const auto& k : *operands[0]) keys.push_back(&k);
    return keys;
  }
  return operands;
}

// JavaScript's substr window over `size` code points: the first one taken and how many.
void substr_window(double size, const Json& start, const Json* length, double& from, double& count) {
  from = js::to_number(start);
  if (std::isnan(from)) from = 0;
  from = std::trunc(from);
  from = from < 0 ? std::max(size + from, 0.0) : std::min(from, size);
  count = size - from;
  if (length != nullptr) {
    double l = js::to_number(*length);
    if (std::isnan(l)) l = 0;
    count = std::min(std::max(std::trunc(l), 0.0), size - from);
  }
}

// Code points [from, from + count) of `s`, located in one pass each.
std::string code_points(std::string_view s, double from, double count) {
  const std::size_t b = code_point_offset(s, static_cast<std::size_t>(from));
  const std::size_t e = b + code_point_offset(s.substr(b), static_cast<std::size_t>(count));
  return std::string(s.substr(b, e - b));
}

}  // namespace

Val Evaluator::var(const Json& path, const Json& fallback, const Json& data) {
  need_object(data);
  auto not_found = [&]() {
    if (js::is_undefined(fallback)) return Val::own(nullptr);
    if (!charge_copy(fallback)) return Val();
    return Val::own(fallback);
  };
  if (js::is_undefined(path) || path.is_null() || (path.is_string() && path.get_ref<const std::string&>().empty()))
    return Val::borrow(data);
  if (!charge(conversion_units(path, room()))) return Val();
  std::string converted;
  if (!path.is_string()) converted = js::to_string(path);
  const std::string_view text = path.is_string() ? std::string_view(path.get_ref<const std::string&>()) : converted;
  const Json* current = &data;
  Json holder;  // a value computed on the way (a string's character or length)
  std::size_t begin = 0;
  for (;;) {
    const std::size_t dot = text.find('.', begin);
    const std::string key(text.substr(begin, dot == std::string_view::npos ? std::string_view::npos : dot - begin));
    if (current->is_null() || js::is_undefined(*current)) return not_found();
    std::size_t index = 0;
    if (current->is_object()) {
      const auto it = current->find(key);
      if (it == current->end()) return not_found();
      current = &*it;
    } else if (current->is_array()) {
      if (is_canonical_index(key, index) && index < current->size()) current = &(*current)[index];
      else if (key == "length") { holder = Json(current->size()); current = &holder; }
      else return not_found();
    } else if (current->is_string()) {
      const std::string& s = current->get_ref<const std::string&>();
      Json next;
      if (key == "length") {
        if (!charge(text_units(s.size()))) return Val();
        next = Json(js::utf16_length(s));
      } else if (is_canonical_index(key, index)) {
        if (!charge(text_units(s.size()))) return Val();
        const std::size_t b = code_point_offset(s, index);
        if (b == s.size()) return not_found();
        next = Json(s.substr(b, code_point_offset(std::string_view(s).substr(b), 1)));
      } else {
        return not_found();
      }
      holder = std::move(next);
      current = &holder;
    } else {
      return not_found();
    }
    if (dot == std::string_view::npos) break;
    begin = dot + 1;
  }
  if (current == &holder) return Val::own(std::move(holder));
  return Val::borrow(*current);
}

Json Evaluator::missing(const std::vector<const Json*>& keys, const Json& data) {
  Json out = Json::array();
  need_object(data);  // the lead's members are found in its object, not field by field
  for (const Json* key : keys) {
    if (!step()) return out;
    // json-logic-js reads a key with jsonLogic.apply({"var": key}, data): an array key is var's
    // operand list, so ["a", 0] means "a" with the default 0 (and [] reads the whole data).
    // A plain key on an object (the common case) is looked up directly, as var() would find it.
    bool absent = false;
    const std::string* name = key->is_string() ? &key->get_ref<const std::string&>() : nullptr;
    if (name != nullptr && data.is_object() && !name->empty() && name->find('.') == std::string::npos) {
      const auto it = data.find(*name);
      absent = it == data.end() || missing_value(*it);
    } else {
      const Val value = key->is_array()
          ? var(key->empty() ? undefined_value() : (*key)[0], key->size() > 1 ? (*key)[1] : undefined_value(), data)
          : var(*key, undefined_value(), data);
      if (failed()) return out;
      absent = missing_value(value.get());
    }
    if (!absent) continue;
    if (!charge_copy(*key)) return out;
    out.push_back(*key);
  }
  return out;
}

Val Evaluator::apply_operator(Op op, const ValList& v, const Json& data) {
  const Json& a = at(v, 0);
  const Json& b = at(v, 1);
  if (is_comparison(op)) {
    const Json& c = at(v, 2);
    if (!charge(comparison_units(op, a, b, c, room()))) return Val();
    return Val::own(comparison(op, a, b, c));
  }
  // Every operand an arithmetic operator reads is converted to a number: paid for first.
  auto convert_all = [&]() {
    for (const auto& x : v)
      if (!charge(conversion_units(x.get(), room()))) return false;
    return true;
  };
  switch (op) {
    case Op::Var: return var(a, b, data);
    case Op::Missing:
    case Op::MissingSome: {
      // json-logic-js's missing_some reads `options.length`: a TypeError when the keys operand is
      // absent, null or undefined.
      if (op == Op::MissingSome && (b.is_null() || js::is_undefined(b))) {
        fail("logic_arity", "\"missing_some\" needs a list of keys as its second operand");
        return Val();
      }
      std::vector<const Json*> operands;
      if (op == Op::Missing) {
        for (const auto& x : v) operands.push_back(&x.get());
      } else if (b.is_array()) {
        for (const auto& x : b) operands.push_back(&x);
      } else {
        operands.push_back(&b);
      }
      Json absent = missing(missing_keys(operands), data);
      if (failed()) return Val();
      if (op == Op::Missing) return Val::own(std::move(absent));
      double options = std::numeric_limits<double>::quiet_NaN();
      if (b.is_array()) {
        options = static_cast<double>(b.size());
      } else if (b.is_string()) {
        if (!charge(text_units(b.get_ref<const std::string&>().size()))) return Val();
        options = static_cast<double>(js::utf16_length(b.get_ref<const std::string&>()));
      }
      const js::Order o = js::compare(js::number(options - static_cast<double>(absent.size())), a);
      if (o == js::Order::Greater || o == js::Order::Equal) return Val::own(Json::array());
      return Val::own(std::move(absent));
    }
    case Op::Not: return Val::own(!js::truthy(a));
    case Op::NotNot: return Val::own(js::truthy(a));
    case Op::Add: {
      if (!convert_all()) return Val();
      double sum = 0;
      for (const auto& x : v) sum = sum + js::parse_float(x.get());
      return Val::own(js::number_result(sum));
    }
    case Op::Mul: {
      if (v.empty()) {
        fail("logic_arity", "\"*\" needs at least one operand");
        return Val();
      }
      if (v.size() == 1) {  // Array.prototype.reduce returns a lone element as is
        if (!charge_copy(a)) return Val();
        return Val::own(a);
      }
      if (!convert_all()) return Val();
      double product = js::parse_float(a);
      for (std::size_t i = 1; i < v.size(); ++i) product = product * js::parse_float(v[i].get());
      return Val::own(js::number_result(product));
    }
    case Op::Sub:
    case Op::Div:
    case Op::Mod:
    case Op::Min:
    case Op::Max: {
      if (!convert_all()) return Val();
      if (op == Op::Sub) {
        if (js::is_undefined(b)) return Val::own(js::number_result(-js::to_number(a)));
        return Val::own(js::number_result(js::to_number(a) - js::to_number(b)));
      }
      if (op == Op::Div) return Val::own(js::number_result(js::to_number(a) / js::to_number(b)));
      if (op == Op::Mod) return Val::own(js::number_result(std::fmod(js::to_number(a), js::to_number(b))));
      const bool is_min = op == Op::Min;
      double best = is_min ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
      for (const auto& x : v) {
        const double d = js::to_number(x.get());
        if (std::isnan(d) || std::isnan(best)) best = std::numeric_limits<double>::quiet_NaN();
        else if (is_min ? d < best : d > best) best = d;
        // Math.min/Math.max order -0 below +0 (ECMAScript 21.3.2.24/25).
        else if (d == 0 && best == 0 && std::signbit(d) != std::signbit(best) && std::signbit(d) == is_min) best = d;
      }
      return Val::own(js::number_result(best));
    }
    case Op::Merge: {
      // The length first, so that an oversized merge copies nothing.
      std::size_t length = 0;
      for (const auto& x : v) length += x.get().is_array() ? x.get().size() : 1;
      if (!check_size(length)) return Val();
      Json out = Json::array();
      out.get_ref<Json::array_t&>().reserve(length);
      for (const auto& x : v) {
        const Json& item = x.get();
        if (!item.is_array()) {
          if (!charge(1) || !charge_copy(item)) return Val();
          out.push_back(item);
          continue;
        }
        for (const auto& e : item) {
          if (!charge(1) || !charge_copy(e)) return Val();
          out.push_back(e);
        }
      }
      return Val::own(std::move(out));
    }
    case Op::Cat: {
      std::string out;
      for (const auto& x : v) {
        const Json& item = x.get();
        if (item.is_null() || js::is_undefined(item)) continue;
        if (item.is_string()) {
          const std::string& s = item.get_ref<const std::string&>();
          if (!check_size(out.size() + s.size()) || !charge(text_units(s.size()))) return Val();
          out += s;
          continue;
        }
        if (!charge(conversion_units(item, room()))) return Val();
        const std::string s = js::to_string(item);
        if (!check_size(out.size() + s.size()) || !charge(text_units(s.size()))) return Val();
        out += s;
      }
      return Val::own(std::move(out));
    }
    case Op::Substr: {
      if (!charge(conversion_units(a, room()))) return Val();
      std::string converted;
      if (!a.is_string()) converted = js::to_string(a);
      const std::string_view source = a.is_string() ? std::string_view(a.get_ref<const std::string&>()) : converted;
      if (!charge(text_units(source.size()))) return Val();  // its code points counted
      const Json& end = at(v, 2);
      double from = 0, count = 0;
      const auto size = static_cast<double>(code_point_count(source));
      if (js::compare(end, Json(0)) == js::Order::Less) {
        // JavaScript: temp = substr(source, start); substr(temp, 0, temp.length + end), where a
        // string `end` concatenates (the length is then NaN, read as 0).
        substr_window(size, b, nullptr, from, count);
        const Json primitive = end.is_array() || end.is_object() ? Json(js::to_string(end)) : end;
        const double length = primitive.is_string() ? 0 : count + js::to_number(primitive);
        const Json length_value = js::number(length);
        double unused = 0;
        substr_window(count, Json(0), &length_value, unused, count);
      } else {
        substr_window(size, b, js::is_undefined(end) ? nullptr : &end, from, count);
      }
      std::string out = code_points(source, from, count);
      if (!charge(text_units(out.size()))) return Val();
      return Val::own(std::move(out));
    }
    case Op::Log:  // deliberately silent: lead data never reaches a log
      if (!charge_copy(a)) return Val();
      return Val::own(a);
    default: break;
  }
  fail("logic_internal", "operator without an implementation");
  return Val();
}

}  // namespace leadscore::logic_detail
