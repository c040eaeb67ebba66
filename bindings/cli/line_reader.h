// Lines of a JSON-lines input, read with a bound so one runaway line (a binary file given by
// mistake) cannot exhaust memory: past the bound the rest of the line is skipped, not stored.
// Shared by the leads and the events readers so both treat BOMs, CRLF and blank lines alike.
#pragma once
#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace leadscore::cli {

struct TextLine {
  std::string text;        ///< without the line break, a trailing CR, or a BOM on line 1
  std::size_t number = 0;  ///< 1-based physical line
  bool too_long = false;   ///< longer than the bound: `text` holds only its start
};

class LineReader {
 public:
  LineReader(std::istream& in, std::size_t max_bytes) : in_(in), max_bytes_(max_bytes) {}

  /// The next line that is not blank (only spaces, tabs, CR); false at the end of the input.
  /// `line.text` keeps its capacity: a caller reusing one TextLine reads without allocating.
  bool next(TextLine& line);

 private:
  // Refills the chunk from the stream: what its buffer holds, or waits for at least one byte
  // (a pipe is read as it comes, not in fixed blocks). False at the end of the input.
  bool refill();

  std::istream& in_;
  std::size_t max_bytes_;
  std::size_t line_ = 0;
  // Bytes taken from the stream and not yet returned: lines are cut from here with memchr
  // instead of one virtual call per byte. This reader is the stream's only reader from its start.
  std::vector<char> chunk_;
  std::size_t chunk_pos_ = 0, chunk_end_ = 0;
};

}  // namespace leadscore::cli
