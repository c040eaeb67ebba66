// Exact lookups in front-coded tables (data packs). checkField runs
// per keystroke, so nothing here allocates: keys are rebuilt in fixed stack buffers.
#include "checks/domain_lists.h"

#include <algorithm>
#include <cstring>
#include <string_view>

namespace leadscore::checks {
namespace {

// Longest domain (RFC 1035) and longest table entry; longer keys cannot be listed.
constexpr std::size_t kMaxKey = 255;

// Compares an entry with key[0, key_size), both known equal below `from`; `tail` holds the
// entry's bytes from `from` on, ended by a newline (FrontCodedTable). Sets *common to the length
// of their shared prefix. Keys are short and differ early: a byte loop beats memcmp here.
int compare_entry(const unsigned char* tail, const unsigned char* key, std::size_t key_size, std::size_t from,
                  std::size_t* common = nullptr) {
  std::size_t i = from;
  while (i < key_size && tail[i - from] != '\n' && tail[i - from] == key[i]) ++i;
  if (common != nullptr) *common = i;
  const bool entry_ended = tail[i - from] == '\n';
  if (i == key_size) return entry_ended ? 0 : 1;  // equal, or the key is a prefix of the entry
  if (entry_ended) return -1;                     // the entry is a prefix of the key
  return tail[i - from] < key[i] ? -1 : 1;
}

// The byte after the newline that ends the suffix at `p`.
const unsigned char* next_entry(const unsigned char* p) {
  while (*p != '\n') ++p;
  return p + 1;
}

// "mail.yahoo.com" -> "com.yahoo.mail" into `out` (the layout of the domain tables).
std::size_t reverse_labels(std::string_view domain, char* out) {
  std::size_t n = 0;
  std::size_t end = domain.size();
  while (true) {
    const std::size_t dot = domain.rfind('.', end == 0 ? std::string_view::npos : end - 1);
    const std::size_t start = (dot == std::string_view::npos || dot >= end) ? 0 : dot + 1;
    if (n) out[n++] = '.';
    std::memcpy(out + n, domain.data() + start, end - start);
    n += end - start;
    if (start == 0) break;
    end = start - 1;
  }
  return n;
}

}  // namespace

// A listed domain or any parent of it; the longest listed one is the most specific listing, its
// label count is returned. In a table of reversed labels every parent of a domain is a
// label-boundary prefix of its reversed key, so one reversed copy serves every lookup; in a
// table as written the parents are the domain's own label-boundary suffixes.
std::size_t listed_labels(const FrontCodedTable& table, std::string_view domain) {
  if (domain.empty() || domain.size() > kMaxKey) return 0;
  if (!table.labels_reversed) {
    std::size_t labels = 1 + static_cast<std::size_t>(std::count(domain.begin(), domain.end(), '.'));
    for (std::size_t start = 0;; --labels) {
      if (table.contains(domain.substr(start))) return labels;
      const std::size_t dot = domain.find('.', start);
      if (dot == std::string_view::npos) return 0;
      start = dot + 1;
    }
  }
  char key[kMaxKey];
  const std::size_t n = reverse_labels(domain, key);
  const std::string_view reversed(key, n);
  std::size_t labels = 0, best = 0;
  for (std::size_t i = 0; i <= n; ++i) {
    if (i == n || reversed[i] == '.') {
      ++labels;
      if (table.contains(reversed.substr(0, i))) best = labels;
    }
  }
  return best;
}

bool domain_listed(const FrontCodedTable& table, std::string_view domain) { return listed_labels(table, domain) > 0; }

MailDomainKind mail_domain_kind(const FrontCodedTable& free, const FrontCodedTable& disposable, std::string_view domain) {
  const std::size_t d = listed_labels(disposable, domain);
  const std::size_t f = listed_labels(free, domain);
  if (d == 0 && f == 0) return MailDomainKind::Unlisted;
  return f > d ? MailDomainKind::Free : MailDomainKind::Disposable;
}

bool FrontCodedTable::contains(std::string_view key) const {
  if (key.empty() || key.size() > kMaxKey || block_count == 0) return false;
  const auto* k = reinterpret_cast<const unsigned char*>(key.data());
  const std::size_t key_size = key.size();
  // Last block whose first entry is <= key.
  std::size_t lo = 0, hi = block_count;  // answer in [lo, hi)
  while (hi - lo > 1) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (compare_entry(suffixes + block_offsets[mid], k, key_size, 0) <= 0) lo = mid;
    else hi = mid;
  }
  // Walk the block without rebuilding its entries. `common` is how many leading bytes the current
  // entry shares with the key, the entry being below the key (the first is <= key, and each entry
  // is above the one before it). An entry that keeps more than `common` bytes of the one before
  // differs from the key where that one did, by the same byte: still below. One that keeps fewer
  // has, at that position, a byte above the earlier entry's, which equalled the key's (the
  // generator stores the exact shared length): above the key, so the key is not listed. Only an
  // entry that keeps exactly `common` bytes is compared.
  const std::size_t first = lo * block_size;
  const std::size_t last = std::min(entry_count, first + block_size);
  const unsigned char* p = suffixes + block_offsets[lo];
  std::size_t common = 0;
  int c = compare_entry(p, k, key_size, 0, &common);
  for (std::size_t i = first + 1;; ++i) {
    if (c == 0) return true;
    if (c > 0 || i >= last) return false;
    p = next_entry(p);
    const std::size_t keep = shared[i];
    if (keep > common) continue;
    if (keep < common) return false;
    c = compare_entry(p, k, key_size, keep, &common);
  }
}

TableSize table_size(const FrontCodedTable& table) { return {table.entry_count, table.bytes()}; }

}  // namespace leadscore::checks
