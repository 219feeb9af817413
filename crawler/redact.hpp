#pragma once
// The NCBI API key is a secret: every URL or parameter string passes through here before it can
// reach a log line, an error message, a manifest or a report.

#include <string>
#include <string_view>

namespace ldn {

// "…&api_key=abc123&…" -> "…&api_key=***&…"
std::string redact_api_key(std::string_view text);

// The same, and every other occurrence of the key's value too: a server may echo the key in an
// error body ("api-key": "…"), which then travels into messages and run reports.
std::string redact_api_key(std::string_view text, std::string_view key);

}  // namespace ldn
