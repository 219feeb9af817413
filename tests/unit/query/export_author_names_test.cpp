// Author name pieces and journal names shared by the formats.
#include <catch2/catch.hpp>

#include "query/export/author_names.hpp"
#include "query/export/export_text.hpp"
#include "query/export/journal_names.hpp"
#include "tests/unit/query/export_test_records.hpp"

using namespace ldn;
using namespace ldn::test;

TEST_CASE("initials come from the record or from the fore name", "[export][authors]") {
    struct Row {
        Author author;
        const char* initials;
        const char* dotted;
    };
    const Row rows[] = {
        {person("Doe", "John F", "JF"), "JF", "J. F."},
        {person("Dupont", "Jean-Luc", ""), "JL", "J. L."},
        {person("Doe", "j. f.", ""), "JF", "J. F."},
        {person("Øster", "Åse", ""), "Å", "Å."},
        {person("王", "小明", ""), "小", "小."},
        {person("Doe", "", ""), "", ""},
    };
    for (const Row& row : rows) {
        CAPTURE(row.author.fore);
        CHECK(initials_of(row.author) == row.initials);
        CHECK(dotted_initials(row.author) == row.dotted);
    }
}

TEST_CASE("a group author is one name and empty authors are dropped", "[export][authors]") {
    CHECK(is_collective(group("LDN Trial Group")));
    CHECK_FALSE(is_collective(person("Doe", "John", "J")));
    CHECK(family_or_group_name(group("LDN\nTrial Group")) == "LDN Trial Group");
    Article article;
    article.authors = {person("", "", ""), group("LDN Trial Group"), person("Doe", "", "")};
    CHECK(named_authors(article).size() == 2);
}

TEST_CASE("journal names for the styles", "[export][journals]") {
    CHECK(nlm_journal_abbreviation({"The New England journal of medicine", "N. Engl. J. Med.", "", "", "", ""}) ==
          "N Engl J Med");
    CHECK(nlm_journal_abbreviation({"Pain", "", "", "", "", ""}) == "Pain");
    struct Row {
        const char* title;
        const char* title_case;
    };
    const Row rows[] = {
        {"The New England journal of medicine", "The New England Journal of Medicine"},
        {"Arthritis research & therapy", "Arthritis Research & Therapy"},
        {"the journal of pain", "The Journal of Pain"},
        {"mBio", "mBio"},
        {"BMJ open", "BMJ Open"},
        {"Pain: a journal for the clinic", "Pain: A Journal for the Clinic"},
        {"Cross-sectional studies in pain", "Cross-Sectional Studies in Pain"},
        {"", ""},
    };
    for (const Row& row : rows) {
        CAPTURE(row.title);
        CHECK(apa_title_case(row.title) == row.title_case);
    }
}

TEST_CASE("text is made single-line and titles lose PubMed's final period", "[export][text]") {
    CHECK(single_line("  a\tb\r\nc\u2028d\x01" "e  ") == "a b c d e");
    CHECK(single_line("Müller 中文") == "Müller 中文");
    CHECK(title_without_final_period("A trial.") == "A trial");
    CHECK(title_without_final_period("A trial?") == "A trial?");
    CHECK(title_without_final_period("And so on...") == "And so on...");
    CHECK(bare_doi("https://doi.org/10.1/x") == "10.1/x");
    CHECK(bare_doi("doi:10.1/x") == "10.1/x");
    CHECK(decimal_text(4.5) == "4.5");
    CHECK(decimal_text(50) == "50");
}
