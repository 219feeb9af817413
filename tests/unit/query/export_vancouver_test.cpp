// Vancouver (ICMJE / NLM Citing Medicine) references, checked against references formatted by hand
// from the rules in docs/EXPORTS.md: up to six authors, else six and "et al."; NLM abbreviation;
// "Year Mon Day;Vol(Issue):pages" with abbreviated end pages; the MedlineDate as printed.
#include <catch2/catch.hpp>

#include "query/export/vancouver_style.hpp"
#include "tests/unit/query/export_test_records.hpp"

using namespace ldn;
using namespace ldn::test;

TEST_CASE("Vancouver references follow ICMJE and Citing Medicine", "[export][vancouver]") {
    const std::string rest = "Naltrexone in chronic pain. J Pain. 2019 Apr;20(4):100-10. doi:10.1000/jpain.2019.4";
    ExportRecord medline_date = small_record();
    medline_date.article.medline_date = "2019 Jan-Feb";
    ExportRecord full_end_page = small_record();
    full_end_page.article.journal.pages = "1129-1131";
    struct Row {
        const char* what;
        ExportRecord record;
        std::string expected;
    };
    const Row rows[] = {
        {"full record", full_record(),
         "Doe JF Jr, Müller J, Zhang W. Low-dose naltrexone for fibromyalgia: a randomized, placebo-controlled "
         "trial. N Engl J Med. 2020 Mar 15;12(3):1865-76. doi:10.1000/ldn.2020.12"},
        {"one author", small_record(), "Adams AA. " + rest},
        {"six authors are all listed", with_authors(numbered_authors(6)),
         "Author1 A, Author2 A, Author3 A, Author4 A, Author5 A, Author6 A. " + rest},
        {"seven authors: the first six and et al.", with_authors(numbered_authors(7)),
         "Author1 A, Author2 A, Author3 A, Author4 A, Author5 A, Author6 A, et al. " + rest},
        {"a group author", with_authors({group("LDN Trial Group")}), "LDN Trial Group. " + rest},
        {"a person and a group", with_authors({person("Doe", "John F", "JF"), group("LDN Trial Group")}),
         "Doe JF; LDN Trial Group. " + rest},
        {"no authors", with_authors({}), rest},
        {"the MedlineDate as printed", medline_date,
         "Adams AA. Naltrexone in chronic pain. J Pain. 2019 Jan-Feb;20(4):100-10. doi:10.1000/jpain.2019.4"},
        {"a full end page is abbreviated", full_end_page,
         "Adams AA. Naltrexone in chronic pain. J Pain. 2019 Apr;20(4):1129-31. doi:10.1000/jpain.2019.4"},
        {"no pages", elocation_only_record(),
         "Adams AA. Naltrexone in chronic pain. PLoS One. 2019 Apr;10(3). doi:10.1371/journal.pone.0123456"},
        {"retracted", retracted_record(), "[RETRACTED] Adams AA. " + rest},
    };
    for (const Row& row : rows) {
        CAPTURE(row.what);
        CHECK(vancouver_reference(row.record.article) == row.expected);
    }
}
