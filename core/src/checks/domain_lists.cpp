// Exact lookups in the front-coded tables of generated/domain_lists.cpp. checkField runs per
// keystroke, so nothing here allocates: keys are rebuilt in fixed stack buffers.
#include "checks/domain_lists.h"

#include <algorithm>
#include <cstring>

namespace leadscore::checks {
namespace {

// Longest domain (RFC 1035) and longest table entry; longer keys cannot be listed.
constexpr std::size_t kMaxKey = 255;

int compare_bytes(const unsigned char* a, std::size_t a_len, std::string_view b) {
  const std::size_t n = std::min(a_len, b.size());
  const int c = n ? std::memcmp(a, b.data(), n) : 0;
  if (c != 0) return c;
  return a_len < b.size() ? -1 : (a_len > b.size() ? 1 : 0);
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

// A listed domain or any parent of it: every parent of a domain is a label-boundary prefix of
// its reversed key, so one reversed copy serves every lookup.
bool domain_listed(const FrontCodedTable& table, std::string_view domain) {
  if (domain.empty() || domain.size() > kMaxKey) return false;
  char key[kMaxKey];
  const std::size_t n = reverse_labels(domain, key);
  const std::string_view reversed(key, n);
  for (std::size_t i = 0; i <= n; ++i) {
    if (i == n || reversed[i] == '.') {
      if (table.contains(reversed.substr(0, i))) return true;
    }
  }
  return false;
}

}  // namespace

bool FrontCodedTable::contains(std::string_view key) const {
  if (key.empty() || key.size() > kMaxKey || block_count == 0) return false;
  // Last block whose head is <= key.
  std::size_t lo = 0, hi = block_count;  // answer in [lo, hi)
  while (hi - lo > 1) {
    const std::size_t mid = lo + (hi - lo) / 2;
    const unsigned char* head = data + block_offsets[mid];
    if (compare_bytes(head + 1, head[0], key) <= 0) lo = mid;
    else hi = mid;
  }
  const unsigned char* p = data + block_offsets[lo];
  const unsigned char* end = lo + 1 < block_count ? data + block_offsets[lo + 1] : data + data_size;
  unsigned char entry[kMaxKey];
  std::size_t len = p[0];
  std::memcpy(entry, p + 1, len);
  p += 1 + len;
  while (true) {
    const int c = compare_bytes(entry, len, key);
    if (c == 0) return true;
    if (c > 0 || p >= end) return false;
    const std::size_t shared = p[0], suffix = p[1];
    std::memcpy(entry + shared, p + 2, suffix);
    len = shared + suffix;
    p += 2 + suffix;
  }
}

bool is_free_email_domain(std::string_view domain) { return domain_listed(tables::free_domains, domain); }
bool is_disposable_email_domain(std::string_view domain) { return domain_listed(tables::disposable_domains, domain); }
bool is_role_local_part(std::string_view local) { return tables::role_local_parts.contains(local); }

TableSize free_domains_size() { return {tables::free_domains.entry_count, tables::free_domains.bytes()}; }
TableSize disposable_domains_size() {
  return {tables::disposable_domains.entry_count, tables::disposable_domains.bytes()};
}
TableSize role_local_parts_size() {
  return {tables::role_local_parts.entry_count, tables::role_local_parts.bytes()};
}

}  // namespace leadscore::checks
