// The export interface: format names, sinks that stream record by record, and the retraction mark
// that every format must carry.
#include <catch2/catch.hpp>

#include "query/export/export_format.hpp"
#include "tests/unit/query/export_test_records.hpp"

using namespace ldn;
using namespace ldn::test;

TEST_CASE("formats are known by their names", "[export][format]") {
    for (const ExportFormat format : all_export_formats()) {
        CAPTURE(export_format_name(format));
        CHECK(parse_export_format(export_format_name(format)) == format);
    }
    CHECK(all_export_formats().size() == 8);
    CHECK(parse_export_format("csl-json") == ExportFormat::csl_json);
    CHECK_FALSE(parse_export_format("CSV").has_value());
    CHECK_FALSE(parse_export_format("endnote").has_value());
}

TEST_CASE("a retracted record is marked in every format, and only then", "[export][format][retraction]") {
    struct Row {
        ExportFormat format;
        const char* mark;
    };
    const Row rows[] = {
        {ExportFormat::csv, ",true,true,https://pubmed.ncbi.nlm.nih.gov/30000001/"},
        {ExportFormat::ris, "N1  - Retracted publication"},
        {ExportFormat::bibtex, "note = {Retracted publication}"},
        {ExportFormat::csl_json, "\"status\": \"retracted\""},
        {ExportFormat::nbib, "GN  - Retracted publication"},
        {ExportFormat::ama, "[RETRACTED] Adams AA."},
        {ExportFormat::vancouver, "[RETRACTED] Adams AA."},
        {ExportFormat::apa, "[RETRACTED] Adams, A. A."},
    };
    REQUIRE(std::size(rows) == all_export_formats().size());
    for (const Row& row : rows) {
        CAPTURE(export_format_name(row.format));
        CHECK(format_records(row.format, {retracted_record()}).find(row.mark) != std::string::npos);
        CHECK(format_records(row.format, {small_record()}).find(row.mark) == std::string::npos);
    }
}

TEST_CASE("a sink streams: begin, one piece per record, end", "[export][format]") {
    for (const ExportFormat format : all_export_formats()) {
        CAPTURE(export_format_name(format));
        const std::vector<ExportRecord> records = {full_record(), small_record(), hostile_record()};
        const std::unique_ptr<ExportSink> sink = make_export_sink(format);
        std::string streamed = sink->begin();
        for (const ExportRecord& record : records) {
            const std::string piece = sink->record(record);
            CHECK_FALSE(piece.empty());
            streamed += piece;
        }
        streamed += sink->end();
        CHECK(streamed == format_records(format, records));
        CHECK(streamed.find("Low-dose naltrexone for fibromyalgia") != std::string::npos);
        CHECK(streamed.find("Naltrexone in chronic pain") != std::string::npos);
    }
}

TEST_CASE("an export of nothing is an empty document", "[export][format]") {
    CHECK(format_records(ExportFormat::csv, {}).find("pmid,year,title") == 0);
    CHECK(format_records(ExportFormat::csl_json, {}) == "[]\n");
    for (const ExportFormat format : {ExportFormat::ris, ExportFormat::bibtex, ExportFormat::nbib, ExportFormat::ama,
                                      ExportFormat::vancouver, ExportFormat::apa})
        CHECK(format_records(format, {}).empty());
}

TEST_CASE("text references are one line per record", "[export][format]") {
    for (const ExportFormat format : {ExportFormat::ama, ExportFormat::vancouver, ExportFormat::apa}) {
        CAPTURE(export_format_name(format));
        const std::string text = format_records(format, {full_record(), hostile_record(), with_authors({})});
        CHECK(std::count(text.begin(), text.end(), '\n') == 3);
        CHECK(text.find('\r') == std::string::npos);
    }
}
