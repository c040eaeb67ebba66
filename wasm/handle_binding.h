// C++ objects of the wasm modules (a Scorer, a loaded data pack) bound as plain functions on a
// handle, the object's address, instead of as an embind class: `Scorer_new()`, `Scorer_score(
// handle, ...)`, `Scorer_delete(handle)`. Embind's class support (handles with reference counts,
// pointer casts, overload tables) is about 19 KB of each module's JavaScript glue, 4 KB of the
// form module's download after gzip; the API needs none of it, since bindings/js/handles.mjs gives
// each handle back the shape of an object with methods and delete(), and the API owns every handle
// it makes (it frees each once: dispose() or the FinalizationRegistry, never both).
#pragma once
#include <emscripten/bind.h>

#include <cstdint>
#include <string>
#include <utility>

namespace leadscore::wasm {

/// The object behind a handle the JavaScript API got from `<Type>_new`.
template <typename T>
T& object_at(std::uintptr_t handle) {
  return *reinterpret_cast<T*>(handle);
}

/// A member function as a free function whose first argument is the object's handle.
template <auto Method>
struct HandleCall;
template <typename C, typename R, typename... A, R (C::*Method)(A...)>
struct HandleCall<Method> {
  static R call(std::uintptr_t self, A... args) { return (object_at<C>(self).*Method)(std::forward<A>(args)...); }
};
template <typename C, typename R, typename... A, R (C::*Method)(A...) const>
struct HandleCall<Method> {
  static R call(std::uintptr_t self, A... args) { return (object_at<C>(self).*Method)(std::forward<A>(args)...); }
};

/// Registers `<name>_new` and `<name>_delete` for a default-constructible T, then its methods one
/// by one as `<name>_<method>`.
template <typename T>
class HandleType {
 public:
  explicit HandleType(const char* name) : prefix_(std::string(name) + "_") {
    emscripten::function((prefix_ + "new").c_str(), &create);
    emscripten::function((prefix_ + "delete").c_str(), &destroy);
  }

  /// `<name>_<js_name>(handle, ...)` calls Method on the handle's object.
  template <auto Method>
  HandleType& method(const char* js_name) {
    return function(js_name, &HandleCall<Method>::call);
  }

  /// A free function taking the handle first, for methods whose arguments need converting.
  template <typename R, typename... A>
  HandleType& function(const char* js_name, R (*call)(std::uintptr_t, A...)) {
    emscripten::function((prefix_ + js_name).c_str(), call);
    return *this;
  }

 private:
  static std::uintptr_t create() { return reinterpret_cast<std::uintptr_t>(new T()); }
  static void destroy(std::uintptr_t self) { delete reinterpret_cast<T*>(self); }

  std::string prefix_;
};

}  // namespace leadscore::wasm
