// CSV: RFC 4180 quoting, CRLF line ends, formula injection neutralised, annotations as columns.
#include <catch2/catch.hpp>

#include "query/export/csv_sink.hpp"
#include "query/export/export_format.hpp"
#include "tests/unit/query/export_test_records.hpp"

using namespace ldn;
using namespace ldn::test;

TEST_CASE("a CSV cell is quoted and neutralised as needed", "[export][csv]") {
    struct Row {
        const char* value;
        const char* cell;
    };
    const Row rows[] = {
        {"plain", "plain"},
        {"", ""},
        {"a, b", "\"a, b\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"=1+2", "'=1+2"},
        {"+1", "'+1"},
        {"-1", "'-1"},
        {"@SUM(A1)", "'@SUM(A1)"},
        {"\t=1", "'=1"},
        {"\r=1", "'=1"},
        {"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
        {"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
        {"line\nbreak", "line break"},
        {"Müller 中文", "Müller 中文"},
        {"<script>", "<script>"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.value);
        CHECK(csv_cell(row.value) == row.cell);
    }
}

TEST_CASE("a CSV export is a header and one CRLF row per record", "[export][csv]") {
    const std::string expected =
        "pmid,year,title,authors,journal,journal_abbrev,volume,issue,pages,doi,pmcid,publication_types,design,"
        "evidence_level,conditions,sample_size,doses_mg,dose_class,duration_weeks,human,retracted,url\r\n"
        "31234567,2020,\"Low-dose naltrexone for fibromyalgia: a randomized, placebo-controlled trial.\","
        "Doe JF Jr; Müller J; Zhang W,The New England journal of medicine,N Engl J Med,12,3,1865-76,"
        "10.1000/ldn.2020.12,PMC7654321,Journal Article; Randomized Controlled Trial,rct,2,fibromyalgia,67,"
        "1.5; 4.5,low,12,true,false,https://pubmed.ncbi.nlm.nih.gov/31234567/\r\n";
    CHECK(format_records(ExportFormat::csv, {full_record()}) == expected);
}

TEST_CASE("CSV edge records keep one line each", "[export][csv]") {
    ExportRecord collective = with_authors({person("Doe", "", ""), group("LDN Trial Group")});
    ExportRecord no_annotations = small_record();
    no_annotations.annotations.dose_class.reset();
    const std::string text =
        format_records(ExportFormat::csv, {hostile_record(), retracted_record(), collective, no_annotations});
    std::size_t lines = 0;
    for (std::size_t at = text.find("\r\n"); at != std::string::npos; at = text.find("\r\n", at + 2)) ++lines;
    CHECK(lines == 5);
    CHECK(text.find('\n') == text.find("\r\n") + 1);  // no bare line feed anywhere before the first CRLF
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') CHECK(text[i - 1] == '\r');
    CHECK(text.find(",'=cmd|' /C calc'!A0,") != std::string::npos);
    CHECK(text.find("true,true,https://pubmed.ncbi.nlm.nih.gov/30000001/\r\n") != std::string::npos);
    CHECK(text.find(",Doe; LDN Trial Group,") != std::string::npos);
    CHECK(text.find(",other,5,,,,,,true,false,") != std::string::npos);
}
