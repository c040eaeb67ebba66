// Streaming reader for CRM exports: RFC 4180 CSV with a header row, quoted fields (embedded
// delimiters, quotes and newlines), an optional UTF-8 BOM, and ',' or ';' as the delimiter.
// It never loads the whole input: one record at a time, each with the line it started on.
//
// Leniency, on purpose (one odd cell beats losing the rest of a file): a quote opens a quoted
// field only at the start of a field; elsewhere, and after a closing quote, bytes are kept as
// they are (the cell 5"2 reads as 5"2, and "q"z as qz). Line breaks are CRLF, LF or a lone CR;
// inside quotes they are kept verbatim. Error messages give line and column numbers (and header
// names), never cell contents.
//
// Bounded, whatever the input (CsvOptions): a record never holds more cells than the header
// names, nor a cell more than max_field_bytes, nor the record more than max_record_bytes; past a
// bound the reader keeps nothing more and only looks for the record's end. A quoted field still
// open at the end of the input, or when its record passes max_record_bytes after a line break
// inside the quotes, is an unterminated quote: that record is an error and reading resumes at the
// line after the one the quote opened on (those lines are read again, so an unclosed quote costs
// its own record only). Memory: about twice max_record_bytes at most, whatever the file.
// The rules in full: docs/cli.md, "CSV input".
#pragma once
#include <cstddef>
#include <istream>
#include <string>
#include <vector>

#include "leadscore/error.h"
#include "leadscore/json.h"

namespace leadscore {

struct CsvOptions {
  /// ',' or ';'; 0 = detect from the header line (the one of the two that occurs more often
  /// outside quotes; ',' on a tie). Any other byte except '"', CR and LF is used as given.
  char delimiter = 0;
  /// Longest field accepted, in bytes; a longer one makes its record an error ("csv_field_too_large").
  /// It also bounds the header line as a whole.
  std::size_t max_field_bytes = 1u << 20;
  /// Most columns a header may name (Excel's own limit); more is "csv_too_many_columns". A record
  /// is never held with more cells than its header has columns (more is "csv_ragged_row").
  std::size_t max_columns = 16384;
  /// Longest record accepted, in bytes as written in the file (delimiters, quotes and line breaks
  /// inside quotes included, the final line break not); a longer one is an error
  /// ("csv_record_too_large"). It is also how far a quoted field that holds a line break may run
  /// before it is taken as unterminated. The default is the longest JSON-lines lead
  /// (Limits::max_document_bytes).
  std::size_t max_record_bytes = 16u << 20;
};

struct CsvRecord {
  std::vector<std::string> cells;
  std::size_t line = 0;  ///< 1-based physical line on which the record starts (the header is line 1)
};

class CsvReader {
 public:
  explicit CsvReader(std::istream& in, CsvOptions options = {});

  /// Reads the header row (blank lines before it are skipped; names are trimmed of spaces and
  /// tabs). Errors: "csv_empty" (no bytes, only a BOM, or only blank lines), "csv_invalid_utf8",
  /// "csv_duplicate_column", "csv_empty_column_name", "csv_unterminated_quote",
  /// "csv_field_too_large" (the whole header is held to max_field_bytes; reading stops there),
  /// "csv_too_many_columns" (more than max_columns). Call it once.
  Expected<std::vector<std::string>> read_header();

  enum class Status { Record, End, Error };
  /// Reads the next record. On Status::Error, `error.path` is "line N" (the line the record
  /// starts on) and reading continues with the next record. Every error costs its own record
  /// only; the first problem met while reading the record left to right is the one reported,
  /// except that an unterminated quote always wins (it decides where the record ends):
  /// - "csv_unterminated_quote": a quoted field still open at the end of the input, or when the
  ///   record passes max_record_bytes after a line break inside the quotes. The record ends with
  ///   the line the quote opened on; the lines after it are read again as records.
  /// - "csv_field_too_large": a field over max_field_bytes (the message names its column).
  /// - "csv_record_too_large": the record over max_record_bytes (names the column reached).
  /// - "csv_ragged_row": more cells than the header has columns (names the first extra column;
  ///   the extra cells are counted, never held) or fewer.
  /// - "csv_invalid_utf8": a cell that is not valid UTF-8 (names its column).
  /// A blank line is skipped (not a record). Called before read_header(), it reads the header
  /// first and returns the header's error, if any; after a failed header it returns End.
  Status next(CsvRecord& record, Error& error);

  char delimiter() const { return delimiter_; }

 private:
  std::istream& in_;
  CsvOptions options_;
  char delimiter_ = ',';
  std::size_t columns_ = 0;
  std::size_t line_ = 1;  // physical line of the next character to read
  bool header_read_ = false;
  // Bytes to read again before the stream's: the lines an unterminated quote had taken
  // (about max_record_bytes at most), read from replay_pos_ on.
  std::string replay_;
  std::size_t replay_pos_ = 0;
};

/// The first `max_records` data records of a CSV as the engine reads them, for a page's column
/// picker or a sample lead, so that no runtime parses CSV on its own:
/// {"delimiter": ",", "header": [...], "records": [{"line": N, "cells": [...], "lead": {...}} or
/// {"line": N, "error": {"code", "message"}}], "more": true when records follow}. `lead` is
/// lead_from_row() of the record (header -> cell, empty cells left out). Errors: the header's
/// (csv_empty, csv_duplicate_column...).
Expected<Json> preview_csv(std::istream& in, std::size_t max_records, const CsvOptions& options = {});

}  // namespace leadscore
