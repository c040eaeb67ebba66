// Appending JSON text to a reusable buffer, byte for byte what dump_json() writes, without building
// a nlohmann::json tree. The result writer (result_writer.cpp) and dump_json() itself use it, so a
// result written from the flat ScoreResult and a tree dumped by dump_json() cannot drift apart.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "leadscore/json.h"

namespace leadscore::json_text {

/// A JSON string literal: quotes, `"` `\` and control characters escaped as nlohmann does
/// (\b \f \n \r \t, others \u00xx), everything else verbatim; invalid UTF-8 is replaced by U+FFFD
/// exactly as dump_json() does.
void append_string(std::string& out, std::string_view text);

void append_int(std::string& out, std::int64_t value);

/// A double as dump_json() writes it: integral values up to 2^53 (and -0) as integers, others in
/// nlohmann's shortest round-trip form, non-finite values as null.
void append_double(std::string& out, double value);

/// Any JSON value, as dump_json() writes it (compact, object keys in std::map order = sorted).
void append_value(std::string& out, const Json& value);

/// Writes one JSON object as a sequence of "key":value members, adding the braces and commas.
/// The caller writes the members in byte-wise key order (what dump_json() of a tree gives).
class ObjectWriter {
 public:
  explicit ObjectWriter(std::string& out) : out_(out) { out_ += '{'; }
  ~ObjectWriter() { out_ += '}'; }
  ObjectWriter(const ObjectWriter&) = delete;
  ObjectWriter& operator=(const ObjectWriter&) = delete;

  /// Starts a member; the caller appends its value.
  std::string& key(const char* name) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += '"';
    out_ += name;  // every key written here is a plain ASCII literal
    out_ += "\":";
    return out_;
  }
  void string(const char* name, std::string_view value) { append_string(key(name), value); }
  void integer(const char* name, std::int64_t value) { append_int(key(name), value); }
  void json(const char* name, const Json& value) { append_value(key(name), value); }
  void null(const char* name) { key(name) += "null"; }
  void boolean(const char* name, bool value) { key(name) += value ? "true" : "false"; }

 private:
  std::string& out_;
  bool first_ = true;
};

/// Writes a JSON array's elements, adding the brackets and commas: `next()` before each element.
class ArrayWriter {
 public:
  explicit ArrayWriter(std::string& out) : out_(out) { out_ += '['; }
  ~ArrayWriter() { out_ += ']'; }
  ArrayWriter(const ArrayWriter&) = delete;
  ArrayWriter& operator=(const ArrayWriter&) = delete;

  std::string& next() {
    if (!first_) out_ += ',';
    first_ = false;
    return out_;
  }

 private:
  std::string& out_;
  bool first_ = true;
};

}  // namespace leadscore::json_text
