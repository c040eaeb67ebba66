// Flags of `leadscore calibrate` and `leadscore evaluate`: most of them are keys of the options
// object the core reads (calibration_options_from_json, evaluation_options_from_json), so the CLI
// builds that same JSON object from the command line and the core validates it. The CLI and the
// JavaScript API therefore accept exactly the same values and report the same errors.
#pragma once
#include <fstream>
#include <istream>
#include <map>
#include <string>
#include <vector>

#include "leadscore/json.h"

namespace leadscore::cli {

/// How a flag's value goes into the options object.
enum class FlagKind {
  Text,    ///< a string under `key`
  List,    ///< comma-separated, appended to the array under `key`; may be repeated
  Number,  ///< a JSON number under `key` (the core checks ranges and integers)
  Numbers, ///< comma-separated JSON numbers, the array under `key` ("50,30,20"); once
  Switch,  ///< no value; only for the command (--report)
  Cli,     ///< a value only for the command (--out, --format...), not in the options object
};

struct FlagSpec {
  const char* flag;  ///< "--bins"
  const char* key;   ///< "bins" (the options key), or "" for Switch/Cli
  FlagKind kind;
};

struct ParsedFlags {
  Json options = Json::object();               ///< the options object for the core
  std::map<std::string, std::string> values;   ///< Cli flags by name
  std::map<std::string, bool> switches;        ///< Switch flags given
  std::vector<std::string> positionals;        ///< inputs ("-" is stdin)
  std::string error;                           ///< a usage error, one line; empty when fine
};

/// Parses "--name value", "--name=value"; "--" ends options; "-" is a positional. A flag other
/// than a List given twice is an error (almost always a copy-paste mistake in a script).
ParsedFlags parse_history_flags(const std::vector<std::string>& args, const std::vector<FlagSpec>& specs);

/// The flag that sets the option at JSON pointer `pointer` ("/bins" -> "--bins"), or "".
std::string flag_for_pointer(const std::vector<FlagSpec>& specs, const std::string& pointer);

/// "leadscore <command>: <code> at <path> (<flag>): <message>", the one error line format.
std::string describe_error(const std::string& command, const Error& error, const std::vector<FlagSpec>& specs);

/// The base name of a path ("data/leads.csv" -> "leads.csv"); "stdin" for "-".
std::string source_name(const std::string& path);

/// The history input: std::cin for "-", else `file` opened on `path` (binary); nullptr when it
/// cannot be opened (the caller reports it, exit code 3).
std::istream* open_history(const std::string& path, std::ifstream& file);

/// Writes `text` to the file `path` (replacing it); false when it cannot be written.
bool write_text_file(const std::string& path, const std::string& text);

/// A JSON value as the pretty text of a model or report file: 2-space indent, keys sorted, numbers
/// as dump_json() writes them (20, not 20.0), a trailing newline.
std::string pretty_json(const Json& value);

}  // namespace leadscore::cli
