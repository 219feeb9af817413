// SVG charts: accessible names, escaped labels, stacks that add up, and the same bytes every time.
#include <catch2/catch.hpp>

#include <regex>

#include "query/summary/svg_charts.hpp"

using namespace ldn;

namespace {

StackedBarChart two_year_chart() {
    StackedBarChart chart;
    chart.id = "years";
    chart.title = "Records per year";
    chart.description = "Two bars";
    chart.x_axis_label = "Year";
    chart.y_axis_label = "Records";
    chart.series = {{"RCT", "#b34700", SvgFillPattern::rising_lines}, {"Review", "#5d4037", SvgFillPattern::dots}};
    chart.bars = {{"2020", {3, 4}}, {"2021", {0, 0}}};
    return chart;
}

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t found = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++found;
    return found;
}

}  // namespace

TEST_CASE("a stacked bar chart is an image named by its title and described by its desc", "[html-report]") {
    const std::string svg = svg_stacked_bar_chart(two_year_chart());
    CHECK(svg.rfind("<svg ", 0) == 0);
    CHECK(svg.find("role=\"img\"") != std::string::npos);
    CHECK(svg.find("aria-labelledby=\"years-title years-desc\"") != std::string::npos);
    CHECK(svg.find("<title id=\"years-title\">Records per year</title>") != std::string::npos);
    CHECK(svg.find("<desc id=\"years-desc\">Two bars</desc>") != std::string::npos);
    CHECK(svg.find(">Year</text>") != std::string::npos);
    CHECK(svg.find(">Records</text>") != std::string::npos);
}

TEST_CASE("a stacked bar chart draws one segment per non-empty value and a legend entry per series",
          "[html-report]") {
    const std::string svg = svg_stacked_bar_chart(two_year_chart());
    CHECK(occurrences(svg, "<title>2020, RCT: 3</title>") == 1);
    CHECK(occurrences(svg, "<title>2020, Review: 4</title>") == 1);
    CHECK(occurrences(svg, "<title>2021,") == 0);
    CHECK(occurrences(svg, "<pattern id=\"years-fill-") == 2);
    CHECK(occurrences(svg, ">RCT</text>") == 1);
    CHECK(occurrences(svg, ">Review</text>") == 1);
    CHECK(svg.find(">7</text>") != std::string::npos);  // the bar's total above it
}

TEST_CASE("stacked segments meet exactly and the tallest bar reaches the axis maximum it implies",
          "[html-report]") {
    // 3 + 4 = 7 records: the axis runs 0..8 in steps of 2 over 220 pixels from y=24 to the baseline 244.
    const std::string svg = svg_stacked_bar_chart(two_year_chart());
    const std::regex segment(
        R"re(<rect x="\d+" y="(\d+)" width="\d+" height="(\d+)" fill="url\(#years-fill-\d\)" stroke="#ffffff")re");
    std::vector<std::pair<int, int>> spans;
    for (auto match = std::sregex_iterator(svg.begin(), svg.end(), segment); match != std::sregex_iterator(); ++match)
        spans.emplace_back(std::stoi((*match)[1]), std::stoi((*match)[2]));
    REQUIRE(spans.size() == 2);
    CHECK(spans[0].first + spans[0].second == 244);  // the first series sits on the baseline
    CHECK(spans[1].first + spans[1].second == spans[0].first);
    CHECK(spans[1].first == 244 - 193);  // 7/8 of 220 is 192.5 pixels, rounded to the nearest
    CHECK(svg.find(">8</text>") != std::string::npos);
}

TEST_CASE("chart labels are escaped in text and in tooltips", "[html-report]") {
    StackedBarChart chart = two_year_chart();
    chart.title = "<script>alert(1)</script>";
    chart.series[0].label = "x\" onmouseover=\"alert(1)";
    chart.bars[0].label = "'2020'";
    const std::string svg = svg_stacked_bar_chart(chart);
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(svg.find("\" onmouseover") == std::string::npos);
    CHECK(svg.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(svg.find("<title>&#39;2020&#39;, x&quot; onmouseover=&quot;alert(1): 3</title>") != std::string::npos);

    HorizontalBarChart bars{"doses", "Doses", "<b>", "Records", "#1b4f9c", {{"<i>4.5 mg</i>", 2}}};
    const std::string horizontal = svg_horizontal_bar_chart(bars);
    CHECK(horizontal.find("<i>") == std::string::npos);
    CHECK(horizontal.find("<desc id=\"doses-desc\">&lt;b&gt;</desc>") != std::string::npos);
    CHECK(horizontal.find(">&lt;i&gt;4.5 mg&lt;/i&gt;</text>") != std::string::npos);
}

TEST_CASE("an empty chart says there are no records", "[html-report]") {
    StackedBarChart chart = two_year_chart();
    chart.bars.clear();
    CHECK(svg_stacked_bar_chart(chart).find(">No records</text>") != std::string::npos);
    CHECK(svg_horizontal_bar_chart({"d", "Doses", "none", "Records", "#1b4f9c", {}}).find(">No records</text>") !=
          std::string::npos);
}

TEST_CASE("a horizontal bar chart gives each bar its label and value", "[html-report]") {
    const std::string svg =
        svg_horizontal_bar_chart({"doses", "Doses", "Three doses", "Records", "#1b4f9c", {{"1.5 mg", 2}, {"4.5 mg", 7}}});
    CHECK(svg.find("role=\"img\"") != std::string::npos);
    CHECK(svg.find(">1.5 mg</text>") != std::string::npos);
    CHECK(svg.find("<title>4.5 mg: 7</title>") != std::string::npos);
    CHECK(svg.find(">Records</text>") != std::string::npos);
}
