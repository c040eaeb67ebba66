// The JSON form of CalibrationOptions (keys: docs/calibration.md, "Options"). Strict on purpose: a
// misspelt key ("test-every") or an out-of-range value is an error at its JSON pointer rather than
// a silently ignored setting that would change the fit. `null` means "not given" (the default), so
// adapters may pass optional values through unchanged.
#include <cmath>
#include <limits>

#include "analytics/test_split.h"
#include "leadscore/calibrate.h"
#include "model/model_reader.h"

namespace leadscore {
namespace {

class OptionReader {
 public:
  explicit OptionReader(const Json& object) : object_(object) {}
  bool failed() const { return !error_.code.empty(); }
  const Error& error() const { return error_; }

  void fail(const std::string& key, const std::string& message) {
    if (!failed()) error_ = Error{"options_invalid", "/" + pointer_token(key), message};
  }
  const Json* get(const char* key) const {
    auto it = object_.find(key);
    return it == object_.end() || it->is_null() ? nullptr : &*it;
  }

  void string(const char* key, std::string& out, bool allow_empty) {
    const Json* v = get(key);
    if (v == nullptr || failed()) return;
    if (!v->is_string() || (!allow_empty && v->get_ref<const std::string&>().empty())) {
      fail(key, std::string("\"") + key + "\" must be a non-empty string");
      return;
    }
    out = v->get<std::string>();
  }

  void strings(const char* key, std::vector<std::string>& out) {
    const Json* v = get(key);
    if (v == nullptr || failed()) return;
    if (!v->is_array()) return fail(key, std::string("\"") + key + "\" must be an array of strings");
    std::vector<std::string> list;
    for (std::size_t i = 0; i < v->size(); ++i) {
      const Json& item = (*v)[i];
      if (!item.is_string()) {
        if (!failed()) error_ = Error{"options_invalid", "/" + pointer_token(key) + "/" + std::to_string(i),
                                      std::string("\"") + key + "\" must hold strings only"};
        return;
      }
      list.push_back(item.get<std::string>());
    }
    out = std::move(list);
  }

  /// An integral number in [low, high] (5 and 5.0 both accepted).
  template <class T>
  void integer(const char* key, T& out, double low, double high) {
    const Json* v = get(key);
    if (v == nullptr || failed()) return;
    const double d = v->is_number() ? v->get<double>() : std::numeric_limits<double>::quiet_NaN();
    if (!(d >= low && d <= high) || std::floor(d) != d) {
      return fail(key, std::string("\"") + key + "\" must be a whole number from " + format(low) + " to " + format(high));
    }
    out = static_cast<T>(d);
  }

  /// One of two names, each standing for a value of `out` ("\"key\" must be \"a\" or \"b\"" otherwise).
  template <class T>
  void either(const char* key, T& out, const char* a, T value_a, const char* b, T value_b) {
    const Json* v = get(key);
    if (v == nullptr || failed()) return;
    if (*v == a) out = value_a;
    else if (*v == b) out = value_b;
    else fail(key, std::string("\"") + key + "\" must be \"" + a + "\" or \"" + b + "\"");
  }

  /// A finite number >= low (or > low when `strict`).
  void number(const char* key, double& out, double low, bool strict) {
    const Json* v = get(key);
    if (v == nullptr || failed()) return;
    const double d = v->is_number() ? v->get<double>() : std::numeric_limits<double>::quiet_NaN();
    const bool in_range = strict ? d > low : d >= low;
    if (!in_range || !std::isfinite(d)) {
      return fail(key, std::string("\"") + key + "\" must be a finite number " + (strict ? "above " : "of at least ") + format(low));
    }
    out = d;
  }

