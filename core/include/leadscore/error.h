// Errors as values: nothing in the core throws across its public API, so the same code runs natively
// and in WebAssembly built without exception support.
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace leadscore {

/// What went wrong and where. Messages name fields and locations, never a lead's values.
struct Error {
  std::string code;     ///< stable machine-readable code, e.g. "unknown_operator", "csv_unterminated_quote"
  std::string path;     ///< JSON pointer ("/rules/3/when") or "line N"; empty when not about a place
  std::string message;  ///< one human sentence
};

/// A value or an Error (a small C++17 stand-in for std::expected).
template <class T>
class Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}                 // NOLINT: implicit by design
  Expected(Error error) : state_(std::move(error)) {}             // NOLINT: implicit by design
  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  /// The value; only valid when ok().
  const T& value() const& { return std::get<0>(state_); }
  T& value() & { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  /// The error; only valid when !ok().
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace leadscore
