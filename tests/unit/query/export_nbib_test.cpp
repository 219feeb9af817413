// PubMed's MEDLINE (.nbib) format: four-character tags, wrapped values, continuation lines indented
// by six spaces, a blank line between records.
#include <catch2/catch.hpp>

#include "query/export/export_format.hpp"
#include "query/export/nbib_sink.hpp"
#include "tests/unit/query/export_test_records.hpp"

using namespace ldn;
using namespace ldn::test;

namespace {

std::string nbib(const std::vector<ExportRecord>& records) { return format_records(ExportFormat::nbib, records); }

std::size_t code_points(const std::string& text) {
    std::size_t count = 0;
    for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// The value of a field, its continuation lines joined by spaces the way readers join them.
std::string unwrapped(const std::string& field) {
    std::string out;
    for (const std::string& line : lines_of(field)) {
        if (!out.empty()) out += ' ';
        out += line.substr(6);
    }
    return out;
}

}  // namespace

TEST_CASE("a full record in MEDLINE format", "[export][nbib]") {
    const std::string expected =
        "PMID- 31234567\n"
        "IS  - 0028-4793\n"
        "VI  - 12\n"
        "IP  - 3\n"
        "DP  - 2020 Mar 15\n"
        "TI  - Low-dose naltrexone for fibromyalgia: a randomized, placebo-controlled\n"
        "      trial.\n"
        "PG  - 1865-76\n"
        "LID - 10.1000/ldn.2020.12 [doi]\n"
        "AB  - BACKGROUND: Fibromyalgia is common. RESULTS: Pain fell by 30%.\n"
        "FAU - Doe, John F Jr\n"
        "AU  - Doe JF Jr\n"
        "AUID- ORCID: 0000-0002-1825-0097\n"
        "AD  - Department of Anesthesiology, Example University, Springfield, USA.\n"
        "FAU - Müller, Jörg\n"
        "AU  - Müller J\n"
        "FAU - Zhang, Wei\n"
        "AU  - Zhang W\n"
        "LA  - eng\n"
        "PT  - Journal Article\n"
        "PT  - Randomized Controlled Trial\n"
        "TA  - N Engl J Med\n"
        "JT  - The New England journal of medicine\n"
        "MH  - *Fibromyalgia/*drug therapy\n"
        "MH  - Naltrexone/administration & dosage\n"
        "OT  - low-dose naltrexone\n"
        "OT  - fibromyalgia\n"
        "PMC - PMC7654321\n"
        "AID - 10.1000/ldn.2020.12 [doi]\n"
        "AID - NEJMoa2000001 [pii]\n"
        "SO  - N Engl J Med. 2020 Mar 15;12(3):1865-76. doi: 10.1000/ldn.2020.12.\n";
    CHECK(nbib({full_record()}) == expected);
}

TEST_CASE("long values wrap at spaces within 80 columns", "[export][nbib]") {
    std::string value;
    for (int i = 0; i < 60; ++i) value += (i % 3 == 0 ? "Müller " : "naltrexone ");
    value += "end";
    const std::string field = nbib_field("AB", value);
    const std::vector<std::string> lines = lines_of(field);
    REQUIRE(lines.size() > 5);
    CHECK(lines[0].substr(0, 6) == "AB  - ");
    for (std::size_t i = 0; i < lines.size(); ++i) {
        CAPTURE(lines[i]);
        CHECK(code_points(lines[i]) <= nbib_line_width);
        if (i != 0) CHECK(lines[i].substr(0, 6) == "      ");
        CHECK(lines[i].back() != ' ');
    }
    CHECK(unwrapped(field) == value);
    // A word longer than a line is never cut.
    const std::string url = "https://example.org/" + std::string(100, 'x');
    CHECK(nbib_field("AB", "see " + url) == "AB  - see\n      " + url + "\n");
}

TEST_CASE("MEDLINE edge records", "[export][nbib]") {
    ExportRecord medline_date = small_record();
    medline_date.article.medline_date = "2019 Jan-Feb";
    struct Row {
        const char* what;
        ExportRecord record;
        std::vector<std::string> present;
        std::vector<std::string> absent;
    };
    const Row rows[] = {
        {"a group author is CN", with_authors({group("LDN Trial Group")}), {"CN  - LDN Trial Group\n"}, {"FAU -"}},
        {"no fore name", with_authors({person("Doe", "", "")}), {"FAU - Doe\n", "AU  - Doe\n"}, {}},
        {"no authors", with_authors({}), {"TI  - Naltrexone in chronic pain.\n"}, {"AU  -", "CN  -"}},
        {"no pages", elocation_only_record(), {"LID - 10.1371/journal.pone.0123456 [doi]\n"}, {"PG  -"}},
        {"MedlineDate as printed", medline_date, {"DP  - 2019 Jan-Feb\n"}, {}},
        {"retracted", retracted_record(), {"PT  - Retracted Publication\n", "GN  - Retracted publication\n"}, {}},
        {"hostile text stays in its field", hostile_record(),
         {"TI  - =cmd|' /C calc'!A0\n", "AB  - <script>alert(1)</script> {unbalanced"}, {}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.what);
        const std::string text = nbib({row.record});
        for (const std::string& line : lines_of(text)) {
            CAPTURE(line);
            const bool tagged = line.size() >= 6 && line.substr(4, 2) == "- ";
            const bool continued = line.substr(0, 6) == "      ";
            CHECK((tagged || continued));
        }
        for (const std::string& line : row.present) CHECK(text.find(line) != std::string::npos);
        for (const std::string& line : row.absent) CHECK(text.find(line) == std::string::npos);
    }
    ExportRecord retracted_typed_once = retracted_record();
    const std::string text = nbib({retracted_typed_once});
    CHECK(text.find("PT  - Retracted Publication") == text.rfind("PT  - Retracted Publication"));
    CHECK(nbib({small_record(), small_record()}).find("\n\nPMID- 30000001\n") != std::string::npos);
}
