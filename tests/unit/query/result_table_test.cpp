// The terminal table of `ldn search`: aligned columns, titles cut to the width, the retraction
// mark, the count line, facets and the spelling suggestion.

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "query/cli/result_table.hpp"
#include "query/cli/terminal.hpp"
#include "tests/unit/query/export_test_records.hpp"

namespace {

using ldn::cli::FacetCounts;
using ldn::cli::ResultPage;
using ldn::cli::ResultRow;
using ldn::cli::render_result_page;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

ResultRow row(std::string pmid, std::string design, std::string conditions, std::string n, std::string dose,
              std::string title) {
    return {std::move(pmid), "2021", std::move(design), std::move(conditions), std::move(n), std::move(dose),
            std::move(title), false};
}

ResultPage two_rows() {
    ResultPage page;
    page.rows = {row("90000001", "rct", "fibromyalgia", "31", "4.5 mg", "Low-dose naltrexone for fibromyalgia."),
                 row("123", "non-randomized-trial", "", "7", "", "Short.")};
    page.total = 57;
    return page;
}

// Where each line's title starts: the column of `needle` in that line, in characters.
std::size_t column_of(const std::string& line, const std::string& needle) {
    auto at = line.find(needle);
    REQUIRE(at != std::string::npos);
    return ldn::cli::display_width(line.substr(0, at));
}

}  // namespace

TEST_CASE("the table has a header and every column starts at the same place on every line", "[result-table]") {
    const auto lines = lines_of(render_result_page(two_rows(), 120));
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] == "PMID      Year  Design                Conditions     N  Dose    Title");
    CHECK(lines[1] == "90000001  2021  rct                   fibromyalgia  31  4.5 mg  Low-dose naltrexone for fibromyalgia.");
    CHECK(lines[2] == "123       2021  non-randomized-trial                 7          Short.");
    CHECK(column_of(lines[0], "Title") == column_of(lines[1], "Low-dose"));
    CHECK(column_of(lines[0], "Title") == column_of(lines[2], "Short."));
    CHECK(lines[3] == "Showing 1\u20132 of 57 records.");
}

TEST_CASE("an estimated total is printed as about so many records", "[result-table]") {
    ResultPage page = two_rows();
    page.total_is_exact = false;
    CHECK(lines_of(render_result_page(page, 120)).back() == "Showing 1\u20132 of about 57 records.");
}

TEST_CASE("a long title is cut with an ellipsis so that no line is wider than the terminal", "[result-table]") {
    ResultPage page = two_rows();
    page.rows[0].title = "Low-dose naltrexone for fibromyalgia: a randomized, double-blind, placebo-controlled, "
                         "crossover trial of twelve weeks in women.";
    for (std::size_t width : {80u, 100u, 120u}) {
        INFO("width " << width);
        const auto lines = lines_of(render_result_page(page, width));
        for (const std::string& line : lines) CHECK(ldn::cli::display_width(line) <= width);
        CHECK(lines[1].ends_with("\u2026"));
        CHECK(lines[1].find("Low-dose naltre") != std::string::npos);
    }
}

TEST_CASE("long condition lists are abbreviated before the title is squeezed", "[result-table]") {
    ResultPage page = two_rows();
    page.rows[0].conditions = "fibromyalgia, rheumatoid-arthritis, axial-spondyloarthritis, chronic-pain";
    const auto wide = lines_of(render_result_page(page, 200));
    CHECK(wide[1].find(page.rows[0].conditions) != std::string::npos);
    const auto narrow = lines_of(render_result_page(page, 120));
    INFO(narrow[1]);
    CHECK(narrow[1].find("axial-spondyloarthritis") == std::string::npos);
    CHECK(narrow[1].find("fibromyalgia, rheumatoid-arthr\u2026") != std::string::npos);
    CHECK(narrow[1].ends_with("  Low-dose naltrexone for fibromyalgia."));  // the title keeps its room
    for (const std::string& line : narrow) CHECK(ldn::cli::display_width(line) <= 120);
}

TEST_CASE("a retracted record's title starts with the retraction mark, which cutting keeps", "[result-table]") {
    ResultPage page = two_rows();
    page.rows[0].retracted = true;
    const auto lines = lines_of(render_result_page(page, 120));
    CHECK(lines[1].ends_with("[RETRACTED] Low-dose naltrexone for fibromyalgia."));
    CHECK(lines[2].find("[RETRACTED]") == std::string::npos);

    page.rows[0].title = std::string(200, 'x');
    const auto cut = lines_of(render_result_page(page, 80));
    CHECK(cut[1].ends_with("[RETRACTED] xxx\u2026"));
    CHECK(ldn::cli::display_width(cut[1]) == 80);
}

