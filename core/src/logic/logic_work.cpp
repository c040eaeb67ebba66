// See logic_work.h.
#include "logic/logic_work.h"

#include <cstring>
#include <utility>
#include <vector>

namespace leadscore::logic_detail {

ValueSize measure(const Json& value, std::uint64_t stop_after) {
  ValueSize size;
  if (value.is_string()) size.units = text_units(value.get_ref<const std::string&>().size());
  if (!value.is_structured() || value.empty()) {
    size.depth = value.is_structured() ? 1 : 0;
    return size;
  }
  // One frame per open container: the stack is as deep as the value, not as wide.
  std::vector<std::pair<const Json*, Json::const_iterator>> open;
  open.emplace_back(&value, value.cbegin());
  size.depth = 1;
  while (!open.empty() && size.units <= stop_after) {
    auto& [container, it] = open.back();
    if (it == container->cend()) {
      open.pop_back();
      continue;
    }
    const Json& element = *it;
    size.units += 1;
    if (container->is_object()) size.units += kMemberUnits - 1 + text_units(it.key().size());
    ++it;  // before a push below, which may move the frame
    if (element.is_string()) {
      size.units += text_units(element.get_ref<const std::string&>().size());
    } else if (element.is_structured()) {
      if (open.size() + 1 > size.depth) size.depth = open.size() + 1;
      if (!element.empty()) open.emplace_back(&element, element.cbegin());
    }
  }
  return size;
}

std::uint64_t conversion_units(const Json& value, std::uint64_t stop_after) {
  if (value.is_string()) return text_units(value.get_ref<const std::string&>().size());
  if (value.is_array()) return measure(value, stop_after).units;
  return 0;  // numbers, booleans, null: a few characters; an object is "[object Object]"
}

bool contains_text(std::string_view text, std::string_view needle) {
  if (needle.empty()) return true;
  if (needle.size() > text.size()) return false;
  const char first = needle[0];
  if (needle.size() == 1) return std::memchr(text.data(), first, text.size()) != nullptr;
  // Knuth-Morris-Pratt: each byte of the text is looked at a bounded number of times, whatever
  // the text (a naive search is quadratic on "aaa...ab" in "aaa...a"). border[i] is the length of
  // the longest proper border of needle[0..i].
  std::vector<std::uint32_t> border(needle.size(), 0);
  for (std::size_t i = 1, k = 0; i < needle.size(); ++i) {
    while (k > 0 && needle[i] != needle[k]) k = border[k - 1];
    if (needle[i] == needle[k]) ++k;
    border[i] = static_cast<std::uint32_t>(k);
  }
  for (std::size_t i = 0, k = 0; i < text.size(); ++i) {
    if (k == 0) {  // nothing matched yet: skip to the next occurrence of the first byte
      const void* next = std::memchr(text.data() + i, first, text.size() - i);
      if (next == nullptr) return false;
      i = static_cast<std::size_t>(static_cast<const char*>(next) - text.data());
    }
    while (k > 0 && text[i] != needle[k]) k = border[k - 1];
    if (text[i] == needle[k]) ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

namespace {
bool starts_code_point(char c) { return (static_cast<unsigned char>(c) & 0xc0) != 0x80; }
}  // namespace

std::size_t code_point_count(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) n += starts_code_point(c) ? 1 : 0;
  return n;
}

std::size_t code_point_offset(std::string_view text, std::size_t index) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!starts_code_point(text[i])) continue;
    if (seen == index) return i;
    ++seen;
  }
  return text.size();
}

}  // namespace leadscore::logic_detail
