// Streaming RFC 4180 reader (see csv.h). One record is parsed at a time straight from the
// stream buffer, so a multi-gigabyte CRM export costs the memory of its largest record only.
//
// Error messages give line and column numbers (and header names) but never a cell's bytes:
// cells are lead data and must not leak into logs.
#include "leadscore/csv.h"

#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

namespace leadscore {
namespace {

using Traits = std::char_traits<char>;

// What one call of read_record() found.
enum class Found { End, Blank, Record };

struct RawRecord {
  std::vector<std::string> cells;
  std::size_t line_breaks = 0;  // physical line breaks consumed, the terminating one included
  bool unterminated = false;    // EOF inside a quoted field
  std::size_t unterminated_column = 0;  // 1-based
  std::size_t too_large_column = 0;     // 1-based; 0 = no field exceeded the limit
};

// Consumes a line break whose first byte `c` was already taken: "\r\n", "\n" or a lone "\r"
// (old Mac exports) each count as one line.
void finish_line_break(std::streambuf& sb, int c) {
  if (c == '\r' && sb.sgetc() == '\n') sb.sbumpc();
}

// Parses one record. Quotes only open a quoted field at the start of a field; elsewhere (and
// after a closing quote) a quote or other byte is kept literally, the lenient reading most CSV
// tools share, so a stray quote costs one odd cell instead of the rest of the file.
Found read_record(std::streambuf& sb, char delimiter, std::size_t max_field, RawRecord& out) {
  out = RawRecord{};
  int c = sb.sbumpc();
  if (Traits::eq_int_type(c, Traits::eof())) return Found::End;
  if (c == '\n' || c == '\r') {
    finish_line_break(sb, c);
    out.line_breaks = 1;
    return Found::Blank;
  }

  std::string field;
  bool quoted = false;  // inside "..." (after the opening quote, before the closing one)
  bool at_field_start = true;
  auto append = [&](char ch) {
    if (field.size() < max_field) {
      field.push_back(ch);
    } else if (out.too_large_column == 0) {
      out.too_large_column = out.cells.size() + 1;
    }
  };
  auto end_field = [&] {
    out.cells.push_back(std::move(field));
    field.clear();
    at_field_start = true;
  };

  for (;; c = sb.sbumpc()) {
    if (Traits::eq_int_type(c, Traits::eof())) {
      if (quoted) {
        out.unterminated = true;
        out.unterminated_column = out.cells.size() + 1;
      }
      end_field();
      return Found::Record;
    }
    const char ch = Traits::to_char_type(c);
    if (quoted) {
      if (ch == '"') {
        if (sb.sgetc() == '"') {  // "" inside quotes is one literal quote
          sb.sbumpc();
          append('"');
        } else {
          quoted = false;
        }
      } else {
        if (ch == '\n' || ch == '\r') {
          // Kept verbatim (CRLF stays CRLF), but counted so later line numbers stay right.
          append(ch);
          if (ch == '\r' && sb.sgetc() == '\n') append(Traits::to_char_type(sb.sbumpc()));
          ++out.line_breaks;
        } else {
          append(ch);
        }
      }
      continue;
    }
    if (ch == delimiter) {
      end_field();
      continue;
    }
    if (ch == '\n' || ch == '\r') {
      finish_line_break(sb, c);
      ++out.line_breaks;
      end_field();
      return Found::Record;
    }
    if (ch == '"' && at_field_start) {
      quoted = true;
      at_field_start = false;
      continue;
    }
    at_field_start = false;
    append(ch);
  }
}

// Strict UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF): the same rule a
// JSON parser applies later, checked here so the error can name the line and column.
bool valid_utf8(const std::string& s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      len = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      len = 3;
      if (b0 == 0xE0) lo = 0xA0;
      if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      len = 4;
      if (b0 == 0xF0) lo = 0x90;
      if (b0 == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (n - i < len) return false;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b1 < lo || b1 > hi) return false;
    for (std::size_t k = 2; k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if (b < 0x80 || b > 0xBF) return false;
    }
    i += len;
  }
  return true;
}

// Index (0-based) of the first cell that is not valid UTF-8, or cells.size().
std::size_t first_invalid_utf8(const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (!valid_utf8(cells[i])) return i;
  }
  return cells.size();
}

std::string line_path(std::size_t line) { return "line " + std::to_string(line); }

std::string trim_ascii(const std::string& s) {
  const char* ws = " \t";
  const auto b = s.find_first_not_of(ws);
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

// Reads the raw bytes of the header record (up to, not including, its line break) so the
// delimiter can be chosen before the header is split. Quotes are tracked by parity, which is
// exact for well-formed headers. Returns false at EOF inside quotes. A header longer than
// `max_bytes` in total sets `too_large` (its tail is consumed, not kept).
bool read_raw_header(std::streambuf& sb, std::string& raw, std::size_t& line_breaks,
                     std::size_t max_bytes, bool& too_large) {
  bool quoted = false;
  for (int c = sb.sbumpc(); !Traits::eq_int_type(c, Traits::eof()); c = sb.sbumpc()) {
    const char ch = Traits::to_char_type(c);
    if (ch == '"') quoted = !quoted;
    if (!quoted && (ch == '\n' || ch == '\r')) {
      finish_line_break(sb, c);
      ++line_breaks;
      return true;
    }
    if (ch == '\n' || (ch == '\r' && sb.sgetc() != '\n')) ++line_breaks;
    if (raw.size() < max_bytes) {
      raw.push_back(ch);
    } else {
      too_large = true;
    }
  }
  return !quoted;
}

// ',' or ';', whichever occurs more often outside quotes (',' on a tie).
char detect_delimiter(const std::string& raw_header) {
  std::size_t commas = 0, semicolons = 0;
  bool quoted = false;
  for (char ch : raw_header) {
    if (ch == '"') quoted = !quoted;
    if (quoted) continue;
    if (ch == ',') ++commas;
    if (ch == ';') ++semicolons;
  }
  return semicolons > commas ? ';' : ',';
}

bool usable_delimiter(char d) { return d != 0 && d != '"' && d != '\n' && d != '\r'; }

}  // namespace

