// APA 7 references, checked against references formatted by hand from the rules in docs/EXPORTS.md:
// "Last, A. B." names, "&" before the last of up to 20, 21 or more as the first 19, ". . ." and the
// last; (Year). Title. Journal in title case, Vol(Issue), pages with an en dash. https://doi.org/…
#include <catch2/catch.hpp>

#include "query/export/apa_style.hpp"
#include "tests/unit/query/export_test_records.hpp"

using namespace ldn;
using namespace ldn::test;

namespace {

// "Author1, A., Author2, A., …" for authors first to last, each followed by ", ".
std::string numbered_apa_names(int first, int last) {
    std::string out;
    for (int i = first; i <= last; ++i) out += "Author" + std::to_string(i) + ", A., ";
    return out;
}

}  // namespace

TEST_CASE("APA references follow the APA 7 rules", "[export][apa]") {
    const std::string rest =
        "(2019). Naltrexone in chronic pain. The Journal of Pain, 20(4), 100\u2013110. https://doi.org/10.1000/jpain.2019.4";
    ExportRecord undated = small_record();
    undated.article.year.reset();
    undated.article.pubdate = "";
    struct Row {
        const char* what;
        ExportRecord record;
        std::string expected;
    };
    const Row rows[] = {
        {"full record", full_record(),
         "Doe, J. F., Jr., Müller, J., & Zhang, W. (2020). Low-dose naltrexone for fibromyalgia: a randomized, "
         "placebo-controlled trial. The New England Journal of Medicine, 12(3), 1865\u20131876. "
         "https://doi.org/10.1000/ldn.2020.12"},
        {"one author", small_record(), "Adams, A. A. " + rest},
        {"two authors keep the comma before &", with_authors({person("Adams", "Alice A", "AA"), person("Brown", "Bo", "B")}),
         "Adams, A. A., & Brown, B. " + rest},
        {"seven authors are all listed", with_authors(numbered_authors(7)),
         numbered_apa_names(1, 6) + "& Author7, A. " + rest},
        {"twenty authors are all listed", with_authors(numbered_authors(20)),
         numbered_apa_names(1, 19) + "& Author20, A. " + rest},
        {"twenty-one: the first 19, an ellipsis, the last", with_authors(numbered_authors(21)),
         numbered_apa_names(1, 19) + ". . . Author21, A. " + rest},
        {"a group author", with_authors({group("LDN Trial Group")}), "LDN Trial Group. " + rest},
        {"no authors: the title moves before the date", with_authors({}),
         "Naltrexone in chronic pain. (2019). The Journal of Pain, 20(4), 100\u2013110. "
         "https://doi.org/10.1000/jpain.2019.4"},
        {"no fore name", with_authors({person("Doe", "", "")}), "Doe. " + rest},
        {"non-ASCII names", with_authors({person("Müller", "Jörg", ""), person("王", "小明", "")}),
         "Müller, J., & 王, 小. " + rest},
        {"no date", undated,
         "Adams, A. A. (n.d.). Naltrexone in chronic pain. The Journal of Pain, 20(4), 100\u2013110. "
         "https://doi.org/10.1000/jpain.2019.4"},
        {"no pages", elocation_only_record(),
         "Adams, A. A. (2019). Naltrexone in chronic pain. PloS One, 10(3). https://doi.org/10.1371/journal.pone.0123456"},
        {"retracted", retracted_record(), "[RETRACTED] Adams, A. A. " + rest},
    };
    for (const Row& row : rows) {
        CAPTURE(row.what);
        CHECK(apa_reference(row.record.article) == row.expected);
    }
}
