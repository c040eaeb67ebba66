// See csv_record.h. Quotes only open a quoted field at the start of a field; elsewhere (and after a
// closing quote) a quote or other byte is kept literally, the lenient reading most CSV tools
// share, so a stray quote costs one odd cell instead of the rest of the file.
//
// The state is in locals, not members: the loop stores bytes into strings on every step, and the
// compiler keeps locals in registers across those stores (members it would reload each time).
#include "io/csv_record.h"

namespace leadscore::csv_detail {
namespace {

bool is_break(char ch) { return ch == '\n' || ch == '\r'; }

}  // namespace

Found read_record(ByteInput& in, char delimiter, const RecordBounds& b, RawRecord& out) {
  out = RawRecord{};
  int c = in.get();
  if (Traits::eq_int_type(c, Traits::eof())) return Found::End;
  if (is_break(Traits::to_char_type(c))) {
    if (c == '\r' && in.peek() == '\n') in.get();
    out.line_breaks = 1;
    return Found::Blank;
  }

  std::string field;
  bool keep = true;     // nothing broken yet: cells are kept
  bool quoted = false;  // inside "..." (after the opening quote, before the closing one)
  bool at_field_start = true;
  std::size_t bytes = 0;         // of the record as written, so far
  std::size_t quote_breaks = 0;  // line breaks inside the open quoted field

  // The first bound broken is the one reported; from there on nothing of the record is kept.
  auto problem = [&](Problem p) {
    if (out.problem != Problem::None) return;
    out.problem = p;
    out.problem_column = out.cell_count + 1;
    keep = false;
    out.cells.clear();
    field.clear();
  };
  auto count = [&](std::size_t n) {
    bytes += n;
    if (bytes > b.max_record) problem(Problem::RecordTooLarge);
  };
  auto append = [&](char ch) {
    if (!keep) return;
    if (field.size() < b.max_field) field.push_back(ch);
    else problem(Problem::FieldTooLarge);
  };
  auto end_field = [&] {
    ++out.cell_count;
    at_field_start = true;
    if (keep) out.cells.push_back(std::move(field));
    field.clear();
  };
  // The open quote is taken as unterminated: the record ends with the line the quote opened on,
  // and what was read after that line (out.replay) is read again.
  auto give_up = [&](OpenQuote why) {
    out.quote = why;
    out.line_breaks = out.breaks_before_quote + (quote_breaks > 0 ? 1 : 0);
    out.cells.clear();
    return Found::Record;
  };
  // Bytes inside quotes after the quote's first line: what is read again if it is given up.
  auto keep_for_replay = [&](const char* text, std::size_t n) {
    if (quote_breaks > 0) out.replay.append(text, n);
  };

  for (;; c = in.get()) {
    if (Traits::eq_int_type(c, Traits::eof())) {
      if (quoted && b.give_up_open_quotes) return give_up(OpenQuote::AtEnd);
      end_field();
      return Found::Record;
    }
    const char ch = Traits::to_char_type(c);
    if (!quoted) {
      if (is_break(ch)) {
        if (ch == '\r' && in.peek() == '\n') in.get();
        ++out.line_breaks;
        end_field();
        return Found::Record;
      }
      count(1);
      if (ch == delimiter) {
        end_field();
        if (out.cell_count == b.max_cells) problem(Problem::TooManyCells);
      } else if (ch == '"' && at_field_start) {
        quoted = true;
        at_field_start = false;
        quote_breaks = 0;
        out.quote_column = out.cell_count + 1;
        out.breaks_before_quote = out.line_breaks;
        out.replay.clear();
      } else {
        at_field_start = false;
        append(ch);
      }
      continue;
    }
    count(1);
    if (ch == '"') {
      if (in.peek() != '"') {
        quoted = false;  // closed: nothing of it needs reading again
        continue;
      }
      in.get();  // "" inside quotes is one literal quote
      count(1);
      keep_for_replay("\"\"", 2);
      append('"');
    } else if (is_break(ch)) {
      // Kept verbatim (CRLF stays CRLF), but counted so later line numbers stay right.
      const char text[2] = {ch, '\n'};
      std::size_t n = 1;
      if (ch == '\r' && in.peek() == '\n') {
        in.get();
        count(1);
        n = 2;
      }
      keep_for_replay(text, n);  // (not the first break: the replay starts after it)
      for (std::size_t k = 0; k < n; ++k) append(text[k]);
      ++out.line_breaks;
      ++quote_breaks;
    } else {
      keep_for_replay(&ch, 1);
      append(ch);
    }
    // Past the record bound its end can no longer be told from a quote that is never closed;
    // reading again from the next line bounds what the quote costs.
    if (quote_breaks > 0 && bytes > b.max_record && b.give_up_open_quotes) return give_up(OpenQuote::TooLong);
  }
}

}  // namespace leadscore::csv_detail
