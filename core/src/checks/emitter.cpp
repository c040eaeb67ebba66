#include "emitter.h"

#include "utf8.h"

namespace leadscore::checks {

void Emitter::add(std::string_view code, Severity severity, std::string message,
                  std::optional<std::string> suggestion, std::optional<ByteSpan> span) {
  Finding f;
  f.field = std::string(field_);
  f.code = std::string(code);
  const auto override_it = config_.severity.find(code);
  f.severity = override_it != config_.severity.end() ? override_it->second : severity;
  f.message = std::move(message);
  f.suggestion = std::move(suggestion);
  if (span) f.span = TextSpan{utf16_length(value_, span->start), utf16_length(value_, span->end)};
  out_.push_back(std::move(f));
}

}  // namespace leadscore::checks
