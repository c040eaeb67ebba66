// evaluate(): scores every record of a history CSV with a model and measures how well the scores
// rank and predict the outcome (docs/evaluation.md; contract: docs/design/issue-6-spec.md).
//
// Streams the CSV with CsvReader and keeps per scored record only what the aggregates need
// (evaluate_report.h, EvaluationRows: 11 bytes, 15 with a date column); sorting for the deciles
// and the AUC add 4 + 8 bytes per record at the end. A record that cannot be used is listed in
// "errors" (the first max_listed_errors) and counted, never silently dropped.
#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <set>

#include "analytics/evaluate_capacity.h"
#include "analytics/test_split.h"
#include "analytics/evaluate_report.h"
#include "score/lead_normalize.h"
#include "leadscore/csv.h"
#include "leadscore/evaluate.h"
#include "leadscore/score.h"
#include "leadscore/time.h"
#include "analytics/metrics.h"

namespace leadscore {
namespace {

using namespace evaluation_detail;

// More data records than this: "history_too_large" (the deciles index records with 32 bits, and
// ~30 bytes per record stay well inside a browser's memory at this size).
constexpr std::size_t kMaxRecords = 50000000;
// A date column spanning more periods than this gives no period table (warning too_many_periods).
constexpr std::int64_t kMaxPeriods = 10000;
// 0001-01-01 (a Monday) as days since 1970-01-01. Year 0000 is refused so that every week and month
// label has a four-digit year.
constexpr std::int64_t kFirstDay = -719162;

std::string normalized(const std::string& s) {
  std::size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) --b;
  std::string out = s.substr(a, b - a);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The ranking key is the probability when every result will carry one: a plain model with a
// "probability" section, or a model set whose personas all have one.
bool every_result_has_probability(const Model& model) {
  if (model.personas().empty()) return model.probability().has_value();
  for (const auto& persona : model.personas())
    if (!persona.model || !persona.model->probability()) return false;
  return true;
}

std::size_t band_of(const std::vector<Band>& bands, int score) {
  for (std::size_t b = 0; b < bands.size(); ++b)
    if (score >= bands[b].from && score <= bands[b].to) return b;
  return bands.size();  // cannot happen for a parsed model (bands cover 0..100)
}

std::size_t line_of(const Error& error, std::size_t fallback) {
  if (error.path.rfind("line ", 0) == 0) return static_cast<std::size_t>(std::strtoull(error.path.c_str() + 5, nullptr, 10));
  return fallback;
}

class Evaluation {
 public:
  Evaluation(const Model& model, const EvaluationOptions& options)
      : model_(model), options_(options), by_probability_(every_result_has_probability(model)) {
    for (const auto& v : options.positive) positive_.insert(normalized(v));
    for (const auto& v : options.negative) negative_.insert(normalized(v));
  }

  Expected<Json> run(std::istream& csv) {
    if (auto bad = check_options()) return *bad;
    auto split = TestSplit::make(options_.test_every, options_.test_fraction, options_.test_seed, options_.test_from,
                                 !options_.date_column.empty(), true);
    if (!split) return split.error();
    split_ = std::move(split.value());
    CsvOptions csv_options;
    csv_options.delimiter = options_.delimiter;
    CsvReader reader(csv, csv_options);
    auto header = reader.read_header();
    if (!header) {
      if (header.error().code == "csv_empty") return Error{"history_empty", "", "the history CSV has no header and no records"};
      return header.error();
    }
    header_ = std::move(header).value();
    auto outcome = column("/outcome", options_.outcome);
    if (!outcome) return outcome.error();
    outcome_column_ = outcome.value();
    if (!options_.date_column.empty()) {
      auto date = column("/date_column", options_.date_column);
      if (!date) return date.error();
      date_column_ = date.value();
    }
    // Records go in batches: each row is checked and scored on its own (in parallel when the
    // caller gives options.parallel_for), then the batch is added in file order, so the result is
    // the same however the rows were scheduled.
    std::vector<Row> batch(kBatchRows);
    Error error;
    for (bool more = true; more;) {
      std::size_t n = 0;
      while (n < batch.size()) {
        Row& row = batch[n];
        const auto status = reader.next(row.record, error);
        if (status == CsvReader::Status::End) {
          more = false;
          break;
        }
        if (++total_ > kMaxRecords)
          return Error{"history_too_large", "", "the history has more than " + std::to_string(kMaxRecords) + " records"};
        row.index = total_ - 1;
        row.read_error = status == CsvReader::Status::Error;
        if (row.read_error) row.error = error;
        row.error_line = row.read_error ? line_of(error, 0) : row.record.line;
        ++n;
      }
      auto work = [&](std::size_t i) {
        if (!batch[i].read_error) compute(batch[i]);
      };
      if (options_.parallel_for) options_.parallel_for(n, work);
      else for (std::size_t i = 0; i < n; ++i) work(i);
      for (std::size_t i = 0; i < n; ++i) commit(batch[i]);
    }
    if (total_ == 0) return Error{"history_empty", "", "the history CSV has a header but no records"};
    return report();
  }

