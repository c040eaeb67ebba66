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
  if (span) {
    // Spans are about the value as typed: shift by where value_ starts inside origin_.
    const std::string_view base = origin_.empty() ? value_ : origin_;
    const std::size_t shift = origin_.empty() ? 0 : static_cast<std::size_t>(value_.data() - origin_.data());
    f.span = TextSpan{utf16_length(base, shift + span->start), utf16_length(base, shift + span->end)};
  }
  out_.push_back(std::move(f));
}

}  // namespace leadscore::checks
