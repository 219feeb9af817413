// RIS: "TAG  - value" lines with CRLF, one value a line, full end pages, a note for retractions.
#include <catch2/catch.hpp>

#include <regex>

#include "query/export/export_format.hpp"
#include "query/export/ris_sink.hpp"
#include "tests/unit/query/export_test_records.hpp"

using namespace ldn;
using namespace ldn::test;

namespace {

std::string ris(const std::vector<ExportRecord>& records) { return format_records(ExportFormat::ris, records); }

// Every line of an export obeys the RIS line rule, or is the blank line between records.
void check_ris_lines(const std::string& text) {
    static const std::regex tagged("^[A-Z][A-Z0-9]  - .*$");
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        const std::string line = text.substr(start, end - start);
        CAPTURE(line);
        CHECK(line.find('\n') == std::string::npos);
        CHECK(line.find('\r') == std::string::npos);
        CHECK((line.empty() || std::regex_match(line, tagged)));
        start = end + 2;
    }
}

}  // namespace

TEST_CASE("a full record in RIS", "[export][ris]") {
    const std::string expected =
        "TY  - JOUR\r\n"
        "TI  - Low-dose naltrexone for fibromyalgia: a randomized, placebo-controlled trial\r\n"
        "AU  - Doe, John F, Jr\r\n"
        "AU  - Müller, Jörg\r\n"
        "AU  - Zhang, Wei\r\n"
        "T2  - The New England journal of medicine\r\n"
        "J2  - N. Engl. J. Med.\r\n"
        "PY  - 2020\r\n"
        "DA  - 2020/03/15/\r\n"
        "VL  - 12\r\n"
        "IS  - 3\r\n"
        "SP  - 1865\r\n"
        "EP  - 1876\r\n"
        "SN  - 0028-4793\r\n"
        "DO  - 10.1000/ldn.2020.12\r\n"
        "AN  - 31234567\r\n"
        "C2  - PMC7654321\r\n"
        "UR  - https://pubmed.ncbi.nlm.nih.gov/31234567/\r\n"
        "DB  - PubMed\r\n"
        "AB  - BACKGROUND: Fibromyalgia is common. RESULTS: Pain fell by 30%.\r\n"
        "KW  - low-dose naltrexone\r\n"
        "KW  - fibromyalgia\r\n"
        "LA  - eng\r\n"
        "ER  - \r\n";
    CHECK(ris({full_record()}) == expected);
}

TEST_CASE("RIS edge records", "[export][ris]") {
    struct Row {
        const char* what;
        ExportRecord record;
        std::vector<std::string> present;
        std::vector<std::string> absent;
    };
    const Row rows[] = {
        {"a group author has no comma", with_authors({group("LDN Trial Group")}), {"AU  - LDN Trial Group\r\n"}, {}},
        {"no fore name", with_authors({person("Doe", "", "")}), {"AU  - Doe\r\n"}, {"AU  - Doe,"}},
        {"no authors", with_authors({}), {"TI  - Naltrexone in chronic pain\r\n"}, {"AU  -"}},
        {"seven authors, all of them", with_authors(numbered_authors(7)), {"AU  - Author7, Anne\r\n"}, {}},
        {"no pages", elocation_only_record(), {"DO  - 10.1371/journal.pone.0123456\r\n"}, {"SP  -", "EP  -"}},
        {"PubMed's short end page", small_record(), {"SP  - 100\r\n", "EP  - 110\r\n", "DA  - 2019/04//\r\n"}, {}},
        {"retracted", retracted_record(), {"N1  - Retracted publication\r\n"}, {}},
        {"not retracted", small_record(), {}, {"N1  -"}},
        {"hostile text stays on its line", hostile_record(),
         {"TI  - =cmd|' /C calc'!A0\r\n", "AB  - <script>alert(1)</script> {unbalanced", "second line\r\n"},
         {}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.what);
        const std::string text = ris({row.record});
        check_ris_lines(text);
        for (const std::string& line : row.present) CHECK(text.find(line) != std::string::npos);
        for (const std::string& line : row.absent) CHECK(text.find(line) == std::string::npos);
    }
}

TEST_CASE("RIS records are separated by a blank line", "[export][ris]") {
    const std::string text = ris({small_record(), full_record()});
    check_ris_lines(text);
    CHECK(text.find("ER  - \r\n\r\nTY  - JOUR\r\n") != std::string::npos);
    CHECK(ris_line("TI", " \n ").empty());
    CHECK(ris_line("TI", "a\nb") == "TI  - a b\r\n");
}
