#include "query/summary/svg_charts.hpp"

#include <algorithm>
#include <numeric>

#include "query/summary/html_escape.hpp"

namespace ldn {

namespace {

constexpr const char* text_colour = "#222222";
constexpr const char* axis_colour = "#333333";
constexpr const char* grid_colour = "#cccccc";
constexpr int pattern_tile = 8;

std::string number(std::size_t value) { return std::to_string(value); }
std::string number(int value) { return std::to_string(value); }

// The axis runs from 0 to `top` in `step`s: steps of 1, 2 or 5 times a power of ten, at most five of
// them, so the gridlines fall on round numbers.
struct AxisScale {
    std::size_t top = 1;
    std::size_t step = 1;
};

AxisScale axis_scale(std::size_t largest) {
    if (largest == 0) return {};
    for (std::size_t magnitude = 1;; magnitude *= 10) {
        for (const std::size_t factor : {std::size_t{1}, std::size_t{2}, std::size_t{5}}) {
            const std::size_t step = factor * magnitude;
            const std::size_t steps = (largest + step - 1) / step;
            if (steps <= 5) return {steps * step, step};
        }
    }
}

// Scales value/top to `length` pixels, rounding to the nearest pixel.
int scaled(std::size_t value, std::size_t top, int length) {
    return static_cast<int>((value * static_cast<std::size_t>(length) * 2 + top) / (top * 2));
}

// The white strokes or dots laid over a series' colour inside its <pattern> tile.
std::string pattern_overlay(SvgFillPattern pattern) {
    const std::string lines = R"(fill="none" stroke="#ffffff" stroke-opacity="0.6" stroke-width="1.5")";
    const std::string marks = R"(fill="#ffffff" fill-opacity="0.7")";
    switch (pattern) {
        case SvgFillPattern::solid: return "";
        case SvgFillPattern::rising_lines: return "<path d=\"M-2,2 L2,-2 M0,8 L8,0 M6,10 L10,6\" " + lines + "/>";
        case SvgFillPattern::falling_lines: return "<path d=\"M-2,6 L2,10 M0,0 L8,8 M6,-2 L10,2\" " + lines + "/>";
        case SvgFillPattern::horizontal_lines: return "<path d=\"M0,4 H8\" " + lines + "/>";
        case SvgFillPattern::vertical_lines: return "<path d=\"M4,0 V8\" " + lines + "/>";
        case SvgFillPattern::grid: return "<path d=\"M0,4 H8 M4,0 V8\" " + lines + "/>";
        case SvgFillPattern::crosshatch:
            return "<path d=\"M0,0 L8,8 M0,8 L8,0\" " + lines + "/>";
        case SvgFillPattern::dots: return "<circle cx=\"4\" cy=\"4\" r=\"1.6\" " + marks + "/>";
        case SvgFillPattern::zigzag: return "<path d=\"M0,6 L2,2 L4,6 L6,2 L8,6\" " + lines + "/>";
        case SvgFillPattern::rings:
            return "<circle cx=\"4\" cy=\"4\" r=\"2.2\" fill=\"none\" stroke=\"#ffffff\" stroke-opacity=\"0.7\" "
                   "stroke-width=\"1.2\"/>";
    }
    return "";
}

std::string fill_id(const std::string& chart_id, std::size_t series) {
    return html_escape(chart_id) + "-fill-" + number(series);
}

std::string pattern_definitions(const std::string& chart_id, const std::vector<SvgSeries>& series) {
    std::string svg = "<defs>";
    for (std::size_t i = 0; i < series.size(); ++i) {
        svg += "<pattern id=\"" + fill_id(chart_id, i) + "\" width=\"" + number(pattern_tile) + "\" height=\"" +
               number(pattern_tile) + "\" patternUnits=\"userSpaceOnUse\"><rect width=\"" + number(pattern_tile) +
               "\" height=\"" + number(pattern_tile) + "\" fill=\"" + html_escape(series[i].colour) + "\"/>" +
               pattern_overlay(series[i].pattern) + "</pattern>";
    }
    return svg + "</defs>";
}

std::string svg_open(const std::string& id, int width, int height, const std::string& title,
                     const std::string& description) {
    const std::string safe_id = html_escape(id);
    return "<svg class=\"chart\" id=\"" + safe_id + "\" role=\"img\" viewBox=\"0 0 " +
           number(width) + " " + number(height) + "\" width=\"" + number(width) + "\" height=\"" + number(height) +
           "\" aria-labelledby=\"" + safe_id + "-title " + safe_id + "-desc\" font-size=\"12\" fill=\"" + text_colour +
           "\">\n<title id=\"" + safe_id + "-title\">" + html_escape(title) + "</title>\n<desc id=\"" + safe_id +
           "-desc\">" + html_escape(description) + "</desc>\n";
}

std::string text(int x, int y, const std::string& anchor, const std::string& content,
                 const std::string& extra_attributes = "") {
    return "<text x=\"" + number(x) + "\" y=\"" + number(y) + "\" text-anchor=\"" + anchor + "\"" +
           extra_attributes + ">" + html_escape(content) + "</text>\n";
}

std::string line(int x1, int y1, int x2, int y2, const char* colour) {
    return "<line x1=\"" + number(x1) + "\" y1=\"" + number(y1) + "\" x2=\"" + number(x2) + "\" y2=\"" +
           number(y2) + "\" stroke=\"" + colour + "\" stroke-width=\"1\"/>\n";
}

std::string rect(int x, int y, int width, int height, const std::string& fill, const std::string& tooltip) {
    return "<rect x=\"" + number(x) + "\" y=\"" + number(y) + "\" width=\"" + number(width) + "\" height=\"" +
           number(height) + "\" fill=\"" + fill + "\" stroke=\"#ffffff\" stroke-width=\"0.5\"><title>" +
           html_escape(tooltip) + "</title></rect>\n";
}

struct LegendEntry {
    int x = 0;
    int y = 0;
};

// SVG text does not wrap, so legend entries flow left to right on an estimate of each label's width
// (7 pixels a character at 12 px is generous for sans-serif) and start a new row when one would not fit.
std::vector<LegendEntry> legend_layout(const std::vector<SvgSeries>& series, int left, int right_edge, int top,
                                       int row_height) {
    std::vector<LegendEntry> entries;
    int x = left;
    int y = top;
    for (const SvgSeries& entry : series) {
        const auto characters = std::count_if(entry.label.begin(), entry.label.end(),
                                              [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
        const int entry_width = 22 + static_cast<int>(characters) * 7 + 18;
        if (x > left && x + entry_width > right_edge) {
            x = left;
            y += row_height;
        }
        entries.push_back({x, y});
        x += entry_width;
    }
    return entries;
}

}  // namespace

std::string svg_stacked_bar_chart(const StackedBarChart& chart) {
    constexpr int left = 56;
    constexpr int right = 16;
    constexpr int top = 24;
    constexpr int plot_height = 220;
    constexpr int widest_plot = 640;
    constexpr int legend_row_height = 22;

    const int bar_count = static_cast<int>(chart.bars.size());
    const int slot = bar_count == 0 ? widest_plot : std::max(16, std::min(56, widest_plot / bar_count));
    const int plot_width = bar_count == 0 ? widest_plot : slot * bar_count;
    const int width = std::max(left + plot_width + right, 520);
    const int baseline = top + plot_height;
    const std::vector<LegendEntry> legend =
        legend_layout(chart.series, left, width - right, baseline + 56, legend_row_height);
    const int height = (legend.empty() ? baseline + 56 : legend.back().y + legend_row_height) + 8;

    std::vector<std::size_t> totals;
    for (const SvgStackedBar& bar : chart.bars)
        totals.push_back(std::accumulate(bar.values.begin(), bar.values.end(), std::size_t{0}));
    const AxisScale scale = axis_scale(totals.empty() ? 0 : *std::max_element(totals.begin(), totals.end()));

    std::string svg = svg_open(chart.id, width, height, chart.title, chart.description);
    svg += pattern_definitions(chart.id, chart.series) + "\n";

    for (std::size_t tick = 0; tick <= scale.top; tick += scale.step) {
        const int y = baseline - scaled(tick, scale.top, plot_height);
        svg += line(left, y, left + plot_width, y, tick == 0 ? axis_colour : grid_colour);
        svg += text(left - 6, y + 4, "end", number(tick));
    }
    svg += line(left, top, left, baseline, axis_colour);
    svg += text(14, top + plot_height / 2, "middle", chart.y_axis_label,
                " transform=\"rotate(-90 14 " + number(top + plot_height / 2) + ")\"");
    svg += text(left + plot_width / 2, baseline + 40, "middle", chart.x_axis_label);
    if (bar_count == 0) svg += text(left + plot_width / 2, top + plot_height / 2, "middle", "No records");

    // Labels under narrow bars would overlap: show every n-th one.
    const int label_every = (28 + slot - 1) / slot;
    const int bar_width = slot * 7 / 10;
    for (int i = 0; i < bar_count; ++i) {
        const SvgStackedBar& bar = chart.bars[static_cast<std::size_t>(i)];
        const int x = left + i * slot + (slot - bar_width) / 2;
        std::size_t below = 0;
        for (std::size_t s = 0; s < bar.values.size() && s < chart.series.size(); ++s) {
            if (bar.values[s] == 0) continue;
            // Both edges are rounded from running totals, so the stack's rounding never accumulates.
            const int bottom = baseline - scaled(below, scale.top, plot_height);
            below += bar.values[s];
            const int upper = baseline - scaled(below, scale.top, plot_height);
            svg += rect(x, upper, bar_width, bottom - upper, "url(#" + fill_id(chart.id, s) + ")",
                        bar.label + ", " + chart.series[s].label + ": " + number(bar.values[s]));
        }
        const std::size_t total = totals[static_cast<std::size_t>(i)];
        // A total needs about three characters' width; under narrower bars the data table gives it.
        if (total > 0 && slot >= 24)
            svg += text(x + bar_width / 2, baseline - scaled(total, scale.top, plot_height) - 4, "middle",
                        number(total), " font-weight=\"bold\"");
        if (i % label_every == 0) svg += text(x + bar_width / 2, baseline + 16, "middle", bar.label);
    }

    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const auto [x, y] = legend[s];
        svg += "<rect x=\"" + number(x) + "\" y=\"" + number(y) + "\" width=\"16\" height=\"16\" fill=\"url(#" +
               fill_id(chart.id, s) + ")\" stroke=\"" + axis_colour + "\" stroke-width=\"1\"/>\n";
        svg += text(x + 22, y + 12, "start", chart.series[s].label);
    }
    return svg + "</svg>\n";
}

std::string svg_horizontal_bar_chart(const HorizontalBarChart& chart) {
    constexpr int left = 104;
    constexpr int right = 48;
    constexpr int top = 12;
    constexpr int plot_width = 400;
    constexpr int row_height = 24;
    constexpr int bar_height = 16;

    const int rows = static_cast<int>(chart.bars.size());
    const int plot_height = std::max(1, rows) * row_height;
    const int baseline = top + plot_height;
    const int width = left + plot_width + right;
    const int height = baseline + 44;

    std::size_t largest = 0;
    for (const auto& bar : chart.bars) largest = std::max(largest, bar.second);
    const AxisScale scale = axis_scale(largest);

    std::string svg = svg_open(chart.id, width, height, chart.title, chart.description);
    for (std::size_t tick = 0; tick <= scale.top; tick += scale.step) {
        const int x = left + scaled(tick, scale.top, plot_width);
        svg += line(x, top, x, baseline, tick == 0 ? axis_colour : grid_colour);
        svg += text(x, baseline + 16, "middle", number(tick));
    }
    svg += line(left, baseline, left + plot_width, baseline, axis_colour);
    svg += text(left + plot_width / 2, baseline + 36, "middle", chart.value_axis_label);
    if (rows == 0) svg += text(left + plot_width / 2, top + row_height / 2 + 4, "middle", "No records");

    for (int i = 0; i < rows; ++i) {
        const auto& [label, value] = chart.bars[static_cast<std::size_t>(i)];
        const int y = top + i * row_height + (row_height - bar_height) / 2;
        const int length = scaled(value, scale.top, plot_width);
        svg += text(left - 8, y + 12, "end", label);
        svg += rect(left, y, length, bar_height, html_escape(chart.colour), label + ": " + number(value));
        svg += text(left + length + 6, y + 12, "start", number(value), " font-weight=\"bold\"");
    }
    return svg + "</svg>\n";
}

}  // namespace ldn
