// The HTML evidence report: the eight sections of issue 6 in an accessible, self-contained page that
// makes no request, escapes every record string, and is the same bytes for the same summary.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <regex>

#include "query/summary/html_report.hpp"
#include "tests/unit/summary/html_sample_summary.hpp"

using namespace ldn;
using namespace ldn::test;

namespace {

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t found = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++found;
    return found;
}

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

// Every "http" must start a link to PubMed or doi.org: the only URLs the page may hold.
void check_only_allowed_urls(const std::string& html) {
    const std::string text = lowercase(html);
    for (std::size_t at = text.find("http"); at != std::string::npos; at = text.find("http", at + 1)) {
        const std::string from_here = text.substr(at, 40);
        CAPTURE(from_here);
        CHECK((from_here.rfind("https://pubmed.ncbi.nlm.nih.gov/", 0) == 0 || from_here.rfind("https://doi.org/", 0) == 0 ||
               from_here.rfind("http-equiv=", 0) == 0));
    }
}

// Nothing that a browser would fetch or run, whatever the strings in the summary.
void check_inert(const std::string& html) {
    const std::string text = lowercase(html);
    CHECK(text.find("<script") == std::string::npos);
    CHECK(text.find(" src=") == std::string::npos);
    CHECK(text.find("@import") == std::string::npos);
    CHECK(text.find("@font-face") == std::string::npos);
    CHECK(text.find("<link") == std::string::npos);
    CHECK(text.find("<iframe") == std::string::npos);
    CHECK(text.find("=\"javascript:") == std::string::npos);
    CHECK(occurrences(text, "url(") == occurrences(text, "url(#"));  // only references inside the page
    const std::regex href(R"re(href="([^"]*)")re");
    for (auto match = std::sregex_iterator(html.begin(), html.end(), href); match != std::sregex_iterator(); ++match) {
        const std::string target = (*match)[1];
        CAPTURE(target);
        const bool pubmed = std::regex_match(target, std::regex(R"(https://pubmed\.ncbi\.nlm\.nih\.gov/\d+/)"));
        CHECK((target.rfind("#", 0) == 0 || pubmed));
    }
}

}  // namespace

TEST_CASE("the HTML report is one page with one h1 and an h2 per section of issue 6", "[html-report]") {
    const std::string html = render_html_report(sample_summary());
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
    CHECK(html.find("<title>Low-dose naltrexone evidence report: pain (2016-11-26 to 2026-11-26)</title>") !=
          std::string::npos);
    CHECK(occurrences(html, "<h1") == 1);
    CHECK(occurrences(html, "<h2") == 8);
    for (const char* heading : {"1. Scope and methods", "2. Evidence map", "3. Timeline", "4. Key studies by condition",
                                "5. Dose profile", "6. Participants", "7. Retracted and corrected papers", "8. Gaps"}) {
        CAPTURE(heading);
        CHECK(occurrences(html, std::string("\">") + heading + "</h2>") == 1);
    }
    CHECK(html.find("<style>") != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
    CHECK(html.substr(html.size() - 8) == "</html>\n");
}

TEST_CASE("every table has a caption and every header cell a scope", "[html-report]") {
    const std::string html = render_html_report(sample_summary());
    const std::size_t tables = occurrences(html, "<table");
    CHECK(tables == 7);  // scope, evidence map, timeline data, doses, participants, retracted, newest per condition
    CHECK(occurrences(html, "<caption>") == tables);
    CHECK(occurrences(html, "<th ") + occurrences(html, "<th>") ==
          occurrences(html, "<th scope=\"col\">") + occurrences(html, "<th scope=\"row\">"));
    CHECK(occurrences(html, "<thead>") == 6);
}

TEST_CASE("the page forbids every request and holds no script, font or foreign URL", "[html-report]") {
    const std::string html = render_html_report(sample_summary());
    CHECK(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                    "'unsafe-inline'; img-src data:\">") != std::string::npos);
    check_inert(html);
    check_only_allowed_urls(html);
    CHECK(html.find("<a href=\"https://pubmed.ncbi.nlm.nih.gov/38000001/\">PMID 38000001</a>") != std::string::npos);
}

TEST_CASE("the charts are inline SVG images with a title, a description and a data table", "[html-report]") {
    const std::string html = render_html_report(sample_summary());
    CHECK(occurrences(html, "<svg ") == 2);
    CHECK(occurrences(html, "role=\"img\"") == 2);
    CHECK(html.find("<title id=\"timeline-chart-title\">Included records per publication year, stacked by study "
                    "design</title>") != std::string::npos);
    CHECK(html.find("<title id=\"dose-chart-title\">Records reporting each naltrexone dose</title>") != std::string::npos);
    CHECK(occurrences(html, "<desc id=") == 2);
    CHECK(html.find("<caption>Included records per year and design</caption>") != std::string::npos);
    // The window 2016..2026 gives eleven bars, empty years included, and the busiest year is named.
    CHECK(occurrences(html, "text-anchor=\"middle\">20") >= 11);
    CHECK(html.find("The most records, 12, were published in 2024.") != std::string::npos);
}

TEST_CASE("the report shows the numbers of the summary", "[html-report]") {
    const std::string html = render_html_report(sample_summary());
    CHECK(html.find("<th scope=\"row\">Records identified</th><td class=\"number\">40</td>") != std::string::npos);
    CHECK(html.find("<th scope=\"row\">Excluded: out of window</th><td class=\"number\">6</td>") != std::string::npos);
    CHECK(html.find("<th scope=\"row\">Records included</th><td class=\"number\">30</td>") != std::string::npos);
    // Evidence map row: sr-ma 2, rct 4, case-report 0, review 9, all 15; the largest cell is darkest.
    CHECK(html.find("<th scope=\"row\">fibromyalgia</th><td class=\"number heat-1\">2</td><td class=\"number "
                    "heat-2\">4</td><td class=\"number heat-0\">0</td><td class=\"number heat-4\">9</td><td "
                    "class=\"number\">15</td>") != std::string::npos);
    CHECK(html.find("<th scope=\"row\">No condition identified</th>") != std::string::npos);
    CHECK(html.find("Most common: 4.5 mg; median: 4.5 mg; range: 1.5 to 4.5 mg.") != std::string::npos);
    CHECK(html.find("231 participants were randomized in 4 trials") != std::string::npos);
    CHECK(html.find("<tfoot><tr><th scope=\"row\">All trials, each counted once</th><td class=\"number\">4</td><td "
                    "class=\"number\">231</td><td class=\"number\">1</td></tr></tfoot>") != std::string::npos);
    CHECK(html.find("<li>lupus</li>") != std::string::npos);
}

TEST_CASE("key studies quote the authors' conclusion, name its source and give the AMA reference",
          "[html-report]") {
    const std::string html = render_html_report(sample_summary());
    CHECK(occurrences(html, "<li class=\"study\">") == 2);
    CHECK(html.find("<blockquote><p>Low-dose naltrexone reduced pain more than placebo in women with "
                    "fibromyalgia.</p></blockquote>") != std::string::npos);
    CHECK(html.find("Authors' conclusion, quoted from the abstract's conclusions section (<a "
                    "href=\"https://pubmed.ncbi.nlm.nih.gov/38000001/\">PMID 38000001</a>)") != std::string::npos);
    CHECK(html.find("quoted from the abstract's closing sentences") != std::string::npos);
    CHECK(html.find("<strong>Reference (AMA):</strong> Doe JF, Smith A. Low-dose naltrexone for chronic pain: a "
                    "systematic review. Pain. 2024;12(3):100-110. doi:10.1000/ldn.38000001</p>") != std::string::npos);
    CHECK(html.find("<dt>Participants</dt><dd>not reported</dd>") != std::string::npos);
    CHECK(html.find("<dt>Dose</dt><dd>1.5, 4.5 mg</dd>") != std::string::npos);
    CHECK(html.find("No systematic review, meta-analysis or randomized controlled trial in the window.") !=
          std::string::npos);
}

TEST_CASE("retracted papers are listed apart with their reference", "[html-report]") {
    const std::string html = render_html_report(sample_summary());
    const std::size_t section = html.find("<section id=\"retracted\"");
    REQUIRE(section != std::string::npos);
    CHECK(html.find("A retracted trial of naltrexone [RETRACTED]", section) != std::string::npos);
    CHECK(html.find("A retracted trial of naltrexone") > section);
}

TEST_CASE("every record string is escaped, in text, attributes and SVG", "[html-report]") {
    const std::string html = render_html_report(hostile_summary());
    check_inert(html);
    CHECK(html.find(hostile_markup) == std::string::npos);
    CHECK(html.find(hostile_attribute) == std::string::npos);
    CHECK(html.find(hostile_formula) == std::string::npos);
    CHECK(html.find("\" onmouseover") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("x&quot; onmouseover=&quot;alert(1)") != std::string::npos);
    CHECK(html.find("=cmd|&#39; /C calc&#39;!A0") != std::string::npos);
    CHECK(html.find("Tom &amp;amp; Jerry") != std::string::npos);
    // Inside the timeline SVG: a legend label and a segment's tooltip.
    const std::size_t svg = html.find("<svg ");
    const std::size_t svg_end = html.find("</svg>", svg);
    const std::string chart = html.substr(svg, svg_end - svg);
    CHECK(chart.find(">&lt;script&gt;alert(1)&lt;/script&gt;</text>") != std::string::npos);
    CHECK(chart.find("<title>2022, x&quot; onmouseover=&quot;alert(1): 1</title>") != std::string::npos);
    // A PMID that is not digits is shown as text, never made into a link.
    CHECK(html.find("PMID javascript:alert(1)") != std::string::npos);
    CHECK(html.find("PMID &quot;&gt;&lt;script&gt;") != std::string::npos);
}

TEST_CASE("the same summary gives the same bytes", "[html-report]") {
    const EvidenceSummary summary = sample_summary();
    const EvidenceSummary copy = summary;
    const std::string first = render_html_report(summary);
    CHECK(render_html_report(summary) == first);
    CHECK(render_html_report(copy) == first);
    CHECK(render_html_report(hostile_summary()) == render_html_report(hostile_summary()));
}

TEST_CASE("an empty summary still renders every section", "[html-report]") {
    EvidenceSummary empty;
    empty.options.since = sample_day("2016-01-01");
    empty.options.until = sample_day("2026-01-01");
    const std::string html = render_html_report(empty);
    CHECK(occurrences(html, "<h2") == 8);
    CHECK(html.find("<p>No included records.</p>") != std::string::npos);
    CHECK(html.find("No retracted record matches the query in the window.") != std::string::npos);
    CHECK(html.find(". No included records.</desc>") != std::string::npos);
    check_inert(html);
    check_only_allowed_urls(html);
}
