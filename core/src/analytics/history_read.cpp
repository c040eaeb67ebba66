// read_history(): stream a CRM export into typed columns (design: docs/design/issue-6-spec.md,
// "Reading history"; user guide: docs/calibration.md, "Data in").
//
// Memory stays bounded: the first kSampleRecords records are held as text to find identifier
// columns, then every record goes straight into typed storage (4 bytes per categorical cell, 8 per
// numeric cell, plus each distinct level once; a column whose kind is not forced is kept both ways
// until its last cell decides it), and reading stops at max_rows + 1 records.
// Problems that would silently bias a fit (ragged rows, unknown outcome values) fail the whole
// read, listing line numbers but never cell values.
#include <cstdlib>
#include <memory>

#include "analytics/history_columns.h"
#include "analytics/test_split.h"
#include "leadscore/time.h"
#include "logic/js_value.h"
#include "score/lead_normalize.h"
#include "leadscore/csv.h"

namespace leadscore {
namespace {

using namespace history_detail;
constexpr std::size_t kSampleRecords = 1000;

std::size_t line_of(const Error& e) {  // CsvReader paths are "line N"
  return e.path.rfind("line ", 0) == 0 ? std::strtoull(e.path.c_str() + 5, nullptr, 10) : 0;
}

class HistoryReader {
 public:
  HistoryReader(const CalibrationOptions& o, ColumnPlan plan, TestSplit split)
      : options_(o),
        plan_(std::move(plan)),
        missing_(o.missing_values),
        outcomes_(o.positive, o.negative),
        split_(std::move(split)) {}

  Expected<History> read(CsvReader& csv, const std::vector<std::string>& header) {
    CsvRecord record;
    Error error;
    std::size_t records = 0;
    std::vector<CsvRecord> sample;
    for (;;) {
      const auto status = csv.next(record, error);
      if (status == CsvReader::Status::End) break;
      if (++records > options_.max_rows)
        return Error{"history_too_large", "/max_rows",
                     "the file has more than " + std::to_string(options_.max_rows) +
                         " data records (raise max_rows, or calibrate on a sample)"};
      if (status == CsvReader::Status::Error) {
        if (csv_errors_.count() == 0) csv_code_ = error.code;
        csv_errors_.add(line_of(error));
        continue;
      }
      if (!sampled_ && sample.size() < kSampleRecords) {
        sample.push_back(std::move(record));
        if (sample.size() == kSampleRecords) flush_sample(sample, header);
      } else {
        add(record);
      }
    }
    if (!sampled_) flush_sample(sample, header);
    return finish();
  }

 private:
  void flush_sample(std::vector<CsvRecord>& sample, const std::vector<std::string>& header) {
    std::vector<std::vector<std::string>> cells;
    for (auto& r : sample) cells.push_back(std::move(r.cells));
    // An identifier (every sampled value different: ids, emails, names) is left out unless forced:
    // as a feature it would put one rule per person into the exported model and only overfit.
    sampled_ = true;
    std::vector<ColumnPlan::Feature> kept;
    for (const auto& f : plan_.features) {
      if (!f.forced && sample_kind(cells, f.index, missing_) == HistoryColumn::Kind::Categorical &&
          sample_is_identifier(cells, f.index, missing_)) {
        identifiers_.push_back(header[f.index]);
        continue;
      }
      // The kind itself is decided from the whole column (ColumnBuilder::finish), not the sample:
      // a file sorted by date can start with a period where a numeric column looks categorical.
      builders_.emplace_back(header[f.index], f.forced, options_.max_levels);
      kept.push_back(f);
    }
    plan_.features = std::move(kept);
    for (std::size_t i = 0; i < sample.size(); ++i) {
      sample[i].cells = std::move(cells[i]);
      add(sample[i]);
    }
    sample.clear();
    sample.shrink_to_fit();
  }

  void add(const CsvRecord& r) {
    const int outcome = outcomes_.classify(r.cells[plan_.outcome]);
    if (outcome < 0) outcome_errors_.add(r.line);
    std::int64_t day = 0;
    if (split_.by_date()) {  // a time split reads every record's date
      auto parsed = parse_date(trim_cell(r.cells[*plan_.date]));
      if (parsed) day = parsed.value();
      else date_errors_.add(r.line);
    }
    if (outcome < 0 || csv_errors_.count() > 0 || date_errors_.count() > 0) return;  // the read fails: store nothing more
    const std::size_t i = history_.outcome.size();
    history_.outcome.push_back(static_cast<std::uint8_t>(outcome));
    history_.is_test.push_back(split_.is_test(i, day) ? 1 : 0);
    history_.lines.push_back(r.line);
    if (plan_.date) history_.dates.push_back(std::string(trim_cell(r.cells[*plan_.date])));
    for (std::size_t c = 0; c < plan_.features.size(); ++c) builders_[c].add(r.cells[plan_.features[c].index], missing_, r.line);
  }

