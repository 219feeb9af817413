#pragma once
// Escaping for the HTML report: every string that comes from a record passes through here before it
// reaches the page, whether it lands in element text, an attribute value or an SVG <text>.

#include <string>
#include <string_view>

namespace ldn {

// Replaces & < > " ' with character references, so the result is inert both as element content and
// inside a quoted attribute value (single or double quotes). Control characters other than tab and
// line ends (C0, DEL, C1: a terminal's escape sequences) become spaces. Other bytes, UTF-8 included,
// pass as is.
std::string html_escape(std::string_view text);

}  // namespace ldn