TEST_CASE("no match prints only the count line, and a page past the end says how many match", "[result-table]") {
    ResultPage empty;
    CHECK(render_result_page(empty, 100) == "No records match.\n");

    ResultPage past_end;
    past_end.total = 57;
    past_end.offset = 60;
    CHECK(render_result_page(past_end, 100) == "No records from 61 on: 57 records match.\n");
    past_end.total = 1;
    CHECK(render_result_page(past_end, 100) == "No records from 61 on: 1 record matches.\n");
}

TEST_CASE("a page without rows before the end is the count alone, as --limit 0 asks", "[result-table]") {
    ResultPage count_only;
    count_only.total = 30;
    count_only.facets = {FacetCounts{"design", {{"rct", 30}}}};
    CHECK(render_result_page(count_only, 100) == "30 records match.\ndesign: rct 30\n");
}

TEST_CASE("the count line numbers the page from the offset, in the singular for one", "[result-table]") {
    ResultPage page = two_rows();
    page.offset = 20;
    CHECK(lines_of(render_result_page(page, 100)).back() == "Showing 21\u201322 of 57 records.");
    page.rows.pop_back();
    page.offset = 0;
    page.total = 1;
    CHECK(lines_of(render_result_page(page, 100)).back() == "Showing 1 of 1 record.");
}

TEST_CASE("facet lines list counts largest first, then by name, and years in year order", "[result-table]") {
    CHECK(ldn::cli::facet_lines({"design", {{"rct", 12}, {"sr-ma", 3}, {"case-report", 3}, {"review", 5}}}, 100) ==
          "design: rct 12 \u00b7 review 5 \u00b7 case-report 3 \u00b7 sr-ma 3\n");
    CHECK(ldn::cli::facet_lines({"year", {{"2021", 1}, {"2009", 4}, {"2015", 2}}}, 100) ==
          "year: 2009 4 \u00b7 2015 2 \u00b7 2021 1\n");
    CHECK(ldn::cli::facet_lines({"condition", {}}, 100) == "condition: none\n");

    ResultPage page = two_rows();
    page.facets = {FacetCounts{"year", {{"2021", 2}}}, FacetCounts{"design", {{"rct", 1}, {"other", 1}}}};
    const auto lines = lines_of(render_result_page(page, 100));
    REQUIRE(lines.size() == 6);
    CHECK(lines[4] == "year: 2021 2");
    CHECK(lines[5] == "design: other 1 \u00b7 rct 1");
}

TEST_CASE("a facet wider than the terminal continues under its first value, never splitting a count", "[result-table]") {
    FacetCounts years{"year", {}};
    for (int year = 2009; year <= 2025; ++year) years.counts[std::to_string(year)] = 1;
    const std::string text = ldn::cli::facet_lines(years, 60);
    const auto lines = lines_of(text);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "year: 2009 1 \u00b7 2010 1 \u00b7 2011 1 \u00b7 2012 1 \u00b7 2013 1 \u00b7 2014 1");
    CHECK(lines[1] == "      2015 1 \u00b7 2016 1 \u00b7 2017 1 \u00b7 2018 1 \u00b7 2019 1 \u00b7 2020 1");
    CHECK(lines[2] == "      2021 1 \u00b7 2022 1 \u00b7 2023 1 \u00b7 2024 1 \u00b7 2025 1");
    for (const std::string& line : lines) CHECK(ldn::cli::display_width(line) <= 60);
}

TEST_CASE("a suggestion is offered after the count and facets", "[result-table]") {
    ResultPage page;
    page.suggestion = "fibromyalgia naltrexone";
    page.facets = {FacetCounts{"design", {}}};
    CHECK(render_result_page(page, 100) == "No records match.\ndesign: none\nDid you mean: fibromyalgia naltrexone?\n");
}

TEST_CASE("a row shows the record's year, design, conditions, N, dose range and one-line title", "[result-table]") {
    ldn::ExportRecord record = ldn::test::full_record();
    record.annotations.conditions = {"fibromyalgia", "lupus"};
    record.article.title = "Low-dose\nnaltrexone.";
    const ResultRow full = ldn::cli::result_row(record);
    CHECK(full.pmid == "31234567");
    CHECK(full.year == "2020");
    CHECK(full.design == "rct");
    CHECK(full.conditions == "fibromyalgia, lupus");
    CHECK(full.sample_size == "67");
    CHECK(full.dose == "1.5\u20134.5 mg");
    CHECK(full.title == "Low-dose naltrexone.");
    CHECK_FALSE(full.retracted);

    ldn::ExportRecord bare = ldn::test::small_record();
    bare.annotations.doses_mg = {4.5};
    bare.article.retracted = true;
    bare.article.year.reset();
    const ResultRow small = ldn::cli::result_row(bare);
    CHECK(small.year.empty());
    CHECK(small.sample_size.empty());
    CHECK(small.conditions.empty());
    CHECK(small.dose == "4.5 mg");
    CHECK(small.retracted);
}
