// The text of `ldn show`: every block of a full record, the retraction warning, parts a record
// lacks left out, and wrapping to the width.

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "query/cli/record_view.hpp"
#include "query/cli/terminal.hpp"
#include "tests/unit/query/export_test_records.hpp"

namespace {

using ldn::cli::record_view;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

bool has_line_starting(const std::string& text, const std::string& start) {
    for (const std::string& line : lines_of(text))
        if (line.starts_with(start)) return true;
    return false;
}

}  // namespace

TEST_CASE("a full record shows every block in order", "[record-view]") {
    CHECK(record_view(ldn::test::full_record(), 80) ==
          "Low-dose naltrexone for fibromyalgia: a randomized, placebo-controlled trial.\n"
          "Authors:    Doe JF Jr, Müller J, Zhang W\n"
          "Journal:    The New England journal of medicine. 2020;12(3):1865-76\n"
          "Published:  2020-03-15\n"
          "Types:      Journal Article, Randomized Controlled Trial\n"
          "Language:   eng\n"
          "\n"
          "BACKGROUND: Fibromyalgia is common.\n"
          "\n"
          "RESULTS: Pain fell by 30%.\n"
          "\n"
          "MeSH:       *Fibromyalgia/*drug therapy; Naltrexone/administration & dosage\n"
          "Keywords:   low-dose naltrexone, fibromyalgia\n"
          "\n"
          "Annotations\n"
          "  Design:     rct (evidence level 2)\n"
          "  Conditions: fibromyalgia\n"
          "  N:          67\n"
          "  Doses:      1.5, 4.5 mg (low)\n"
          "  Duration:   12 weeks\n"
          "  Human:      yes\n"
          "\n"
          "PubMed:     https://pubmed.ncbi.nlm.nih.gov/31234567/\n"
          "DOI:        https://doi.org/10.1000/ldn.2020.12\n"
          "PMC:        https://www.ncbi.nlm.nih.gov/pmc/articles/PMC7654321/\n");
}

TEST_CASE("a retracted record opens with a warning line before its title", "[record-view]") {
    ldn::ExportRecord record = ldn::test::full_record();
    record.article.retracted = true;
    const auto lines = lines_of(record_view(record, 80));
    REQUIRE(lines.size() > 2);
    CHECK(lines[0] == "[RETRACTED] This publication has been retracted.");
    CHECK(lines[1].starts_with("Low-dose naltrexone for fibromyalgia"));
    CHECK(record_view(ldn::test::full_record(), 80).find("RETRACTED") == std::string::npos);
}

TEST_CASE("parts a record lacks are left out with their labels", "[record-view]") {
    ldn::ExportRecord record = ldn::test::small_record();  // no abstract, MeSH, keywords, PMC, types
    record.article.doi.clear();
    record.article.journal.issue.clear();
    record.article.journal.pages.clear();
    const std::string text = record_view(record, 80);
    CHECK(text ==
          "Naltrexone in chronic pain.\n"
          "Authors:    Adams AA\n"
          "Journal:    The journal of pain. 2019;20\n"
          "Published:  2019-04\n"
          "\n"
          "Annotations\n"
          "  Design:     other (evidence level 5)\n"
          "  Human:      yes\n"
          "\n"
          "PubMed:     https://pubmed.ncbi.nlm.nih.gov/30000001/\n");
    for (const char* absent : {"Types:", "Language:", "MeSH:", "Keywords:", "Conditions:", "N:", "Doses:", "Duration:",
                               "DOI:", "PMC:"}) {
        INFO(absent);
        CHECK_FALSE(has_line_starting(text, absent));
        CHECK_FALSE(has_line_starting(text, std::string("  ") + absent));
    }
}

TEST_CASE("group authors, a MedlineDate, a vernacular title and an unlabelled abstract", "[record-view]") {
    ldn::ExportRecord record = ldn::test::small_record();
    record.article.authors.push_back(ldn::test::group("LDN Trial Group"));
    record.article.medline_date = "2019 Apr-May";
    record.article.vernacular_title = "Naltrexon bei chronischem Schmerz.";
    record.article.abstract = {{"", "", "One paragraph\nwith a line break."}};
    record.annotations.human = false;
    record.annotations.duration_weeks = 13.044;  // "3 months"
    record.annotations.doses_mg = {50};
    const auto lines = lines_of(record_view(record, 80));
    CHECK(lines[1] == "Naltrexon bei chronischem Schmerz.");
    CHECK(lines[2] == "Authors:    Adams AA, LDN Trial Group");
    CHECK(lines[4] == "Published:  2019-04 (2019 Apr-May)");
    CHECK(lines[6] == "One paragraph with a line break.");
    const std::string text = record_view(record, 80);
    CHECK(text.find("  Duration:   13 weeks\n") != std::string::npos);
    CHECK(text.find("  Doses:      50 mg\n") != std::string::npos);
    CHECK(text.find("  Human:      no\n") != std::string::npos);
}

TEST_CASE("long text wraps to the width, labelled values under their first line, links whole", "[record-view]") {
    ldn::ExportRecord record = ldn::test::full_record();
    record.article.abstract = {{"METHODS", "METHODS",
                                "Sixty-seven women with fibromyalgia were randomized to low-dose naltrexone or "
                                "placebo for twelve weeks and followed for a further twelve weeks."}};
    record.article.keywords = {"low-dose naltrexone", "fibromyalgia", "chronic widespread pain", "opioid antagonist",
                               "glia"};
    const std::string text = record_view(record, 50);
    const auto lines = lines_of(text);
    for (const std::string& line : lines) {
        INFO(line);
        if (line.find("https://") == std::string::npos) CHECK(ldn::cli::display_width(line) <= 50);
    }
    CHECK(text.find("PMC:        https://www.ncbi.nlm.nih.gov/pmc/articles/PMC7654321/\n") != std::string::npos);
    CHECK(text.find("METHODS: Sixty-seven women with fibromyalgia were\nrandomized") != std::string::npos);
    CHECK(text.find("Keywords:   low-dose naltrexone, fibromyalgia,\n            chronic widespread pain") !=
          std::string::npos);
}
