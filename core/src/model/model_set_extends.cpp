// "extends" in a model set: each model is a merge patch (RFC 7386) over its parent's resolved
// document. Resolution walks each chain up to a root (or an already resolved model) and applies the
// patches top down, so every document is resolved once whatever the key order.
#include "model/model_set_extends.h"

#include <algorithm>
#include <map>

namespace leadscore::model_detail {
namespace {

std::string model_pointer(const std::string& name) { return "/models/" + pointer_token(name); }

// The entries must be objects with an optional string "extends" before any chain is walked, so the
// walk below can read them without checking types.
void check_entries(Reader& r, const Json& models) {
  for (auto it = models.begin(); it != models.end() && !r.failed(); ++it) {
    const std::string p = model_pointer(it.key());
    r.identifier(it.key(), p, false);
    if (!r.expect_object(it.value(), p, "a model")) return;
    const Json* parent = r.member(it.value(), p, "extends", false);
    if (parent != nullptr && !parent->is_string())
      r.fail("wrong_type", p + "/extends", "\"extends\" must be the name of another model in /models");
  }
}

// The chain from `start` up to its root or to the first model already resolved: start first.
std::vector<std::string> walk_up(Reader& r, const Json& models, const std::string& start,
                                 const std::map<std::string, std::size_t>& done) {
  std::vector<std::string> chain{start};
  while (!r.failed()) {
    const std::string cur = chain.back();
    if (done.count(cur) != 0) break;
    const Json& entry = *models.find(cur);
    const auto ext = entry.find("extends");
    if (ext == entry.end()) break;
    const std::string& parent = ext->get_ref<const std::string&>();
    const std::string p = model_pointer(cur) + "/extends";
    if (!models.contains(parent)) {
      r.fail("unknown_model_ref", p, "model \"" + parent + "\" is not in /models");
    } else if (std::find(chain.begin(), chain.end(), parent) != chain.end()) {
      r.fail("circular_reference", p, "model \"" + cur + "\" extends \"" + parent + "\", which extends it back");
    } else if (chain.size() > kMaxExtendsDepth) {
      // Bounds the walk itself; resolve_models() checks the exact depth of every model.
      r.fail("extends_too_deep", model_pointer(start) + "/extends",
             "more than " + std::to_string(kMaxExtendsDepth) + " models in one \"extends\" chain");
    } else {
      chain.push_back(parent);
    }
  }
  return chain;
}

}  // namespace

std::vector<ResolvedModel> resolve_models(Reader& r, const Json& models, const Json& set_document,
                                          std::size_t max_bytes) {
  std::vector<ResolvedModel> out;
  std::size_t total_bytes = 0;
  check_entries(r, models);
  std::map<std::string, std::size_t> done;   // name -> index in `out`
  std::map<std::string, std::size_t> depth;  // name -> links to its root model
  for (auto it = models.begin(); it != models.end() && !r.failed(); ++it) {
    const std::vector<std::string> chain = walk_up(r, models, it.key(), done);
    for (auto name = chain.rbegin(); name != chain.rend() && !r.failed(); ++name) {
      if (done.count(*name) != 0) continue;
      const Json& entry = *models.find(*name);
      const auto ext = entry.find("extends");
      Json document;
      if (ext == entry.end()) {
        document = entry;
        depth[*name] = 0;
        for (const char* key : {"format_version", "id", "version"}) {
          const auto inherited = set_document.find(key);
          if (!document.contains(key) && inherited != set_document.end()) document[key] = *inherited;
        }
      } else {
        const std::string& parent = ext->get_ref<const std::string&>();
        depth[*name] = depth[parent] + 1;
        if (depth[*name] > kMaxExtendsDepth) {
          r.fail("extends_too_deep", model_pointer(*name) + "/extends",
                 "more than " + std::to_string(kMaxExtendsDepth) + " models in one \"extends\" chain");
          break;
        }
        document = out[done[parent]].document;
        Json patch = entry;
        patch.erase("extends");
        document.merge_patch(patch);
      }
      total_bytes += dump_json(document).size();
      if (total_bytes > max_bytes) {
        r.fail("models_too_large", model_pointer(*name),
               "the models of the set, once resolved, are larger than " + std::to_string(max_bytes) + " bytes");
        break;
      }
      done[*name] = out.size();
      out.push_back({*name, std::move(document)});
    }
  }
  if (r.failed()) out.clear();
  return out;
}

}  // namespace leadscore::model_detail
