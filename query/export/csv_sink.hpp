#pragma once
// CSV (RFC 4180) for spreadsheets and scripts: one header row, one row per record, every line ended
// by CRLF. The annotations are columns here, next to the bibliographic fields.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "query/export/export_sink.hpp"

namespace ldn {

// The header row's column names, in order.
const std::vector<std::string_view>& csv_columns();

// One cell: made single-line, neutralised against spreadsheet formula injection (a value starting
// with =, +, -, @, tab or CR gets a leading apostrophe, as OWASP advises), then quoted when it holds
// a comma, a quote or a line break, with quotes doubled.
std::string csv_cell(std::string_view value);

std::unique_ptr<ExportSink> make_csv_sink();

}  // namespace ldn
