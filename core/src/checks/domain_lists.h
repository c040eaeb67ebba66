// Lookups in front-coded tables: the domain lists and role local parts of a data pack
// (DataPack::is_free, is_disposable, role_local_parts; docs/data-packs.md; sources, licences and
// sizes in docs/checks/email.md).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace leadscore::checks {

struct FrontCodedTable;

/// Whether `domain` (lower-case ASCII, A-labels) is in a domain table or is a
/// subdomain of one that is: mail.yahoo.com matches yahoo.com; a listed name used as a left label
/// elsewhere does not (yahoo.com.example.org is not yahoo.com).
bool domain_listed(const FrontCodedTable& table, std::string_view domain);

/// The number of labels of the most specific entry of `table` that is `domain` or a parent of it
/// (2 for mail.yahoo.com when yahoo.com is listed), 0 when none is.
std::size_t listed_labels(const FrontCodedTable& table, std::string_view domain);

enum class MailDomainKind { Unlisted, Free, Disposable };
/// The kind of a mail domain by the free and disposable tables: the most specific listing wins, a
/// tie (the same domain on both) is disposable.
MailDomainKind mail_domain_kind(const FrontCodedTable& free, const FrontCodedTable& disposable, std::string_view domain);

/// Size of a table (for docs/benchmarks.md): entries and bytes.
struct TableSize {
  std::size_t entries = 0;
  std::size_t bytes = 0;
};
TableSize table_size(const FrontCodedTable& table);

/// A sorted set of byte strings, front-coded in blocks of `block_size` entries (data packs;
/// written by core/data/encoding.mjs). Three columns:
///   `shared[i]`      how many leading bytes entry i keeps of entry i - 1 (0 for a block's first);
///   `suffixes`       each entry's remaining bytes followed by a newline, entry after entry;
///   `block_offsets`  where each block's first entry starts in `suffixes`.
/// Entries are 1 to 255 bytes without a newline, sorted by unsigned byte order, no duplicates.
/// Domain tables hold domains with their labels reversed ("com.gmail": the parents of a domain
/// are then prefixes of its key) or as written, as `labels_reversed` says.
struct FrontCodedTable {
  /// Entries a block holds (1..255): a lookup walks at most that many after a binary search.
  std::size_t block_size = 16;
  const std::uint32_t* block_offsets = nullptr;
  std::size_t block_count = 0;
  const unsigned char* shared = nullptr;
  const unsigned char* suffixes = nullptr;
  std::size_t suffix_bytes = 0;
  std::size_t entry_count = 0;
  bool labels_reversed = false;

  /// Exact membership; allocates nothing.
  bool contains(std::string_view key) const;
  /// The columns' bytes.
  std::size_t bytes() const { return block_count * sizeof(std::uint32_t) + entry_count + suffix_bytes; }
};

}  // namespace leadscore::checks