CsvReader::CsvReader(std::istream& in, CsvOptions options) : in_(in), options_(options) {}

Expected<std::vector<std::string>> CsvReader::read_header() {
  if (header_read_) {
    return Error{"csv_header_already_read", "", "The CSV header has already been read."};
  }
  header_read_ = true;  // even on failure: next() then reports End instead of re-reading
  std::streambuf* sb = in_.rdbuf();
  if (sb == nullptr) return Error{"csv_empty", "", "The CSV input is empty: no header row."};

  // A UTF-8 BOM (Excel writes one) is dropped. Bytes of a partial BOM are kept: they are
  // invalid UTF-8 and reported as such below.
  std::string raw;
  static const unsigned char kBom[3] = {0xEF, 0xBB, 0xBF};
  for (unsigned char b : kBom) {
    const int c = sb->sgetc();
    if (Traits::eq_int_type(c, Traits::eof()) || static_cast<unsigned char>(c) != b) break;
    raw.push_back(Traits::to_char_type(sb->sbumpc()));
  }
  if (raw.size() == 3) raw.clear();

  // Blank lines before the header are skipped like blank lines anywhere else.
  if (raw.empty()) {
    for (int c = sb->sgetc(); c == '\n' || c == '\r'; c = sb->sgetc()) {
      finish_line_break(*sb, sb->sbumpc());
      ++line_;
    }
  }
  const std::size_t header_line = line_;
  std::size_t breaks = 0;
  bool too_large = false;
  const bool closed = read_raw_header(*sb, raw, breaks, options_.max_field_bytes, too_large);
  line_ += breaks;
  if (raw.empty() && closed)
    return Error{"csv_empty", "", "The CSV input is empty: no header row."};
  if (!closed) {
    return Error{"csv_unterminated_quote", line_path(header_line),
                 "The CSV header (line " + std::to_string(header_line) +
                     ") opens a quoted name that is never closed."};
  }

  delimiter_ = usable_delimiter(options_.delimiter) ? options_.delimiter : detect_delimiter(raw);
  std::stringbuf header_buf(raw);
  RawRecord rec;
  read_record(header_buf, delimiter_, raw.size() + 1, rec);
  if (too_large) {
    return Error{"csv_field_too_large", line_path(header_line),
                 "The CSV header is longer than the field size limit."};
  }
  const std::size_t bad = first_invalid_utf8(rec.cells);
  if (bad != rec.cells.size()) {
    return Error{"csv_invalid_utf8", line_path(header_line),
                 "Column " + std::to_string(bad + 1) + " of the CSV header is not valid UTF-8."};
  }
  // Names are trimmed: "id, email" is a common hand-written header and means "email".
  std::vector<std::string> names;
  std::unordered_set<std::string> seen;
  for (std::size_t i = 0; i < rec.cells.size(); ++i) {
    std::string name = trim_ascii(rec.cells[i]);
    if (name.empty()) {
      return Error{"csv_empty_column_name", line_path(header_line),
                   "Column " + std::to_string(i + 1) + " of the CSV header has no name."};
    }
    if (!seen.insert(name).second) {
      return Error{"csv_duplicate_column", line_path(header_line),
                   "The CSV header names column \"" + name + "\" twice (again in column " +
                       std::to_string(i + 1) + ")."};
    }
    names.push_back(std::move(name));
  }
  columns_ = names.size();
  return names;
}

CsvReader::Status CsvReader::next(CsvRecord& record, Error& error) {
  if (!header_read_) {
    auto header = read_header();
    if (!header) {
      error = header.error();
      return Status::Error;
    }
  }
  std::streambuf* sb = in_.rdbuf();
  if (columns_ == 0 || sb == nullptr) return Status::End;  // no usable header

  RawRecord rec;
  for (;;) {
    const std::size_t start = line_;
    const Found found = read_record(*sb, delimiter_, options_.max_field_bytes, rec);
    line_ += rec.line_breaks;
    if (found == Found::End) return Status::End;
    if (found == Found::Blank) continue;

    const std::string where = line_path(start);
    if (rec.unterminated) {
      error = Error{"csv_unterminated_quote", where,
                    "The quoted field in column " + std::to_string(rec.unterminated_column) +
                        " starting on line " + std::to_string(start) +
                        " is never closed; the rest of the input was skipped."};
      return Status::Error;
    }
    if (rec.too_large_column != 0) {
      error = Error{"csv_field_too_large", where,
                    "Line " + std::to_string(start) + ", column " +
                        std::to_string(rec.too_large_column) +
                        " is longer than the field size limit; the record was skipped."};
      return Status::Error;
    }
    if (rec.cells.size() != columns_) {
      error = Error{"csv_ragged_row", where,
                    "Line " + std::to_string(start) + " has " + std::to_string(rec.cells.size()) +
                        " cells but the header has " + std::to_string(columns_) +
                        "; the record was skipped."};
      return Status::Error;
    }
    const std::size_t bad = first_invalid_utf8(rec.cells);
    if (bad != rec.cells.size()) {
      error = Error{"csv_invalid_utf8", where,
                    "Line " + std::to_string(start) + ", column " + std::to_string(bad + 1) +
                        " is not valid UTF-8; the record was skipped."};
      return Status::Error;
    }
    record.cells = std::move(rec.cells);
    record.line = start;
    return Status::Record;
  }
}

}  // namespace leadscore
