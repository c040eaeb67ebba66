// What JsonLogic operations cost in units of work (docs/limits.md), and the text routines whose
// cost is linear in their input (substring search, code point positions). Internal to the core.
//
// A unit is one node visited, one array element or object member copied or scanned, or 16 bytes
// of text copied, converted or scanned (rounded down per string, so the short strings of ordinary
// rules cost nothing beyond their node). Every value an evaluation creates is paid for this way,
// so the units also bound the memory it can hold.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "leadscore/json.h"

namespace leadscore::logic_detail {

constexpr std::size_t kTextBytesPerUnit = 16;
/// An object member costs more than an array element: a node of its own and a key (measured
/// about three times the time of an array element to copy).
constexpr std::uint64_t kMemberUnits = 3;

/// Units of copying, converting or scanning `bytes` bytes of text.
inline std::uint64_t text_units(std::size_t bytes) { return bytes / kTextBytesPerUnit; }

/// A value's size in units (1 an array element, kMemberUnits an object member, nested ones
/// included, and their text and keys) and its nesting depth (a scalar 0, [] 1, [[]] 2).
struct ValueSize {
  std::uint64_t units = 0;
  std::size_t depth = 0;
};

/// The size of `value`, walked without recursion. The walk stops once the units exceed
/// `stop_after` (the caller's remaining budget), so measuring a value costs no more than the
/// budget it is checked against; the depth is then the deepest level seen so far.
ValueSize measure(const Json& value, std::uint64_t stop_after);

/// Units of turning `value` into a string or a number (JavaScript's ToString / ToNumber): an
/// array's size (it is joined), a string's length, nothing for other values.
std::uint64_t conversion_units(const Json& value, std::uint64_t stop_after);

/// Whether `needle` occurs in `text`, in time linear in both sizes.
bool contains_text(std::string_view text, std::string_view needle);

/// Number of Unicode code points of UTF-8 text (bytes that do not continue a sequence).
std::size_t code_point_count(std::string_view text);
/// Byte offset of code point `index` of `text`, or text.size() when there are not that many.
std::size_t code_point_offset(std::string_view text, std::size_t index);

}  // namespace leadscore::logic_detail
