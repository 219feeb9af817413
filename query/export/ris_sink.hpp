#pragma once
// RIS (Research Information Systems, 2011 specification) for EndNote, Zotero and Mendeley. Each line
// is "TAG  - value" (two capital letters or a letter and a digit, two spaces, a hyphen, a space), one
// value a line, CRLF line ends, a record from "TY  - JOUR" to "ER  - ".

#include <memory>
#include <string>
#include <string_view>

#include "query/export/export_sink.hpp"

namespace ldn {

// One RIS line for a value, made single-line; empty when the value is empty, so absent fields leave
// no empty tags behind.
std::string ris_line(std::string_view tag, std::string_view value);

std::unique_ptr<ExportSink> make_ris_sink();

}  // namespace ldn
