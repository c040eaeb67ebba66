// Streaming reader for CRM exports: RFC 4180 CSV with a header row, quoted fields (embedded
// delimiters, quotes and newlines), an optional UTF-8 BOM, and ',' or ';' as the delimiter.
// It never loads the whole input: one record at a time, each with the line it started on.
//
// Leniency, on purpose (one odd cell beats losing the rest of a file): a quote opens a quoted
// field only at the start of a field; elsewhere, and after a closing quote, bytes are kept as
// they are (the cell 5"2 reads as 5"2, and "q"z as qz). Line breaks are CRLF, LF or a lone CR;
// inside quotes they are kept verbatim. Error messages give line and column numbers (and header
// names), never cell contents.
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
  std::size_t max_field_bytes = 1u << 20;
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
  /// "csv_field_too_large" (the whole header is held to max_field_bytes). Call it once.
  Expected<std::vector<std::string>> read_header();

  enum class Status { Record, End, Error };
  /// Reads the next record. On Status::Error, `error.path` is "line N" and reading may continue
  /// with the next record: a record with too few or too many cells ("csv_ragged_row") or invalid
  /// UTF-8 ("csv_invalid_utf8") is skipped whole; an unterminated quote ("csv_unterminated_quote")
  /// consumes the rest of the input; a field over max_field_bytes ("csv_field_too_large") skips
  /// its record. A blank line is skipped (not a record). Called before read_header(), it reads the
  /// header first and returns the header's error, if any; after a failed header it returns End.
  Status next(CsvRecord& record, Error& error);

  char delimiter() const { return delimiter_; }

 private:
  std::istream& in_;
  CsvOptions options_;
  char delimiter_ = ',';
  std::size_t columns_ = 0;
  std::size_t line_ = 1;  // physical line of the next character to read
  bool header_read_ = false;
};

/// The first `max_records` data records of a CSV as the engine reads them, for a page's column
/// picker or a sample lead, so that no runtime parses CSV on its own:
/// {"delimiter": ",", "header": [...], "records": [{"line": N, "cells": [...], "lead": {...}} or
/// {"line": N, "error": {"code", "message"}}], "more": true when records follow}. `lead` is
/// lead_from_row() of the record (header -> cell, empty cells left out). Errors: the header's
/// (csv_empty, csv_duplicate_column...).
Expected<Json> preview_csv(std::istream& in, std::size_t max_records, const CsvOptions& options = {});

}  // namespace leadscore
