// Lookups in front-coded tables: the domain lists and role local parts of a data pack
// (DataPack::is_free, is_disposable, role_local_parts; docs/data-packs.md; sources, licences and
// sizes in docs/checks/email.md). Domain tables hold domains with their labels reversed,
// "gmail.com" as "com.gmail", so that entries of one TLD share prefixes.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace leadscore::checks {

struct FrontCodedTable;

/// Whether `domain` (lower-case ASCII, A-labels) is in a domain table (labels reversed) or is a
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

/// A sorted set of byte strings, front-coded in blocks of `kBlockSize` (data packs).
///
/// `data` holds the blocks one after the other. A block starts with its head entry in full
/// (length byte, bytes); each later entry is (shared-prefix length byte, suffix length byte,
/// suffix bytes) relative to the entry before it. `block_offsets[b]` is where block b starts in
/// `data`. Entries are at most 255 bytes. Sorted by unsigned byte order, no duplicates.
struct FrontCodedTable {
  static constexpr std::size_t kBlockSize = 16;
  const unsigned char* data = nullptr;
  std::size_t data_size = 0;
  const std::uint32_t* block_offsets = nullptr;
  std::size_t block_count = 0;
  std::size_t entry_count = 0;

  /// Exact membership; allocates nothing.
  bool contains(std::string_view key) const;
  /// data + block offsets, in bytes.
  std::size_t bytes() const { return data_size + block_count * sizeof(std::uint32_t); }
};

}  // namespace leadscore::checks
