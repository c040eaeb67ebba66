// See line_reader.h.
#include "line_reader.h"

#include <algorithm>
#include <cstdio>

namespace leadscore::cli {

bool LineReader::next(TextLine& line) {
  std::streambuf* sb = in_.rdbuf();
  if (sb == nullptr) return false;
  for (;;) {
    line.text.clear();
    line.too_long = false;
    bool any = false;
    int c;
    while ((c = sb->sbumpc()) != EOF && c != '\n') {
      any = true;
      if (line.text.size() < max_bytes_) {
        line.text.push_back(static_cast<char>(c));
      } else {
        line.too_long = true;
      }
    }
    line.number = ++line_;
    if (!any && c == EOF) return false;
    if (line.number == 1 && line.text.rfind("\xEF\xBB\xBF", 0) == 0) line.text.erase(0, 3);  // BOM
    if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
    const bool blank = std::all_of(line.text.begin(), line.text.end(),
                                   [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r'; });
    if (!blank || line.too_long) return true;
    if (c == EOF) return false;
  }
}

}  // namespace leadscore::cli
