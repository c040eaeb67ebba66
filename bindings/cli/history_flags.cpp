// See history_flags.h.
#include "history_flags.h"

#include <iostream>

namespace leadscore::cli {
namespace {

const FlagSpec* find_spec(const std::vector<FlagSpec>& specs, const std::string& name) {
  for (const FlagSpec& s : specs)
    if (name == s.flag) return &s;
  return nullptr;
}

// "a,b, c" -> ["a", "b", " c"]: cells are kept as written (the core trims where it compares), but
// an empty item ("a,,b", a trailing comma) is refused: it is a typo, not a column called "".
bool split_list(const std::string& text, Json& into) {
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (item.empty()) return false;
    into.push_back(item);
    if (comma == std::string::npos) return true;
    start = comma + 1;
  }
}

std::string store(const FlagSpec& spec, const std::string& value, ParsedFlags& out) {
  const std::string name = spec.flag;
  switch (spec.kind) {
    case FlagKind::Text:
      out.options[spec.key] = value;
      return "";
    case FlagKind::List: {
      Json& list = out.options[spec.key];
      if (list.is_null()) list = Json::array();
      if (!split_list(value, list)) return name + " needs comma-separated names without empty items";
      return "";
    }
    case FlagKind::Number: {
      auto parsed = parse_json(value, "number");
      if (!parsed || !parsed.value().is_number()) return name + " needs a number, got \"" + value + "\"";
      out.options[spec.key] = parsed.value();
      return "";
    }
    case FlagKind::Numbers: {
      Json items = Json::array(), numbers = Json::array();
      if (!split_list(value, items)) return name + " needs comma-separated numbers without empty items";
      for (const Json& item : items) {
        auto parsed = parse_json(item.get<std::string>(), "number");
        if (!parsed || !parsed.value().is_number()) return name + " needs comma-separated numbers, got \"" + value + "\"";
        numbers.push_back(parsed.value());
      }
      out.options[spec.key] = std::move(numbers);
      return "";
    }
    case FlagKind::Cli:
      out.values[name] = value;
      return "";
    case FlagKind::Switch:
      break;
  }
  return "";
}

}  // namespace

ParsedFlags parse_history_flags(const std::vector<std::string>& args, const std::vector<FlagSpec>& specs) {
  ParsedFlags out;
  std::map<std::string, bool> seen;
  bool options_done = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_done || arg == "-" || arg.rfind("-", 0) != 0) {
      out.positionals.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    std::string name = arg;
    bool has_value = false;
    std::string value;
    if (const auto eq = arg.find('='); eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
      has_value = true;
    }
    const FlagSpec* spec = find_spec(specs, name);
    if (!spec) {
      out.error = "unknown option " + name;
      return out;
    }
    if (spec->kind != FlagKind::List && seen[name]) {
      out.error = "option " + name + " given twice";
      return out;
    }
    seen[name] = true;
    if (spec->kind == FlagKind::Switch) {
      if (has_value) {
        out.error = "option " + name + " takes no value";
        return out;
      }
      out.switches[name] = true;
      continue;
    }
    if (!has_value) {
      if (i + 1 >= args.size()) {
        out.error = "option " + name + " needs a value";
        return out;
      }
      value = args[++i];
    }
    out.error = store(*spec, value, out);
    if (!out.error.empty()) return out;
  }
  return out;
}

std::string flag_for_pointer(const std::vector<FlagSpec>& specs, const std::string& pointer) {
  if (pointer.size() < 2 || pointer[0] != '/') return "";
  const std::string key = pointer.substr(1, pointer.find('/', 1) - 1);
  for (const FlagSpec& s : specs)
    if (s.key == key && s.kind != FlagKind::Switch && s.kind != FlagKind::Cli) return s.flag;
  return "";
}

std::string describe_error(const std::string& command, const Error& error, const std::vector<FlagSpec>& specs) {
  std::string line = "leadscore " + command + ": " + error.code;
  if (!error.path.empty()) {
    line += " at " + error.path;
    if (error.code == "options_invalid") {
      const std::string flag = flag_for_pointer(specs, error.path);
      if (!flag.empty()) line += " (" + flag + ")";
    }
  }
  return line + ": " + error.message;
}

std::string source_name(const std::string& path) {
  if (path == "-") return "stdin";
  const std::size_t slash = path.find_last_of("/\\");
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::istream* open_history(const std::string& path, std::ifstream& file) {
  if (path == "-") return &std::cin;
  file.open(path, std::ios::binary);
  return file ? &file : nullptr;
}

bool write_text_file(const std::string& path, const std::string& text) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) return false;
  file << text;
  file.close();
  return !file.fail();
}

std::string pretty_json(const Json& value) {
  // dump_json() writes integral doubles as integers; reading its text back gives a value whose
  // pretty form agrees with it (models are small, the round trip costs nothing noticeable).
  auto normalized = parse_json(dump_json(value), "output", 100000);
  const Json& shown = normalized ? normalized.value() : value;
  return shown.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace leadscore::cli
