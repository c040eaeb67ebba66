// Typed, pointer-aware access to a model document: every failure names the JSON pointer of the value
// at fault. Internal to the core.
#pragma once
#include <initializer_list>
#include <optional>
#include <set>
#include <string>

#include "leadscore/json.h"
#include "leadscore/model.h"

namespace leadscore::model_detail {

/// Collects the first error; later calls become no-ops so parsing code stays linear.
class Reader {
 public:
  bool failed() const { return !error_.code.empty(); }
  const Error& error() const { return error_; }
  void fail(std::string code, std::string pointer, std::string message);

  /// Fails with "unknown_key" on a key not in `allowed` (except "x-..." extension keys).
  void only_keys(const Json& object, const std::string& pointer, std::initializer_list<const char*> allowed);
  /// The object at `pointer` must be an object / array.
  bool expect_object(const Json& value, const std::string& pointer, const char* what);
  bool expect_array(const Json& value, const std::string& pointer, const char* what);

  /// Member access; `required` members that are absent fail with "missing_key".
  const Json* member(const Json& object, const std::string& pointer, const char* key, bool required);
  std::string string(const Json& object, const std::string& pointer, const char* key, bool required);
  bool boolean(const Json& object, const std::string& pointer, const char* key, bool fallback);
  std::optional<Centipoints> points(const Json& object, const std::string& pointer, const char* key, bool required);
  std::optional<long long> integer(const Json& object, const std::string& pointer, const char* key, bool required);
  /// A duration string: 1..999999 followed by m, h, d or w ("30d"), in milliseconds.
  std::optional<Millis> duration(const Json& object, const std::string& pointer, const char* key, bool required);

  /// An entry's `key` ("id", or "name" for fields): present, well-formed, and not already in
  /// `seen` (else "duplicate_id" naming `kind`); it is added to `seen`.
  std::string unique_id(const Json& entry, const std::string& pointer, const char* key, const char* kind,
                        std::set<std::string>& seen);
  /// An entry's "label", or `id` when it has none.
  std::string label_or_id(const Json& entry, const std::string& pointer, const std::string& id);

  /// Checks an id or field name against its pattern ("invalid_name").
  void identifier(const std::string& value, const std::string& pointer, bool field_name);

 private:
  Error error_;
};

}  // namespace leadscore::model_detail
