#include "query/cli/result_table.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "query/cli/terminal.hpp"
#include "query/export/export_text.hpp"

namespace ldn::cli {

namespace {

enum Column { pmid, year, design, conditions, sample_size, dose, title, column_count };

constexpr std::array<const char*, column_count> headers{"PMID", "Year", "Design", "Conditions", "N", "Dose", "Title"};
constexpr std::string_view separator = "  ";
constexpr std::string_view middle_dot = " \u00b7 ";
constexpr std::string_view en_dash = "\u2013";
constexpr long title_wanted = 40;      // columns the title keeps before conditions may grow
constexpr long title_floor = 10;       // below this the line overflows rather than cut the title further
constexpr long conditions_floor = 12;  // room for a short condition id and the start of the next

std::array<std::string, column_count> cells_of(const ResultRow& row) {
    return {row.pmid, row.year, row.design, row.conditions, row.sample_size, row.dose, row.title};
}

std::string title_cell(const ResultRow& row, std::size_t width) {
    if (!row.retracted) return cut_to_width(row.title, width);
    const std::string marker = std::string(retraction_marker) + " ";
    const std::size_t marker_width = display_width(marker);
    return marker + cut_to_width(row.title, width > marker_width ? width - marker_width : 0);
}

std::size_t title_natural_width(const ResultRow& row) {
    return display_width(row.title) + (row.retracted ? display_width(retraction_marker) + 1 : 0);
}

struct Layout {
    std::array<std::size_t, column_count> widths{};
};

Layout layout_for(const std::vector<ResultRow>& rows, std::size_t terminal_width) {
    Layout layout;
    for (int column = 0; column < column_count; ++column) layout.widths[column] = display_width(headers[column]);
    for (const ResultRow& row : rows) {
        auto cells = cells_of(row);
        for (int column = 0; column < title; ++column) {
            layout.widths[column] = std::max(layout.widths[column], display_width(cells[column]));
        }
        layout.widths[title] = std::max(layout.widths[title], title_natural_width(row));
    }
    long fixed = static_cast<long>(separator.size()) * (column_count - 1);
    for (int column = 0; column < title; ++column) {
        if (column != conditions) fixed += static_cast<long>(layout.widths[column]);
    }
    const long width = static_cast<long>(terminal_width);
    const long conditions_natural = static_cast<long>(layout.widths[conditions]);
    const long title_natural = static_cast<long>(layout.widths[title]);
    const long title_keep = std::min(title_natural, title_wanted);
    const long conditions_least = std::min(conditions_natural, conditions_floor);
    const long conditions_width = std::clamp(width - fixed - title_keep, conditions_least, conditions_natural);
    layout.widths[conditions] = static_cast<std::size_t>(conditions_width);
    layout.widths[title] = static_cast<std::size_t>(std::max(width - fixed - conditions_width, title_floor));
    return layout;
}

std::string table_line(const std::array<std::string, column_count>& cells, const Layout& layout) {
    std::string line;
    for (int column = 0; column < title; ++column) {
        std::string cell = cut_to_width(cells[column], layout.widths[column]);
        line += column == sample_size ? pad_left(cell, layout.widths[column]) : pad_right(cell, layout.widths[column]);
        line += separator;
    }
    line += cells[title];
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line + "\n";
}

std::string records_word(std::size_t count) { return count == 1 ? "record" : "records"; }

std::string match_sentence(std::size_t total) {
    return std::to_string(total) + (total == 1 ? " record matches." : " records match.");
}

std::string count_line(const ResultPage& page) {
    if (page.total == 0) return "No records match.\n";
    if (page.rows.empty()) {
        // --limit 0 asks for the count alone; an offset past the end shows nothing and says why.
        if (page.offset < page.total) return match_sentence(page.total) + "\n";
        return "No records from " + std::to_string(page.offset + 1) + " on: " + match_sentence(page.total) + "\n";
    }
    const std::size_t first = page.offset + 1;
    const std::size_t last = page.offset + page.rows.size();
    const std::string range = first == last ? std::to_string(first)
                                            : std::to_string(first) + std::string(en_dash) + std::to_string(last);
    const std::string of = page.total_is_exact ? " of " : " of about ";
    return "Showing " + range + of + std::to_string(page.total) + " " + records_word(page.total) + ".\n";
}

std::string dose_text(const std::vector<double>& doses) {
    if (doses.empty()) return {};
    if (doses.size() == 1) return decimal_text(doses.front()) + " mg";
    return decimal_text(doses.front()) + std::string(en_dash) + decimal_text(doses.back()) + " mg";
}

}  // namespace

ResultRow result_row(const ExportRecord& record) {
    const Article& article = record.article;
    const Annotations& annotations = record.annotations;
    ResultRow row;
    row.pmid = article.pmid;
    row.year = article.year ? std::to_string(*article.year) : "";
    row.design = annotations.design;
    row.conditions = comma_joined(annotations.conditions);
    row.sample_size = annotations.sample_size ? std::to_string(*annotations.sample_size) : "";
    row.dose = dose_text(annotations.doses_mg);
    row.title = single_line(article.title);
    row.retracted = article.retracted;
    return row;
}

std::string facet_lines(const FacetCounts& facet, std::size_t width) {
    std::vector<std::pair<std::string, std::size_t>> entries(facet.counts.begin(), facet.counts.end());
    if (facet.name != "year") {
        std::stable_sort(entries.begin(), entries.end(),
                         [](const auto& left, const auto& right) { return left.second > right.second; });
    }
    std::string line = facet.name + ":";
    if (entries.empty()) return line + " none\n";
    // A value and its count are never split; a long facet continues under its first value.
    const std::string indent(display_width(line) + 1, ' ');
    std::string out;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string entry = entries[i].first + " " + std::to_string(entries[i].second);
        const std::string joiner = i == 0 ? " " : std::string(middle_dot);
        if (i > 0 && display_width(line) + display_width(joiner) + display_width(entry) > width) {
            out += line + "\n";
            line = indent + entry;
        } else {
            line += joiner + entry;
        }
    }
    return out + line + "\n";
}

std::string render_result_page(const ResultPage& page, std::size_t width) {
    std::string out;
    if (!page.rows.empty()) {
        const Layout layout = layout_for(page.rows, width);
        std::array<std::string, column_count> header_cells;
        std::copy(headers.begin(), headers.end(), header_cells.begin());
        out += table_line(header_cells, layout);
        for (const ResultRow& row : page.rows) {
            auto cells = cells_of(row);
            cells[title] = title_cell(row, layout.widths[title]);
            out += table_line(cells, layout);
        }
    }
    out += count_line(page);
    for (const FacetCounts& facet : page.facets) out += facet_lines(facet, width);
    if (page.suggestion) out += "Did you mean: " + *page.suggestion + "?\n";
    return out;
}

}  // namespace ldn::cli
