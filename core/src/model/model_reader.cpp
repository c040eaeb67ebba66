#include "model/model_reader.h"

#include <cmath>

namespace leadscore::model_detail {

void Reader::fail(std::string code, std::string pointer, std::string message) {
  if (!failed()) error_ = Error{std::move(code), std::move(pointer), std::move(message)};
}

void Reader::only_keys(const Json& object, const std::string& pointer, std::initializer_list<const char*> allowed) {
  if (failed() || !object.is_object()) return;
  for (auto it = object.begin(); it != object.end(); ++it) {
    const std::string& key = it.key();
    if (key.rfind("x-", 0) == 0) continue;
    bool known = false;
    for (const char* a : allowed) known = known || key == a;
    if (!known) fail("unknown_key", pointer + "/" + pointer_token(key), "unknown key \"" + key + "\"");
  }
}

bool Reader::expect_object(const Json& value, const std::string& pointer, const char* what) {
  if (failed()) return false;
  if (value.is_object()) return true;
  fail("wrong_type", pointer, std::string(what) + " must be an object");
  return false;
}

bool Reader::expect_array(const Json& value, const std::string& pointer, const char* what) {
  if (failed()) return false;
  if (value.is_array()) return true;
  fail("wrong_type", pointer, std::string(what) + " must be an array");
  return false;
}

const Json* Reader::member(const Json& object, const std::string& pointer, const char* key, bool required) {
  if (failed() || !object.is_object()) return nullptr;
  const auto it = object.find(key);
  if (it == object.end()) {
    if (required) fail("missing_key", pointer + "/" + key, std::string("\"") + key + "\" is required");
    return nullptr;
  }
  return &*it;
}

std::string Reader::string(const Json& object, const std::string& pointer, const char* key, bool required) {
  const Json* v = member(object, pointer, key, required);
  if (v == nullptr) return "";
  if (!v->is_string()) {
    fail("wrong_type", pointer + "/" + key, std::string("\"") + key + "\" must be a string");
    return "";
  }
  const auto& s = v->get_ref<const std::string&>();
  if (required && s.empty()) fail("empty_value", pointer + "/" + key, std::string("\"") + key + "\" must not be empty");
  return s;
}

bool Reader::boolean(const Json& object, const std::string& pointer, const char* key, bool fallback) {
  const Json* v = member(object, pointer, key, false);
  if (v == nullptr) return fallback;
  if (!v->is_boolean()) {
    fail("wrong_type", pointer + "/" + key, std::string("\"") + key + "\" must be true or false");
    return fallback;
  }
  return v->get<bool>();
}

std::optional<Centipoints> Reader::points(const Json& object, const std::string& pointer, const char* key, bool required) {
  const Json* v = member(object, pointer, key, required);
  if (v == nullptr) return std::nullopt;
  const std::string where = pointer + "/" + key;
  if (!v->is_number()) {
    fail("wrong_type", where, std::string("\"") + key + "\" must be a number of points");
    return std::nullopt;
  }
  constexpr double kLimit = 1e9;
  if (v->is_number_integer()) {
    const double d = v->get<double>();
    if (std::fabs(d) > kLimit) {
      fail("points_range", where, "points must lie between -1e9 and 1e9");
      return std::nullopt;
    }
    return static_cast<Centipoints>(v->is_number_unsigned() ? static_cast<long long>(v->get<std::uint64_t>())
                                                             : v->get<std::int64_t>()) * 100;
  }
  const double d = v->get<double>();
  if (!std::isfinite(d) || std::fabs(d) > kLimit) {
    fail("points_range", where, "points must lie between -1e9 and 1e9");
    return std::nullopt;
  }
  const double hundredths = d * 100;
  const double rounded = std::nearbyint(hundredths);
  if (std::fabs(hundredths - rounded) > 1e-6) {
    fail("points_precision", where, "points may have at most two decimals");
    return std::nullopt;
  }
  return static_cast<Centipoints>(rounded);
}

std::optional<long long> Reader::integer(const Json& object, const std::string& pointer, const char* key, bool required) {
  const Json* v = member(object, pointer, key, required);
  if (v == nullptr) return std::nullopt;
  if (v->is_number_integer()) return v->is_number_unsigned() ? static_cast<long long>(v->get<std::uint64_t>() > 9000000000000000000ULL ? 9000000000000000000ULL : v->get<std::uint64_t>()) : v->get<std::int64_t>();
  if (v->is_number_float()) {
    const double d = v->get<double>();
    if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 9e15) return static_cast<long long>(d);
  }
  fail("wrong_type", pointer + "/" + key, std::string("\"") + key + "\" must be an integer");
  return std::nullopt;
}

void Reader::identifier(const std::string& value, const std::string& pointer, bool field_name) {
  if (failed()) return;
  bool ok = !value.empty() && value.size() <= 128;
  for (std::size_t i = 0; ok && i < value.size(); ++i) {
    const char c = value[i];
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    const bool digit = c >= '0' && c <= '9';
    ok = field_name ? (alpha || (digit && i > 0)) : (alpha || digit || c == '-' || c == '.');
  }
  if (!ok)
    fail("invalid_name", pointer,
         field_name ? "a field name must be a letter or _ followed by letters, digits or _ (at most 128)"
                    : "an id may hold only letters, digits, _, - and . (at most 128)");
}

std::string Reader::unique_id(const Json& entry, const std::string& p, const char* key, const char* kind,
                              std::set<std::string>& seen) {
  std::string id = string(entry, p, key, true);
  identifier(id, p + "/" + key, std::string(key) == "name");
  if (!failed() && !seen.insert(id).second) fail("duplicate_id", p + "/" + key, std::string(kind) + " \"" + id + "\" is declared twice");
  return id;
}

std::string Reader::label_or_id(const Json& entry, const std::string& p, const std::string& id) {
  std::string label = string(entry, p, "label", false);
  return label.empty() ? id : label;
}

// A duration string: 1..999999 followed by m, h, d or w.
std::optional<Millis> Reader::duration(const Json& object, const std::string& p, const char* key, bool required) {
  const Json* v = member(object, p, key, required);
  if (!v || failed()) return std::nullopt;
  const std::string where = p + "/" + key;
  if (!v->is_string()) {
    fail("wrong_type", where, std::string("\"") + key + "\" must be a duration string such as \"30d\"");
    return std::nullopt;
  }
  const std::string& s = v->get_ref<const std::string&>();
  Millis count = 0;
  std::size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9' && digits < 7) count = count * 10 + (s[digits++] - '0');
  Millis unit = 0;
  if (digits + 1 == s.size()) {
    switch (s.back()) {
      case 'm': unit = 60000; break;
      case 'h': unit = 3600000; break;
      case 'd': unit = 86400000; break;
      case 'w': unit = 7 * 86400000LL; break;
      default: break;
    }
  }
  if (digits == 0 || digits > 6 || s[0] == '0' || unit == 0) {
    fail("duration_syntax", where, "a duration is a whole number from 1 to 999999 followed by m, h, d or w (\"30d\")");
    return std::nullopt;
  }
  return count * unit;
}

}  // namespace leadscore::model_detail
