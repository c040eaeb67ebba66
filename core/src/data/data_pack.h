// The inside of a DataPack (leadscore/data.h): its bytes, kept for the pack's lifetime, and the
// tables that point into them. Internal to the core.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/domain_lists.h"
#include "checks/gibberish.h"
#include "checks/phone_plan.h"
#include "checks/public_suffix.h"
#include "leadscore/data.h"

namespace leadscore {

class DataPack {
 public:
  /// Validates `bytes` (the whole layout of docs/data-packs.md) and builds the table views.
  static Expected<std::shared_ptr<const DataPack>> parse(std::string bytes);
  /// The pack of tier "none": no table at all. The checks that need one record it as undecided
  /// (docs/data-packs.md, "A build without a pack").
  static std::shared_ptr<const DataPack> empty();

  const DataInfo& info() const { return info_; }
  /// Whether the pack holds data (tier "none" does not).
  bool has_data() const { return info_.tier != "none"; }
  const checks::FrontCodedTable& free_domains() const { return free_; }
  const checks::FrontCodedTable& disposable_domains() const { return disposable_; }
  const checks::SuffixTable& public_suffixes() const { return suffixes_; }
  /// Role (generic) local parts, lower case, as they are: "info", "sales".
  const checks::FrontCodedTable& role_local_parts() const { return roles_; }
  /// Numbering plans sorted by country, then calling code; empty in tier "none".
  const std::vector<checks::PhonePlan>& phone_plans() const { return phone_plans_; }
  /// The gibberish models; `present` is false in tier "none".
  const checks::NameModel& name_model() const { return name_model_; }

  /// Whether `domain` (lower-case A-labels) or a parent of it is listed.
  bool is_free(std::string_view domain) const { return checks::domain_listed(free_, domain); }
  bool is_disposable(std::string_view domain) const { return checks::domain_listed(disposable_, domain); }
  /// What the email checks call `domain`: the list with the most specific listing of it or of a
  /// parent wins (vip.21cn.com on the free list is free even if 21cn.com were disposable); the
  /// packs never list one domain on both lists (core/data/lists.mjs), disposable would win.
  checks::MailDomainKind mail_domain_kind(std::string_view domain) const {
    return checks::mail_domain_kind(free_, disposable_, domain);
  }

  DataPack(const DataPack&) = delete;
  DataPack& operator=(const DataPack&) = delete;
  DataPack() = default;

  /// Reads `bytes`, which must outlive the pack (owned_ or static storage). `verify`: check the
  /// checksum and walk every table (off only for the build's own built-in bytes).
  std::optional<Error> read(std::string_view bytes, bool verify);

 private:
  std::string owned_;  // a loaded pack's bytes: the tables point into them, never changed
  DataInfo info_;
  checks::FrontCodedTable free_, disposable_, roles_;
  checks::SuffixTable suffixes_;
  std::vector<checks::PhonePlan> phone_plans_;
  checks::NameModel name_model_;
};

}  // namespace leadscore
