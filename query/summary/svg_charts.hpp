#pragma once
// Inline SVG charts for the HTML report. Each chart is an <svg role="img"> named by its <title> and
// described by its <desc>, draws its own axes and legend, and tells series apart by fill pattern as
// well as colour, so it reads in greyscale print and without colour vision. Every label is plain text
// and escaped here; the output depends only on the input (integer geometry), so a report is
// byte-for-byte reproducible.

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace ldn {

enum class SvgFillPattern {
    solid,
    rising_lines,
    falling_lines,
    horizontal_lines,
    vertical_lines,
    grid,
    crosshatch,
    dots,
    zigzag,
    rings,
};

struct SvgSeries {
    std::string label;   // legend text
    std::string colour;  // a CSS colour with at least 3:1 contrast against white
    SvgFillPattern pattern = SvgFillPattern::solid;
};

struct SvgStackedBar {
    std::string label;                // under the bar (a year)
    std::vector<std::size_t> values;  // one per series, drawn bottom to top
};

struct StackedBarChart {
    std::string id;           // unique in the page: prefixes the ids of the chart's elements
    std::string title;        // the accessible name
    std::string description;  // the text alternative: what the chart shows, in words
    std::string x_axis_label;
    std::string y_axis_label;
    std::vector<SvgSeries> series;
    std::vector<SvgStackedBar> bars;
};

struct HorizontalBarChart {
    std::string id;
    std::string title;
    std::string description;
    std::string value_axis_label;
    std::string colour;
    std::vector<std::pair<std::string, std::size_t>> bars;  // label (left of the bar) and value
};

std::string svg_stacked_bar_chart(const StackedBarChart& chart);
std::string svg_horizontal_bar_chart(const HorizontalBarChart& chart);

}  // namespace ldn