  Expected<History> finish() {
    if (csv_errors_.count() > 0)
      return Error{"history_csv", "line " + std::to_string(csv_errors_.first()),
                   csv_errors_.describe() + " could not be read (first problem: " + csv_code_ +
                       "); fix or remove them, nothing is skipped silently"};
    if (outcome_errors_.count() > 0)
      return Error{"outcome_invalid", "line " + std::to_string(outcome_errors_.first()),
                   "the outcome column \"" + options_.outcome + "\" is empty or neither a positive nor a negative value in " +
                       outcome_errors_.describe() + "; see the options positive and negative"};
    if (date_errors_.count() > 0)
      return Error{"date_invalid", "line " + std::to_string(date_errors_.first()),
                   "the date column \"" + options_.date_column + "\" is not an ISO date (YYYY-MM-DD) or instant in " +
                       date_errors_.describe() + "; the time split (test_from) needs every record's date"};
    if (history_.rows() == 0) return Error{"history_empty", "", "the file has a header but no data records"};
    std::size_t train = 0, positives = 0;
    for (std::size_t i = 0; i < history_.rows(); ++i) {
      if (history_.is_test[i]) continue;
      ++train;
      positives += history_.outcome[i];
    }
    if (positives == 0 || positives == train)
      return Error{"outcome_one_class", "/outcome",
                   std::string("the ") + std::to_string(train) + " training rows have no " +
                       (positives == 0 ? "converted" : "unconverted") + " leads; a close rate needs both"};
    for (auto& b : builders_) history_.columns.push_back(b.finish(history_.is_test, history_.warnings));
    for (const auto& name : identifiers_)
      history_.warnings.push_back(make_warning("identifier_column", "/columns/" + pointer_token(name),
                                               "every sampled value is different (an identifier): left out of the features; list it under categorical to keep it"));
    return std::move(history_);
  }

  const CalibrationOptions& options_;
  ColumnPlan plan_;
  MissingCells missing_;
  OutcomeValues outcomes_;
  std::vector<ColumnBuilder> builders_;
  std::vector<std::string> identifiers_;
  bool sampled_ = false;  // the kinds are decided (after the first kSampleRecords records)
  History history_;
  TestSplit split_;
  LineList csv_errors_{10}, outcome_errors_{10}, date_errors_{10};
  std::string csv_code_;
};

}  // namespace

Expected<History> read_history(std::istream& in, const CalibrationOptions& options) {
  if (options.outcome.empty()) return Error{"options_invalid", "/outcome", "\"outcome\" (the outcome column) is required"};
  auto split = TestSplit::make(options.test_every, options.test_fraction, options.test_seed, options.test_from,
                               !options.date_column.empty(), false);
  if (!split) return split.error();
  CsvOptions csv_options;
  csv_options.delimiter = options.delimiter;
  CsvReader csv(in, csv_options);
  auto header = csv.read_header();
  if (!header) {
    const Error& e = header.error();
    if (e.code == "csv_empty") return Error{"history_empty", "", "the file is empty (no header row)"};
    return Error{"history_csv", e.path, "the header row could not be read (" + e.code + "): " + e.message};
  }
  auto plan = plan_columns(header.value(), options);
  if (!plan) return plan.error();
  auto reader = std::make_unique<HistoryReader>(options, std::move(plan.value()), std::move(split.value()));
  return reader->read(csv, header.value());
}

void history_lead_into(const History& history, std::size_t row, LeadRecord& out) {
  out.start();
  if (row >= history.rows()) return;
  auto set_text = [](Json& slot, const std::string& text) {  // keeps the slot's string buffer
    if (slot.is_string()) slot.get_ref<std::string&>() = text;
    else slot = text;
  };
  for (const auto& c : history.columns) {
    if (c.kind == HistoryColumn::Kind::Numeric) {
      const double v = c.values[row];
      if (v == v) set_text(out.add(c.name), js::number_to_string(v));  // shortest text that reads back as v
    } else if (c.codes[row] != 0) {
      set_text(out.add(c.name), c.levels[c.codes[row]]);
    }
  }
}

Json history_lead(const History& history, std::size_t row) {
  LeadRecord lead;
  history_lead_into(history, row, lead);
  return lead.json();
}

}  // namespace leadscore
