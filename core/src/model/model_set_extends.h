// A model set's "models": "extends" chains resolved into complete model documents
// (docs/personas.md, "extends"). Internal to the core.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "leadscore/json.h"
#include "model/model_reader.h"

namespace leadscore::model_detail {

/// Longest "extends" chain accepted (a model, its parent, the parent's parent... counts the links).
constexpr std::size_t kMaxExtendsDepth = 16;

/// One entry of "models" after resolution: its name and its complete document (the parent's
/// resolved document with the child applied as an RFC 7386 merge patch, "extends" removed).
struct ResolvedModel {
  std::string name;
  Json document;
};

/// Resolves every entry of `models` (the set's "models" object, at pointer "/models"). A root
/// model (no "extends") missing "format_version", "id" or "version" takes the set's. The result is
/// in an order where a parent always precedes the models that extend it (key order otherwise), so
/// a broken parent is reported before its children. The resolved documents together may hold at
/// most `max_bytes` bytes of canonical JSON (tiny patches over a large parent would otherwise
/// multiply it). Failures go to `r`: wrong_type, invalid_name, unknown_model_ref,
/// circular_reference, extends_too_deep, models_too_large.
std::vector<ResolvedModel> resolve_models(Reader& r, const Json& models, const Json& set_document,
                                          std::size_t max_bytes);

}  // namespace leadscore::model_detail
