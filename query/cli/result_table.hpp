#pragma once
// The terminal view of a page of search results: an aligned table (PMID, year, design, conditions,
// N, dose, title cut to fit), a count line, the requested facets and a spelling suggestion. Pure:
// rows in, text out, so it is tested without a terminal.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "query/export/export_record.hpp"

namespace ldn::cli {

struct ResultRow {
    std::string pmid;
    std::string year;
    std::string design;
    std::string conditions;   // comma-joined ids
    std::string sample_size;  // blank when unknown
    std::string dose;         // "4.5 mg", "1.5–4.5 mg"; blank when none
    std::string title;
    bool retracted = false;
};

ResultRow result_row(const ExportRecord& record);

// One facet's counts of every match, by value.
struct FacetCounts {
    std::string name;  // "year", "design", "condition"
    std::map<std::string, std::size_t> counts;
};

struct ResultPage {
    std::vector<ResultRow> rows;
    std::size_t offset = 0;  // how many matches come before the first row
    std::size_t total = 0;   // every match
    bool total_is_exact = true;  // false: `total` is an estimate, printed "about N"
    std::vector<FacetCounts> facets;  // in the order they were asked for
    std::optional<std::string> suggestion;
};

// The whole view, lines ended by '\n', no line wider than `width` columns unless even the shortest
// title column would not fit.
std::string render_result_page(const ResultPage& page, std::size_t width);

// `design: rct 12 · sr-ma 3` (largest count first, then by name; a year facet in year order),
// continued on further lines when it is wider than `width` columns.
std::string facet_lines(const FacetCounts& facet, std::size_t width);

}  // namespace ldn::cli
