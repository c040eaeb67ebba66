// Streaming RFC 4180 reader (see csv.h). One record is parsed at a time straight from the
// stream buffer (io/csv_record.cpp), so a multi-gigabyte CRM export costs the memory of its
// largest record only, and that is bounded by CsvOptions.
//
// Error messages give line and column numbers (and header names) but never a cell's bytes:
// cells are lead data and must not leak into logs.
#include "leadscore/csv.h"

#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "io/csv_record.h"

namespace leadscore {
namespace {

using namespace csv_detail;

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
// `max_bytes` sets `too_large` and stops there (a header error ends the reading anyway),
// returning false when it stopped inside quotes: then the quote is what never closed.
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
    if (raw.size() == max_bytes) {
      too_large = true;
      return !quoted;
    }
    raw.push_back(ch);
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

// The error of a record whose quoted field was given up (its message says where reading goes on).
Error open_quote_error(const RawRecord& rec, std::size_t start, const CsvOptions& options) {
  const std::size_t quote_line = start + rec.breaks_before_quote;
  std::string why;
  switch (rec.quote) {
    case OpenQuote::TooLong:
      why = "is not closed within the record size limit (" + std::to_string(options.max_record_bytes) + " bytes)";
      break;
    default:
      why = "is still open at the end of the input";
      break;
  }
  return Error{"csv_unterminated_quote", line_path(start),
               "Line " + std::to_string(start) + ", column " + std::to_string(rec.quote_column) +
                   ": the quoted field opened on line " + std::to_string(quote_line) + " " + why +
                   "; the record was skipped and reading goes on after line " +
                   std::to_string(quote_line) + "."};
}

// The error of a record that broke a bound or has fewer cells than the header.
Error bound_error(const RawRecord& rec, std::size_t start, std::size_t columns, const CsvOptions& options) {
  const std::string line = "Line " + std::to_string(start);
  const std::string column = std::to_string(rec.problem_column);
  const std::string skipped = "; the record was skipped.";
  switch (rec.problem) {
    case Problem::FieldTooLarge:
      return Error{"csv_field_too_large", line_path(start),
                   line + ", column " + column + " is longer than the field size limit (" +
                       std::to_string(options.max_field_bytes) + " bytes)" + skipped};
    case Problem::RecordTooLarge:
      return Error{"csv_record_too_large", line_path(start),
                   line + " is longer than the record size limit (" +
                       std::to_string(options.max_record_bytes) + " bytes, passed in column " +
                       column + ")" + skipped};
    case Problem::TooManyCells:
      return Error{"csv_ragged_row", line_path(start),
                   line + " has " + std::to_string(rec.cell_count) + " cells but the header has " +
                       std::to_string(columns) + " (the first extra cell is column " + column +
                       ")" + skipped};
    case Problem::None:
      break;
  }
  return Error{"csv_ragged_row", line_path(start),
               line + " has " + std::to_string(rec.cell_count) + " cells but the header has " +
                   std::to_string(columns) + skipped};
}

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
                     ") opens a quoted name that is never closed" +
                     (too_large ? " (not within " + std::to_string(options_.max_field_bytes) + " bytes)" : "") + "."};
  }

  if (too_large) {
    return Error{"csv_field_too_large", line_path(header_line),
                 "The CSV header is longer than the field size limit (" +
                     std::to_string(options_.max_field_bytes) + " bytes)."};
  }

  delimiter_ = usable_delimiter(options_.delimiter) ? options_.delimiter : detect_delimiter(raw);
  std::stringbuf header_buf(raw);
  ByteInput header_input(header_buf);
  RecordBounds bounds{options_.max_columns, raw.size() + 1, raw.size() + 1};
  bounds.give_up_open_quotes = false;
  RawRecord rec;
  read_record(header_input, delimiter_, bounds, rec);
  if (rec.problem == Problem::TooManyCells) {
    return Error{"csv_too_many_columns", line_path(header_line),
                 "The CSV header has more than " + std::to_string(options_.max_columns) + " columns."};
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

  const RecordBounds bounds{columns_, options_.max_field_bytes, options_.max_record_bytes};
  ReplayBuf replay(replay_, replay_pos_);
  ByteInput input(replay, *sb);
  RawRecord rec;
  const Status status = [&] {
    for (;;) {
      const std::size_t start = line_;
      const Found found = read_record(input, delimiter_, bounds, rec);
      line_ += rec.line_breaks;
      if (found == Found::End) return Status::End;
      if (found == Found::Blank) continue;
      if (rec.quote != OpenQuote::None) {
        error = open_quote_error(rec, start, options_);
        return Status::Error;
      }
      if (rec.problem != Problem::None || rec.cells.size() != columns_) {
        error = bound_error(rec, start, columns_, options_);
        return Status::Error;
      }
      const std::size_t bad = first_invalid_utf8(rec.cells);
      if (bad != rec.cells.size()) {
        error = Error{"csv_invalid_utf8", line_path(start),
                      "Line " + std::to_string(start) + ", column " + std::to_string(bad + 1) +
                          " is not valid UTF-8; the record was skipped."};
        return Status::Error;
      }
      record.cells = std::move(rec.cells);
      record.line = start;
      return Status::Record;
    }
  }();
  if (rec.quote != OpenQuote::None) {
    // What the quote had taken is read again, ahead of anything still waiting to be replayed.
    replay_ = rec.replay + replay_.substr(replay.pos());
    replay_pos_ = 0;
  } else if (replay.pos() < replay_.size()) {
    replay_pos_ = replay.pos();
  } else if (!replay_.empty()) {
    std::string().swap(replay_);  // all read again: its memory goes
    replay_pos_ = 0;
  }
  return status;
}

}  // namespace leadscore
