#pragma once
// `ldn summarize --format md`: the EvidenceSummary as Markdown that reads well in a terminal and on a
// code-hosting site: one heading per section of issue 6, tables for the evidence map, the timeline
// and the doses, key studies as lists with the authors' conclusion as a blockquote.

#include <string>
#include <string_view>

#include "query/summary/evidence_summary.hpp"

namespace ldn {

std::string render_markdown_report(const EvidenceSummary& summary);

// Text from a record made inert: every character Markdown or inline HTML could read as markup
// (\ ` * _ [ ] < > | ~ & #) gets a backslash, and line breaks and other control characters (C0, DEL,
// C1, U+2028, U+2029) become spaces, so a title can neither format itself, break out of a table
// cell or a list item, nor send escape sequences to the terminal the report is printed on.
std::string markdown_escaped(std::string_view text);

}  // namespace ldn
