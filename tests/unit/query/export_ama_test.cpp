// AMA 11th edition references, checked against references formatted by hand from the rules in
// docs/EXPORTS.md: up to six authors, else three and "et al"; "Last AB" initials; NLM abbreviation
// without periods; "Year;Vol(Issue):pages" with full page ranges; "doi:" with no final period.
#include <catch2/catch.hpp>

#include "query/export/ama_style.hpp"
#include "tests/unit/query/export_test_records.hpp"

using namespace ldn;
using namespace ldn::test;

namespace {

ExportRecord titled(std::string title) {
    ExportRecord record = small_record();
    record.article.title = std::move(title);
    return record;
}

}  // namespace

TEST_CASE("AMA references follow the AMA 11th edition rules", "[export][ama]") {
    const std::string rest = "Naltrexone in chronic pain. J Pain. 2019;20(4):100-110. doi:10.1000/jpain.2019.4";
    struct Row {
        const char* what;
        ExportRecord record;
        std::string expected;
    };
    const Row rows[] = {
        {"full record", full_record(),
         "Doe JF Jr, Müller J, Zhang W. Low-dose naltrexone for fibromyalgia: a randomized, placebo-controlled "
         "trial. N Engl J Med. 2020;12(3):1865-1876. doi:10.1000/ldn.2020.12"},
        {"one author", small_record(), "Adams AA. " + rest},
        {"six authors are all listed", with_authors(numbered_authors(6)),
         "Author1 A, Author2 A, Author3 A, Author4 A, Author5 A, Author6 A. " + rest},
        {"seven authors: the first three and et al", with_authors(numbered_authors(7)),
         "Author1 A, Author2 A, Author3 A, et al. " + rest},
        {"a group author", with_authors({group("LDN Trial Group")}), "LDN Trial Group. " + rest},
        {"a person and a group: a semicolon before the group",
         with_authors({person("Doe", "John F", "JF"), group("LDN Trial Group")}), "Doe JF; LDN Trial Group. " + rest},
        {"no authors: the title first", with_authors({}), rest},
        {"no fore name", with_authors({person("Doe", "", "")}), "Doe. " + rest},
        {"initials derived from the fore name", with_authors({person("Dupont", "Jean-Luc Marie", "")}),
         "Dupont JLM. " + rest},
        {"non-ASCII names", with_authors({person("李", "华", ""), person("Øster", "Åse", "Å")}), "李 华, Øster Å. " + rest},
        {"no pages, the DOI is the location", elocation_only_record(),
         "Adams AA. Naltrexone in chronic pain. PLoS One. 2019;10(3). doi:10.1371/journal.pone.0123456"},
        {"retracted", retracted_record(), "[RETRACTED] Adams AA. " + rest},
        {"line breaks inside the title", titled("Naltrexone\nin chronic\r\npain"), "Adams AA. " + rest},
        {"a question keeps its mark", titled("Does naltrexone help?"),
         "Adams AA. Does naltrexone help? J Pain. 2019;20(4):100-110. doi:10.1000/jpain.2019.4"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.what);
        CHECK(ama_reference(row.record.article) == row.expected);
    }
}

TEST_CASE("AMA references leave out what the record lacks", "[export][ama]") {
    ExportRecord record = small_record();
    record.article.journal.issue = "";
    record.article.doi = "";
    CHECK(ama_reference(record.article) == "Adams AA. Naltrexone in chronic pain. J Pain. 2019;20:100-110.");
    record.article.journal.volume = "";
    record.article.journal.pages = "";
    CHECK(ama_reference(record.article) == "Adams AA. Naltrexone in chronic pain. J Pain. 2019.");
}
