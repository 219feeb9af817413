#pragma once
// PubMed's MEDLINE format (.nbib, "Send to: Citation manager") for EndNote, Zotero, Mendeley and
// RefWorks. A line is a tag left-justified in four characters, "- ", then the value; a long value
// wraps onto continuation lines indented by six spaces. Records are separated by a blank line.

#include <memory>
#include <string>
#include <string_view>

#include "query/export/export_sink.hpp"

namespace ldn {

// Lines of this many columns at most (code points), unless one word alone is longer.
inline constexpr std::size_t nbib_line_width = 80;

// One field: "TAG - value" with the tag padded to four characters, the value made single-line and
// wrapped at spaces; empty when the value is empty.
std::string nbib_field(std::string_view tag, std::string_view value);

std::unique_ptr<ExportSink> make_nbib_sink();

}  // namespace ldn
