// JSON text in and out, the same way in every runtime.
#include "leadscore/json.h"

#include <cmath>
#include <string>
#include <vector>

#include "io/json_text.h"

namespace leadscore {
namespace {

// Builds the DOM from nlohmann's SAX events, so that nesting depth is checked while parsing (before
// any recursive code sees the value) and errors are reported without echoing the input text.
class DomBuilder {
 public:
  DomBuilder(Json& root, std::size_t max_depth) : root_(root), max_depth_(max_depth) {}

  bool null() { return add(Json(nullptr)) != nullptr; }
  bool boolean(bool v) { return add(Json(v)) != nullptr; }
  bool number_integer(Json::number_integer_t v) { return add(Json(v)) != nullptr; }
  bool number_unsigned(Json::number_unsigned_t v) { return add(Json(v)) != nullptr; }
  bool number_float(Json::number_float_t v, const Json::string_t&) { return add(Json(v)) != nullptr; }
  bool string(Json::string_t& v) { return add(Json(std::move(v))) != nullptr; }
  bool binary(Json::binary_t&) { return false; }
  bool start_object(std::size_t) { return open(Json::object()); }
  bool end_object() { stack_.pop_back(); return true; }
  bool start_array(std::size_t) { return open(Json::array()); }
  bool end_array() { stack_.pop_back(); return true; }
  bool key(Json::string_t& k) {
    pending_key_ = &(*stack_.back())[k];
    return true;
  }
  template <class Exception>
  bool parse_error(std::size_t position, const std::string&, const Exception& ex) {
    error_position_ = position;
    const std::string what = ex.what();
    invalid_utf8_ = what.find("UTF-8") != std::string::npos;
    return false;
  }

  bool too_deep() const { return too_deep_; }
  bool invalid_utf8() const { return invalid_utf8_; }
  std::size_t error_position() const { return error_position_; }

 private:
  Json* add(Json&& value) {
    if (stack_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    Json& parent = *stack_.back();
    if (parent.is_array()) {
      parent.get_ref<Json::array_t&>().push_back(std::move(value));
      return &parent.get_ref<Json::array_t&>().back();
    }
    *pending_key_ = std::move(value);
    return pending_key_;
  }
  bool open(Json&& container) {
    if (stack_.size() >= max_depth_) {
      too_deep_ = true;
      return false;
    }
    Json* slot = add(std::move(container));
    stack_.push_back(slot);
    return true;
  }

  Json& root_;
  std::size_t max_depth_;
  std::vector<Json*> stack_;
  Json* pending_key_ = nullptr;
  bool too_deep_ = false;
  bool invalid_utf8_ = false;
  std::size_t error_position_ = 0;
};

}  // namespace

Expected<Json> parse_json(std::string_view text, const char* what, std::size_t max_depth) {
  const std::string name = what;
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return Error{"json_empty", "", name + " is empty"};
  Json root;
  DomBuilder builder(root, max_depth);
  const bool ok = Json::sax_parse(text.begin(), text.end(), &builder, nlohmann::detail::input_format_t::json, true);
  if (ok) return root;
  if (builder.too_deep())
    return Error{"json_too_deep", "", name + " is nested deeper than " + std::to_string(max_depth) + " levels"};
  const std::string at = "byte " + std::to_string(builder.error_position());
  if (builder.invalid_utf8()) return Error{"json_invalid_utf8", at, name + " contains invalid UTF-8 at " + at};
  return Error{"json_syntax", at, name + " is not valid JSON (syntax error at " + at + ")"};
}

namespace {
// Whether anything in `value` is nested `max_depth` or more levels below it: the good path, with no
// pointer strings built (most values are a few levels deep). Iterative: a C++ caller may hand in a
// value of any depth.
bool nested_too_deep(const Json& value, std::size_t max_depth) {
  if (!value.is_structured()) return false;
  std::vector<std::pair<const Json*, std::size_t>> pending{{&value, 0}};
  while (!pending.empty()) {
    const auto [node, depth] = pending.back();
    pending.pop_back();
    if (depth >= max_depth) return true;
    for (const Json& child : *node)
      if (child.is_structured()) pending.emplace_back(&child, depth + 1);
  }
  return false;
}
}  // namespace

std::string find_too_deep(const Json& value, std::size_t max_depth) {
  if (!nested_too_deep(value, max_depth)) return "";
  struct Frame { const Json* value; std::size_t depth; std::string pointer; };
  std::vector<Frame> pending{{&value, 0, ""}};
  while (!pending.empty()) {
    Frame f = std::move(pending.back());
    pending.pop_back();
    if (!f.value->is_structured()) continue;
    if (f.depth >= max_depth) return f.pointer.empty() ? "/" : f.pointer;
    if (f.value->is_array()) {
      for (std::size_t i = 0; i < f.value->size(); ++i)
        pending.push_back({&(*f.value)[i], f.depth + 1, f.pointer + "/" + std::to_string(i)});
    } else {
      for (auto it = f.value->begin(); it != f.value->end(); ++it)
        pending.push_back({&it.value(), f.depth + 1, f.pointer + "/" + pointer_token(it.key())});
    }
  }
  return "";
}

std::string dump_json(const Json& value) {
  // One writer for trees and flat results (json_text.h): integral doubles as integers (as
  // JSON.stringify), invalid UTF-8 that a C++ caller may build replaced rather than failing.
  std::string out;
  json_text::append_value(out, value);
  return out;
}

std::string pointer_token(std::string_view key) {
  std::string out;
  for (const char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out.push_back(c);
  }
  return out;
}

}  // namespace leadscore
