// See line_reader.h.
#include "line_reader.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace leadscore::cli {

bool LineReader::refill() {
  std::streambuf* sb = in_.rdbuf();
  if (sb == nullptr || sb->sgetc() == std::char_traits<char>::eof()) return false;  // waits for a byte
  constexpr std::size_t kChunk = 1 << 16;
  if (chunk_.size() < kChunk) chunk_.resize(kChunk);
  const std::streamsize available = sb->in_avail();
  const std::size_t want = available > 0 ? std::min<std::size_t>(static_cast<std::size_t>(available), kChunk) : 1;
  const std::streamsize got = sb->sgetn(chunk_.data(), static_cast<std::streamsize>(want));
  chunk_pos_ = 0;
  chunk_end_ = got > 0 ? static_cast<std::size_t>(got) : 0;
  return chunk_end_ > 0;
}

bool LineReader::next(TextLine& line) {
  for (;;) {
    line.text.clear();
    line.too_long = false;
    bool any = false;      // a byte other than the line break
    bool newline = false;  // the line ended with '\n' (else with the input)
    while (!newline) {
      if (chunk_pos_ == chunk_end_ && !refill()) break;
      const char* start = chunk_.data() + chunk_pos_;
      const std::size_t left = chunk_end_ - chunk_pos_;
      const auto* nl = static_cast<const char*>(std::memchr(start, '\n', left));
      const std::size_t n = nl != nullptr ? static_cast<std::size_t>(nl - start) : left;
      if (n > 0) any = true;
      const std::size_t room = max_bytes_ - std::min(max_bytes_, line.text.size());
      line.text.append(start, std::min(n, room));
      if (n > room) line.too_long = true;
      chunk_pos_ += n;
      if (nl != nullptr) {
        ++chunk_pos_;
        newline = true;
      }
    }
    line.number = ++line_;
    if (!any && !newline) return false;
    if (line.number == 1 && line.text.rfind("\xEF\xBB\xBF", 0) == 0) line.text.erase(0, 3);  // BOM
    if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
    const bool blank = std::all_of(line.text.begin(), line.text.end(),
                                   [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r'; });
    if (!blank || line.too_long) return true;
    if (!newline) return false;
  }
}

}  // namespace leadscore::cli