 private:
  static std::string format(double d) { return dump_json(Json(d)); }
  const Json& object_;
  Error error_;
};

const char* const kKeys[] = {"outcome", "positive", "negative", "columns", "ignore", "categorical", "numeric",
                             "missing_values", "date_column", "test_every", "test_fraction", "test_seed",
                             "test_from", "method", "interactions", "shape_bins", "rounds",
                             "interaction_rounds", "learning_rate", "numeric_mode", "bins", "min_count",
                             "l2", "max_iterations", "tolerance", "points_to_double_odds", "scale", "bands", "band_shares", "prior_strength",
                             "points_per_percentage_point", "model_id", "model_version", "max_rows",
                             "max_levels", "max_features", "delimiter"};

bool known_key(const std::string& key) {
  for (const char* k : kKeys)
    if (key == k) return true;
  return false;
}

}  // namespace

Expected<CalibrationOptions> calibration_options_from_json(const Json& options) {
  if (!options.is_object()) return Error{"options_invalid", "", "the calibration options must be a JSON object"};
  for (auto it = options.begin(); it != options.end(); ++it) {
    if (!known_key(it.key()))
      return Error{"options_invalid", "/" + pointer_token(it.key()),
                   "unknown option \"" + it.key() + "\" (options use snake_case, e.g. \"test_every\")"};
  }
  CalibrationOptions out;
  OptionReader r(options);
  r.string("outcome", out.outcome, false);
  if (!r.failed() && out.outcome.empty()) r.fail("outcome", "\"outcome\" (the outcome column's header) is required");
  r.strings("positive", out.positive);
  r.strings("negative", out.negative);
  r.strings("columns", out.columns);
  r.strings("ignore", out.ignore);
  r.strings("categorical", out.categorical);
  r.strings("numeric", out.numeric);
  r.strings("missing_values", out.missing_values);
  r.string("date_column", out.date_column, true);
  r.integer("test_every", out.test_every, 0, 1e9);
  r.number("test_fraction", out.test_fraction, 0, false);
  r.integer("test_seed", out.test_seed, 0, 9007199254740991.0);
  r.string("test_from", out.test_from, true);
  using Options = CalibrationOptions;
  r.either("method", out.method, "logistic", Options::Method::Logistic, "ebm", Options::Method::Ebm);
  r.integer("interactions", out.interactions, 0, 50);
  r.integer("shape_bins", out.shape_bins, 2, 256);
  r.integer("rounds", out.rounds, 1, 5000);
  r.integer("interaction_rounds", out.interaction_rounds, 1, 5000);
  r.number("learning_rate", out.learning_rate, 0, true);
  if (!r.failed() && out.learning_rate > 1) r.fail("learning_rate", "\"learning_rate\" must be above 0 and at most 1");
  r.either("numeric_mode", out.numeric_mode, "bins", Options::NumericMode::Bins, "standardize",
           Options::NumericMode::Standardize);
  r.integer("bins", out.bins, 2, 50);
  r.integer("min_count", out.min_count, 1, 1e9);
  r.number("l2", out.l2, 0, false);
  r.integer("max_iterations", out.max_iterations, 1, 10000);
  r.number("tolerance", out.tolerance, 0, true);
  r.number("points_to_double_odds", out.points_to_double_odds, 0, true);
  r.either("scale", out.scale, "training", Options::Scale::Training, "odds", Options::Scale::Odds);
  r.either("bands", out.bands, "shares", Options::Bands::Shares, "fixed", Options::Bands::Fixed);
  if (const Json* shares = r.get("band_shares"); shares != nullptr && !r.failed()) {
    double sum = 0;
    bool ok = shares->is_array() && shares->size() == 3;
    for (std::size_t i = 0; ok && i < 3; ++i) {
      ok = (*shares)[i].is_number() && (*shares)[i].get<double>() > 0;
      if (ok) sum += (*shares)[i].get<double>();
    }
    if (!ok || std::fabs(sum - 100) > 1e-9)
      r.fail("band_shares", "\"band_shares\" must be three percentages above 0 (cold, warm, hot) that sum to 100");
    else
      out.band_shares = {(*shares)[0].get<double>(), (*shares)[1].get<double>(), (*shares)[2].get<double>()};
  }
  r.number("prior_strength", out.prior_strength, 0, false);
  r.number("points_per_percentage_point", out.points_per_percentage_point, 0, true);
  r.string("model_id", out.model_id, false);
  r.string("model_version", out.model_version, false);
  if (!r.failed()) {
    model_detail::Reader ids;  // the exported model must parse: same id rules as a model's "id"
    ids.identifier(out.model_id, "/model_id", false);
    if (ids.failed()) r.fail("model_id", ids.error().message);
  }
  r.integer("max_rows", out.max_rows, 1, 1e9);
  r.integer("max_levels", out.max_levels, 1, 1e6);
  r.integer("max_features", out.max_features, 1, 1e6);
  if (const Json* d = r.get("delimiter"); d != nullptr && !r.failed()) {
    if (*d == ",") out.delimiter = ',';
    else if (*d == ";") out.delimiter = ';';
    else r.fail("delimiter", "\"delimiter\" must be \",\" or \";\" (leave it out to detect)");
  }
  if (r.failed()) return r.error();
  if (auto split = TestSplit::make(out.test_every, out.test_fraction, out.test_seed, out.test_from,
                                   !out.date_column.empty(), false);
      !split)
    return split.error();
  return out;
}

}  // namespace leadscore
