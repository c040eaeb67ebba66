// What every check module gets: the field being checked, the message language, the model's check
// settings, and add() to append a finding. Modules never build message text for another language
// than the one asked for, and never put the value itself into a message (privacy: docs/form-checks.md).
#pragma once
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/data_pack.h"
#include "leadscore/checks.h"

namespace leadscore::checks {

/// A byte range of the value being checked, end exclusive.
struct ByteSpan {
  std::size_t start = 0;
  std::size_t end = 0;
};

/// Picks the message of the requested language.
inline const char* tr(Language language, const char* en, const char* fr) { return language == Language::Fr ? fr : en; }

class Emitter {
 public:
  Emitter(std::string_view field, std::string_view value, Language language, const CheckConfig& config,
          std::vector<Finding>& out)
      : field_(field), value_(value), language_(language), config_(config), out_(out) {}

  /// Declares that value() is a part (e.g. the trimmed middle) of `original`, so that spans are
  /// reported relative to the value as the visitor typed it.
  void set_origin(std::string_view original) { origin_ = original; }
  /// Where undecided() records codes (FieldContext::undecided); nullptr: nowhere.
  void set_undecided(std::vector<std::string>* codes) { undecided_ = codes; }
  /// Records that `code` could not be decided with the data pack at hand (lite).
  void undecided(std::string_view code) {
    if (undecided_ && std::find(undecided_->begin(), undecided_->end(), code) == undecided_->end())
      undecided_->emplace_back(code);
  }

  std::string_view field() const { return field_; }
  std::string_view value() const { return value_; }
  Language language() const { return language_; }
  const CheckConfig& config() const { return config_; }
  /// The reference data the domain checks look in (CheckConfig::data).
  const DataPack& data() const { return config_.data ? *config_.data : *DataPack::empty(); }
  const char* tr(const char* en, const char* fr) const { return checks::tr(language_, en, fr); }

  /// Appends a finding. `severity` is the check's default; the model's "severity" map overrides it
  /// by code. `span` is in bytes of value() and is converted to UTF-16 code units here.
  void add(std::string_view code, Severity severity, std::string message,
           std::optional<std::string> suggestion = std::nullopt, std::optional<ByteSpan> span = std::nullopt);

 private:
  std::string_view field_;
  std::string_view value_;
  std::string_view origin_;  ///< the untrimmed value, when value_ is part of it
  Language language_;
  const CheckConfig& config_;
  std::vector<Finding>& out_;
  std::vector<std::string>* undecided_ = nullptr;
};

}  // namespace leadscore::checks
