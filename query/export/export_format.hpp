#pragma once
// The export formats by name, and the one switch from a format to its sink.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/export/export_sink.hpp"

namespace ldn {

enum class ExportFormat { csv, ris, bibtex, csl_json, nbib, ama, vancouver, apa };

// The name users type (`--format csl-json`, `--style ama`).
std::string_view export_format_name(ExportFormat format);
// The format of a name, or nullopt for an unknown one. Names are matched exactly (lower case).
std::optional<ExportFormat> parse_export_format(std::string_view name);
// Every format, in the order help texts list them.
const std::vector<ExportFormat>& all_export_formats();

std::unique_ptr<ExportSink> make_export_sink(ExportFormat format);

// The whole export of `records` in one string: begin, every record, end.
std::string format_records(ExportFormat format, const std::vector<ExportRecord>& records);

}  // namespace ldn