 private:
  std::optional<Error> check_options() const {
    if (options_.outcome.empty()) return Error{"options_invalid", "/outcome", "the outcome column is required"};
    for (const auto& v : positive_)
      if (negative_.count(v)) return Error{"options_invalid", "/positive", "a value is listed as both positive and negative"};
    if (!parse_instant(options_.now)) return Error{"options_invalid", "/now", "must be an ISO-8601 instant with an offset"};
    const std::string& per = options_.capacity_per;
    if (options_.capacity_count >= 0) {
      if (per != "week" && per != "month" && per != "all" && per != "percent")
        return Error{"options_invalid", "/capacity/per", "must be \"week\", \"month\", \"all\" or \"percent\""};
      if ((per == "week" || per == "month") && options_.date_column.empty())
        return Error{"options_invalid", "/capacity", "a capacity per " + per + " needs date_column (which date each lead came in)"};
    }
    return std::nullopt;
  }

  Expected<std::size_t> column(const char* pointer, const std::string& name) const {
    const auto it = std::find(header_.begin(), header_.end(), name);
    if (it == header_.end()) return Error{"column_not_found", pointer, "the CSV has no column \"" + name + "\""};
    return static_cast<std::size_t>(it - header_.begin());
  }

  void add_error(std::size_t line, const std::string& code, const std::string& message) {
    ++errors_;
    if (error_list_.size() < options_.max_listed_errors)
      error_list_.push_back({{"line", line}, {"code", code}, {"message", message}});
  }

  // One history row on its way: read, then checked and scored by compute() (any thread), then
  // added by commit() in file order.
  struct Row {
    CsvRecord record;
    std::size_t index = 0;  // 0-based data record, file order (the test split's index)
    bool read_error = false;
    bool held_out = false;  // not in the test part: neither scored nor counted
    std::size_t error_line = 0;
    Error error;  // code empty: the row is usable
    std::uint8_t converted = 0;
    std::int64_t period = 0, date = 0;
    int score = 0;
    double key = 0;
    ScoreResult result;  // reused from batch to batch
  };
  static constexpr std::size_t kBatchRows = 1024;

  // Pure: reads only the options, the header and the model, and writes only `row`.
  void compute(Row& row) const {
    const CsvRecord& record = row.record;
    row.error = Error{};
    row.held_out = false;
    // Not in the test part: not read any further (a time split needs the date first, below).
    if (!split_.by_date() && !split_.is_test(row.index, 0)) {
      row.held_out = true;
      return;
    }
    const std::string outcome = normalized(record.cells[outcome_column_]);
    row.converted = 0;
    if (positive_.count(outcome)) {
      row.converted = 1;
    } else if (!negative_.count(outcome)) {
      row.error = {"outcome_invalid", "",
                   outcome.empty() ? "the outcome cell is empty"
                                   : "the outcome cell is neither a positive nor a negative value (options positive, negative)"};
      return;
    }
    row.period = row.date = 0;
    if (date_column_) {
      auto day = parse_date(normalized(record.cells[*date_column_]));
      if (!day || day.value() < kFirstDay) {
        row.error = {"date_invalid", "", "the date cell is not an ISO date (YYYY-MM-DD, year 0001 or later) or instant"};
        return;
      }
      row.date = day.value();
      row.period = period_of_day(row.date, options_.period);
      if (!split_.is_test(row.index, row.date)) {
        row.held_out = true;
        return;
      }
    }
    ScoreOptions score_options;
    score_options.now = options_.now;
    score_options.detail = Detail::Summary;  // the score, points and probability are all it reads
    if (auto error = score_into(model_, lead_from_row(header_, record.cells), score_options, row.result)) {
      row.error = {error->code, "", error->message};
      return;
    }
    const ScoreResult& r = row.result;
    if (by_probability_ && !r.probability) {
      row.error = {"probability_missing", "", "the result has no probability"};
      return;
    }
    row.score = std::min(100, std::max(0, r.score));
    // Points as the result writes them (whole points, or centipoints / 100 as a double).
    row.key = by_probability_ ? *r.probability : static_cast<double>(r.points) / 100.0;
  }

  void commit(const Row& row) {
    if (!row.error.code.empty()) return add_error(row.error_line, row.error.code, row.error.message);
    if (row.held_out) {
      ++held_out_;
      return;
    }
    const int s = row.score;
    rows_.key.push_back(row.key);
    rows_.outcome.push_back(row.converted);
    rows_.score.push_back(static_cast<std::uint8_t>(s));
    rows_.band.push_back(static_cast<std::uint8_t>(band_of(model_.bands(), s)));
    if (date_column_) {
      rows_.period.push_back(static_cast<std::int32_t>(row.period));
      first_period_ = std::min(first_period_, row.period);
      last_period_ = std::max(last_period_, row.period);
      first_day_ = std::min(first_day_, row.date);
      last_day_ = std::max(last_day_, row.date);
    }
    conversions_ += row.converted;
    ++histogram_.leads[s];
    histogram_.conversions[s] += row.converted;
  }

