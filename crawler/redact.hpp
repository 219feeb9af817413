#pragma once
// The NCBI API key is a secret: every URL or parameter string passes through here before it can
// reach a log line, an error message, a manifest or a report.

#include <string>
#include <string_view>

namespace ldn {

// "…&api_key=abc123&…" -> "…&api_key=***&…"
std::string redact_api_key(std::string_view text);

}  // namespace ldn
