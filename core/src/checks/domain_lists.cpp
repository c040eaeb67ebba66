// Exact lookups in front-coded tables (data packs). checkField runs
// per keystroke, so nothing here allocates: keys are rebuilt in fixed stack buffers.
#include "checks/domain_lists.h"

#include <algorithm>
#include <cstring>

namespace leadscore::checks {
namespace {

// Longest domain (RFC 1035) and longest table entry; longer keys cannot be listed.
constexpr std::size_t kMaxKey = 255;

// Compares an entry of `entry_len` bytes with key[0, key_size), both known equal below `from`;
// `tail` holds the entry's bytes from `from` on. Sets *common to the length of their shared prefix.
// Keys are short and differ early: a byte loop beats a call to memcmp here.
int compare_prefix(const unsigned char* tail, std::size_t entry_len, const unsigned char* key, std::size_t key_size,
                   std::size_t from, std::size_t* common = nullptr) {
  const std::size_t n = std::min(entry_len, key_size);
  std::size_t i = from;
  while (i < n && tail[i - from] == key[i]) ++i;
  if (common != nullptr) *common = i;
  if (i < n) return tail[i - from] < key[i] ? -1 : 1;
  return entry_len < key_size ? -1 : (entry_len > key_size ? 1 : 0);
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

// A listed domain or any parent of it: every parent of a domain is a label-boundary prefix of
// its reversed key, so one reversed copy serves every lookup. The longest listed prefix is the
// most specific listing; its label count is returned.
std::size_t listed_labels(const FrontCodedTable& table, std::string_view domain) {
  if (domain.empty() || domain.size() > kMaxKey) return 0;
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
  // Last block whose head is <= key.
  std::size_t lo = 0, hi = block_count;  // answer in [lo, hi)
  while (hi - lo > 1) {
    const std::size_t mid = lo + (hi - lo) / 2;
    const unsigned char* head = data + block_offsets[mid];
    if (compare_prefix(head + 1, head[0], k, key_size, 0) <= 0) lo = mid;
    else hi = mid;
  }
  // Walk the block without rebuilding its entries. `common` is how many leading bytes the current
  // entry shares with the key, the entry being below the key (the head is <= key, and each entry
  // is above the one before it). An entry that keeps more than `common` bytes of the one before
  // differs from the key where that one did, by the same byte: still below. One that keeps fewer
  // has, at that position, a byte above the earlier entry's, which equalled the key's (the
  // generator stores the exact shared length): above the key, so the key is not listed. Only an entry that keeps exactly `common` bytes is compared.
  const unsigned char* p = data + block_offsets[lo];
  const unsigned char* end = lo + 1 < block_count ? data + block_offsets[lo + 1] : data + data_size;
  std::size_t len = p[0];
  std::size_t common = 0;
  int c = compare_prefix(p + 1, len, k, key_size, 0, &common);
  p += 1 + len;
  while (true) {
    if (c == 0) return true;
    if (c > 0 || p >= end) return false;
    const std::size_t shared = p[0], suffix = p[1];
    const unsigned char* bytes = p + 2;
    p += 2 + suffix;
    if (shared > common) continue;
    if (shared < common) return false;
    c = compare_prefix(bytes, shared + suffix, k, key_size, shared, &common);
  }
}

TableSize table_size(const FrontCodedTable& table) { return {table.entry_count, table.bytes()}; }

}  // namespace leadscore::checks
