#include "query/export/export_format.hpp"

#include <array>
#include <utility>

#include "query/export/ama_style.hpp"
#include "query/export/apa_style.hpp"
#include "query/export/bibtex_sink.hpp"
#include "query/export/csl_json_sink.hpp"
#include "query/export/csv_sink.hpp"
#include "query/export/nbib_sink.hpp"
#include "query/export/reference_style.hpp"
#include "query/export/ris_sink.hpp"
#include "query/export/vancouver_style.hpp"

namespace ldn {

namespace {

constexpr std::array<std::pair<ExportFormat, std::string_view>, 8> format_names = {{
    {ExportFormat::csv, "csv"},
    {ExportFormat::ris, "ris"},
    {ExportFormat::bibtex, "bibtex"},
    {ExportFormat::csl_json, "csl-json"},
    {ExportFormat::nbib, "nbib"},
    {ExportFormat::ama, "ama"},
    {ExportFormat::vancouver, "vancouver"},
    {ExportFormat::apa, "apa"},
}};

}  // namespace

std::string_view export_format_name(ExportFormat format) {
    for (const auto& [candidate, name] : format_names)
        if (candidate == format) return name;
    return {};
}

std::optional<ExportFormat> parse_export_format(std::string_view name) {
    for (const auto& [format, candidate] : format_names)
        if (candidate == name) return format;
    return std::nullopt;
}

const std::vector<ExportFormat>& all_export_formats() {
    static const std::vector<ExportFormat> formats = [] {
        std::vector<ExportFormat> out;
        for (const auto& entry : format_names) out.push_back(entry.first);
        return out;
    }();
    return formats;
}

std::unique_ptr<ExportSink> make_export_sink(ExportFormat format) {
    switch (format) {
    case ExportFormat::csv: return make_csv_sink();
    case ExportFormat::ris: return make_ris_sink();
    case ExportFormat::bibtex: return make_bibtex_sink();
    case ExportFormat::csl_json: return make_csl_json_sink();
    case ExportFormat::nbib: return make_nbib_sink();
    case ExportFormat::ama: return make_reference_sink(ama_reference);
    case ExportFormat::vancouver: return make_reference_sink(vancouver_reference);
    case ExportFormat::apa: return make_reference_sink(apa_reference);
    }
    return make_csv_sink();  // unreachable: every enumerator is handled above
}

std::string format_records(ExportFormat format, const std::vector<ExportRecord>& records) {
    const std::unique_ptr<ExportSink> sink = make_export_sink(format);
    std::string out = sink->begin();
    for (const ExportRecord& record : records) out += sink->record(record);
    out += sink->end();
    return out;
}

}  // namespace ldn
