// Reference data of the form checks: the free-mail and disposable domain lists and the Public
// Suffix List, in a versioned binary data pack (docs/data-packs.md). Two tiers are built from the
// same maintained lists: "full" (every listed domain) and "lite" (what a signup page can afford).
// Native builds compile the full pack in, WebAssembly builds the lite one; an application can
// load another pack and hand it to a model (Model::use_data). The library reads no file and makes
// no request for it: the caller provides the bytes.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "leadscore/error.h"

namespace leadscore {

/// A loaded, validated data pack. Immutable; share it between models and threads.
class DataPack;

/// Which reference data produced a result: the pack's tier ("full", "lite") and version (the
/// first 16 hex digits of its payload's SHA-256), or tier "none" when a build has no pack.
struct DataInfo {
  std::string tier;
  std::string version;
};

/// Reads a data pack from its file's bytes (copied). Errors: "data_invalid" with the byte offset
/// or section at fault in the path ("/header", "/sections/free_domains", ...).
Expected<std::shared_ptr<const DataPack>> load_data(std::string_view bytes);

/// The pack compiled into this build, or an empty pack of tier "none" in a build without one
/// (the domain checks then decide nothing; see docs/data-packs.md).
std::shared_ptr<const DataPack> built_in_data();

/// The tier and version of a pack.
const DataInfo& data_info(const DataPack& pack);

}  // namespace leadscore
