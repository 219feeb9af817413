#pragma once
// The outputs of `ldn search`, `ldn similar` and `ldn export`: the terminal table, json (one object:
// query, total, facets, suggestion, results), jsonl (the results alone, one a line) and every export
// format of query/export/. Like the export sinks, a result sink does no I/O: it returns the text of
// the beginning, of each hit and of the end, so that a large export is written as it is produced.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/cli/result_table.hpp"
#include "query/export/export_format.hpp"
#include "query/search/searcher.hpp"

namespace ldn::cli {

enum class OutputKind { table, json, jsonl, export_format };

struct OutputFormat {
    OutputKind kind = OutputKind::json;
    ExportFormat export_format = ExportFormat::csv;  // when kind is export_format
};

// The format of a --format name, or nullopt for an unknown one.
std::optional<OutputFormat> parse_output_format(std::string_view name);
// "table, json, jsonl, csv, …" for help texts and errors; without "table" for files.
std::string output_format_names(bool with_table);

// What json prints before the results, and what the table prints around them.
struct ResultsSummary {
    std::string query;
    std::size_t total = 0;
    bool total_is_exact = true;
    std::size_t offset = 0;           // matches before the first hit (the table's count line)
    std::vector<FacetCounts> facets;  // only those asked for, in the order asked
    std::optional<std::string> suggestion;
};

ResultsSummary summarize(const std::string& query, const SearchRequest& request, const SearchResults& results);

// The facets as json prints them: {"year": {"2019": 4, …}, …}, in the order asked.
nlohmann::ordered_json facets_json(const std::vector<FacetCounts>& facets);

// A JSON text on one line; invalid UTF-8 in a stored record becomes U+FFFD rather than failing.
std::string dumped(const nlohmann::ordered_json& value);

// The stored document of a hit (Article keys, then "annotations", in stored order) with "score" last.
nlohmann::ordered_json hit_json(const SearchHit& hit);

// The stored document alone on one line, ended by '\n' (`ldn show --format json`).
std::string document_line(const SearchHit& hit);

class ResultSink {
public:
    virtual ~ResultSink() = default;
    virtual std::string begin(const ResultsSummary& summary) = 0;
    virtual std::string hit(const SearchHit& hit) = 0;
    virtual std::string end() = 0;
};

// `table_width` is the terminal's width, used only by the table (which prints everything at end()).
std::unique_ptr<ResultSink> make_result_sink(const OutputFormat& format, std::size_t table_width);

}  // namespace ldn::cli