  Json report() {
    const std::size_t n = rows_.size();
    Json warnings = Json::array();
    Json out = Json::object();
    out["format_version"] = 1;
    out["model"] = {{"id", model_.id()}, {"version", model_.version()}, {"fingerprint", model_.fingerprint()}};
    out["rows"] = {{"total", total_}, {"scored", n}, {"errors", errors_}};
    // With a test split, which rule picked the scored rows and how many records it left out (the
    // key is absent without one, so earlier reports keep their bytes).
    if (split_.describe()["rule"] != "all") {
      Json split = split_.describe();
      split["held_out"] = held_out_;
      out["rows"]["split"] = std::move(split);
    }
    out["overall"] = {{"count", n}, {"conversions", conversions_}, {"rate", ratio_json(static_cast<double>(conversions_), static_cast<double>(n))}};
    out["ranking"] = by_probability_ ? "probability" : "points";
    static const std::vector<double> kNone;
    out["metrics"] = metrics_json(rows_.key, by_probability_ ? rows_.key : kNone, rows_.outcome);
    if (n > 0 && (conversions_ == 0 || conversions_ == n))
      warnings.push_back(make_warning("one_class", "/" + options_.outcome,
                                      conversions_ == 0 ? "no record converted: AUC needs both outcomes, so it is null"
                                                        : "every record converted: AUC needs both outcomes, so it is null"));
    if (n == 0) warnings.push_back(make_warning("no_scored_rows", "", "no record could be scored: see errors"));
    if (!model_.personas().empty() && !by_probability_ && model_.probability())
      warnings.push_back(make_warning("ranking_points", "/probability",
                                      "not every persona's model has a probability section, so records are ranked by points"));
    out["deciles"] = deciles_json(rows_, by_probability_, conversions_);
    out["bands"] = bands_json(model_.bands(), rows_, conversions_);
    std::uint64_t periods = 0;
    out["periods"] = nullptr;
    if (date_column_ && n > 0) {
      periods = static_cast<std::uint64_t>(last_period_ - first_period_ + 1);
      Json p = {{"unit", period_unit_name(options_.period)}, {"column", options_.date_column}};
      if (last_period_ - first_period_ + 1 > kMaxPeriods) {
        warnings.push_back(make_warning("too_many_periods", "/" + options_.date_column,
                                        "the dates span more than " + std::to_string(kMaxPeriods) + " periods: no period table"));
      } else {
        p["items"] = periods_items_json(model_.bands(), rows_, options_.period, first_period_, last_period_);
        out["periods"] = std::move(p);
      }
    }
    out["capacity"] = nullptr;
    if (options_.capacity_count >= 0) {
      // The span is counted in the capacity's own unit, which may differ from the table's
      // ("--period month --capacity 200/week").
      std::uint64_t capacity_periods = periods;
      const std::string& per = options_.capacity_per;
      if (date_column_ && n > 0 && (per == "week" || per == "month")) {
        const Period unit = per == "week" ? Period::Week : Period::Month;
        capacity_periods = static_cast<std::uint64_t>(period_of_day(last_day_, unit) - period_of_day(first_day_, unit) + 1);
      }
      const std::uint64_t table_periods = out["periods"].is_null() ? 0 : periods;
      out["capacity"] = capacity_json(histogram_, options_.capacity_count, per, capacity_periods, table_periods);
    }
    out["errors"] = std::move(error_list_);
    out["warnings"] = std::move(warnings);
    return out;
  }

  const Model& model_;
  const EvaluationOptions& options_;
  const bool by_probability_;
  std::set<std::string> positive_, negative_;
  std::vector<std::string> header_;
  std::size_t outcome_column_ = 0;
  std::optional<std::size_t> date_column_;
  EvaluationRows rows_;
  ScoreHistogram histogram_;
  std::uint64_t total_ = 0, errors_ = 0, conversions_ = 0, held_out_ = 0;
  TestSplit split_ = TestSplit::make(0, 0, 0, "", false, true).value();
  std::int64_t first_period_ = INT64_MAX, last_period_ = INT64_MIN;
  std::int64_t first_day_ = INT64_MAX, last_day_ = INT64_MIN;  // days since 1970-01-01 (capacity spans)
  Json error_list_ = Json::array();
};

}  // namespace

Expected<Json> evaluate(const Model& model, std::istream& csv, const EvaluationOptions& options) {
  return Evaluation(model, options).run(csv);
}

}  // namespace leadscore
