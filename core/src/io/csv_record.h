// One CSV record from a byte source, under bounds (internal to CsvReader, see leadscore/csv.h).
// Past a bound nothing more is kept: the rest of the record is only scanned for its end, so a
// line of N MiB of delimiters costs N MiB of reading and no memory.
#pragma once
#include <cstddef>
#include <streambuf>
#include <string>
#include <vector>

namespace leadscore::csv_detail {

using Traits = std::char_traits<char>;

// The bytes an abandoned quote handed back, as a stream buffer over the string that holds them
// (no copy), read from `pos` on.
class ReplayBuf : public std::streambuf {
 public:
  ReplayBuf(std::string& bytes, std::size_t pos) { setg(bytes.data(), bytes.data() + pos, bytes.data() + bytes.size()); }
  std::size_t pos() const { return static_cast<std::size_t>(gptr() - eback()); }
};

// Where a record's bytes come from: first the replay, then the stream, switching at the replay's
// end (the only extra cost, once). Only the stream's own buffer is read ahead, never the input,
// so a record is handed out as soon as its line has arrived (pipes stay interactive).
class ByteInput {
 public:
  ByteInput(ReplayBuf& replay, std::streambuf& stream)
      : cur_(replay.in_avail() > 0 ? static_cast<std::streambuf*>(&replay) : &stream), stream_(stream) {}
  explicit ByteInput(std::streambuf& stream) : cur_(&stream), stream_(stream) {}
  int get() {
    const int c = cur_->sbumpc();
    if (!Traits::eq_int_type(c, Traits::eof()) || cur_ == &stream_) return c;
    cur_ = &stream_;
    return stream_.sbumpc();
  }
  int peek() {
    const int c = cur_->sgetc();
    if (!Traits::eq_int_type(c, Traits::eof()) || cur_ == &stream_) return c;
    cur_ = &stream_;
    return stream_.sgetc();
  }

 private:
  std::streambuf* cur_;
  std::streambuf& stream_;
};

struct RecordBounds {
  std::size_t max_cells;   // cells kept; from the next one on the record is TooManyCells
  std::size_t max_field;   // bytes of one cell
  std::size_t max_record;  // bytes of the record as written, its final line break excluded
  // false (the header, whose quotes were balanced when it was read): a quoted field still open at
  // the end simply ends there, as it always did.
  bool give_up_open_quotes = true;
};

// The first bound a record broke, in reading order.
enum class Problem { None, FieldTooLarge, RecordTooLarge, TooManyCells };
// Why a quoted field was taken as unterminated.
// (TooLong: the record passed max_record while a quoted field that holds a line break was open.)
enum class OpenQuote { None, AtEnd, TooLong };

struct RawRecord {
  std::vector<std::string> cells;  // complete only when problem == None and quote == None
  std::size_t cell_count = 0;      // every cell met, kept or not
  std::size_t line_breaks = 0;     // consumed, the terminating one included
  Problem problem = Problem::None;
  std::size_t problem_column = 0;  // 1-based: the cell being read when the bound was broken
  OpenQuote quote = OpenQuote::None;
  std::size_t quote_column = 0;          // 1-based
  std::size_t breaks_before_quote = 0;   // line breaks of the record before that quote opened
  // With quote != None: the bytes after the quote's first line, to read again (no more than the
  // record bound and the two bytes of a "" or CRLF that passed it).
  std::string replay;
};

enum class Found { End, Blank, Record };

// Reads one record (or a blank line). With quote != None the record ends with the line its open
// quote started on (`line_breaks` counts up to there) and `replay` holds what followed.
Found read_record(ByteInput& in, char delimiter, const RecordBounds& bounds, RawRecord& out);

// Consumes a line break whose first byte `c` was already taken: "\r\n", "\n" or a lone "\r"
// (old Mac exports) each count as one line.
inline void finish_line_break(std::streambuf& sb, int c) {
  if (c == '\r' && sb.sgetc() == '\n') sb.sbumpc();
}

}  // namespace leadscore::csv_detail
