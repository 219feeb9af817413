#pragma once
// Request parameters: the query string and, for POST, an application/x-www-form-urlencoded body.
// We decode POST bodies ourselves because cpp-httplib 0.11 refuses form bodies over 8 KiB
// (CPPHTTPLIB_FORM_URL_ENCODED_PAYLOAD_MAX_LENGTH, compiled into Debian's library), and an efetch
// by POST of a few thousand PMIDs is larger than that.

#include <map>
#include <string>
#include <string_view>

namespace ldn::fake {

// Same shape as httplib::Params; names are case-sensitive, as NCBI's are (WebEnv).
using Params = std::multimap<std::string, std::string>;

// Percent-decoding with '+' as a space; malformed escapes are kept as they are.
std::string url_decode(std::string_view text);

// "a=1&b=2" into params (appended to `into`).
void parse_form(std::string_view body, Params& into);

// The first value of `name`, or "" when absent.
std::string param(const Params& params, const std::string& name);

}  // namespace ldn::fake
