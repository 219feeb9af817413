// The Markdown report: record text is escaped so it cannot format itself or break a table, and
// counts are said plainly.
#include <catch2/catch.hpp>

#include <sstream>

#include "query/summary/markdown_report.hpp"

using namespace ldn;

namespace {

const std::string hostile_title =
    "LDN | placebo: *bold* _under_ `code` <script>alert(1)</script> [link](http://x) ~~gone~~ &amp; #1";

// Pipes that separate cells: those without a backslash before them.
std::size_t cell_separators(const std::string& line) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++count;
    }
    return count;
}

std::vector<std::string> lines_with(const std::string& text, const std::string& part) {
    std::vector<std::string> found;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.find(part) != std::string::npos) found.push_back(line);
    }
    return found;
}

EvidenceSummary one_trial_summary() {
    StudyDigest trial;
    trial.pmid = "1";
    trial.year = 2024;
    trial.title = hostile_title;
    trial.design = "rct";
    trial.evidence_level = 2;
    trial.conditions = {"fibromyalgia"};
    trial.sample_size = 40;
    trial.doses_mg = {4.5};
    trial.duration_weeks = 12;
    trial.conclusion = "- LDN *helped* 9 of 12 | p < 0.05.";
    trial.conclusion_source = "conclusions section";
    trial.reference = "Doe J. " + hostile_title + " Pain. 2024;1(1):1-2.";

    EvidenceSummary summary;
    summary.options.since = Day::parse("2016-01-01").value();
    summary.options.until = Day::parse("2026-01-01").value();
    summary.options.now = summary.options.until;
    summary.identified = 3;
    summary.included = 1;
    summary.excluded = {{"out of window", 1}, {"no date", 0}, {"retracted", 1}, {"corrected", 0}, {"not human", 0}};
    summary.included_without_abstract = 1;
    summary.included_without_sample_size = 0;
    summary.evidence_map = {{"fibromyalgia", {{"rct", 1}}}};
    summary.map_conditions = {"fibromyalgia"};
    summary.map_designs = {"rct"};
    summary.timeline = {{2024, {{"rct", 1}}}};
    ConditionEvidence fibromyalgia;
    fibromyalgia.condition = "fibromyalgia";
    fibromyalgia.designs = {{"rct", 1}};
    fibromyalgia.key_studies = {trial};
    fibromyalgia.randomized_participants = 40;
    fibromyalgia.newest = trial;
    summary.conditions = {fibromyalgia};
    summary.doses.studies_with_dose = 1;
    summary.doses.studies_per_dose = {{4.5, 1}};
    summary.doses.most_common = summary.doses.median = summary.doses.lowest = summary.doses.highest = 4.5;
    summary.randomized_participants = 40;
    summary.rcts = 1;
    summary.conditions_without_rct = {"lupus"};
    return summary;
}

}  // namespace

TEST_CASE("markdown escaping puts a backslash before every markup character", "[summary]") {
    CHECK(markdown_escaped("a|b") == "a\\|b");
    CHECK(markdown_escaped("*x* _y_ `z`") == "\\*x\\* \\_y\\_ \\`z\\`");
    CHECK(markdown_escaped("<b>[l](u)</b>") == "\\<b\\>\\[l\\](u)\\</b\\>");
    CHECK(markdown_escaped("a\\b ~c~ &amp; #1") == "a\\\\b \\~c\\~ \\&amp; \\#1");
    CHECK(markdown_escaped("two\nlines") == "two lines");
    CHECK(markdown_escaped("Naltrexone 4.5 mg (low-dose)") == "Naltrexone 4.5 mg (low-dose)");
}

TEST_CASE("markdown escaping keeps a leading list marker from opening a list", "[summary]") {
    CHECK(markdown_escaped("- not a list") == "\\- not a list");
    CHECK(markdown_escaped("+ not a list") == "\\+ not a list");
    CHECK(markdown_escaped("12. not a list") == "12\\. not a list");
    CHECK(markdown_escaped("2021) no list") == "2021\\) no list");
    CHECK(markdown_escaped("4.5 mg") == "4.5 mg");
    CHECK(markdown_escaped("-3 dB") == "-3 dB");
}

TEST_CASE("a title full of markup cannot add a table column", "[summary]") {
    const std::string report = render_markdown_report(one_trial_summary());
    const std::vector<std::string> rows = lines_with(report, "| fibromyalgia | 2024 |");
    REQUIRE(rows.size() == 1);
    CHECK(cell_separators(rows[0]) == 6);
    CHECK(rows[0].find("LDN \\| placebo: \\*bold\\* \\_under\\_ \\`code\\` \\<script\\>") != std::string::npos);
    CHECK(report.find("<script>") == std::string::npos);
}

TEST_CASE("the markdown report has the eight sections of the issue", "[summary]") {
    const std::string report = render_markdown_report(one_trial_summary());
    std::size_t at = 0;
    for (const char* heading : {"\n## 1. Scope and methods\n", "\n## 2. Evidence map\n", "\n## 3. Timeline\n",
                                "\n## 4. Evidence by condition\n", "\n## 5. Dose profile\n", "\n## 6. Participants\n",
                                "\n## 7. Retracted and corrected papers\n", "\n## 8. Gaps\n"}) {
        INFO(heading);
        const std::size_t found = report.find(heading, at);
        CHECK(found != std::string::npos);
        if (found != std::string::npos) at = found;
    }
}

TEST_CASE("a key study shows its design, N, dose, duration, quoted conclusion and reference", "[summary]") {
    const std::string report = render_markdown_report(one_trial_summary());
    CHECK(report.find("   - randomized controlled trial; N: 40; dose: 4.5 mg; duration: 12 weeks\n") !=
          std::string::npos);
    CHECK(report.find("   - Authors' conclusion (conclusions section):\n"
                      "     > \\- LDN \\*helped\\* 9 of 12 \\| p \\< 0.05.\n") != std::string::npos);
    CHECK(report.find("   - Doe J. LDN \\| placebo") != std::string::npos);
}

TEST_CASE("the markdown report says what is missing, in numbers", "[summary]") {
    const std::string report = render_markdown_report(one_trial_summary());
    CHECK(report.find("- **Search strategy:** not recorded: this index was filled from files") != std::string::npos);
    CHECK(report.find("- **Records excluded:** 2 (1 out of window, 0 no date, 1 retracted, 0 corrected, 0 not human)\n") !=
          std::string::npos);
    CHECK(report.find("1 included record has no abstract; 0 report no sample size.") != std::string::npos);
    CHECK(report.find("Conditions with no randomized controlled trial in the window: lupus.") != std::string::npos);
    CHECK(report.find("No retracted paper matches the query in the window.") != std::string::npos);
}

TEST_CASE("a topic's search strategy is shown in a fence no backtick can close", "[summary]") {
    EvidenceSummary summary = one_trial_summary();
    summary.options.topic_name = "ldn-rheum";
    summary.options.search_strategy = "(naltrexone[tiab]) AND (```fibromyalgia)";
    const std::string report = render_markdown_report(summary);
    CHECK(report.find("  ````text\n  (naltrexone[tiab]) AND (```fibromyalgia)\n  ````\n") != std::string::npos);
    CHECK(report.starts_with("# Evidence summary: ldn-rheum\n"));

    summary.options.search_strategy.clear();
    CHECK(render_markdown_report(summary).find(
              "- **Search strategy:** topic ldn-rheum; its file is not in data/topics") != std::string::npos);
}
