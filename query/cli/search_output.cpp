#include "query/cli/search_output.hpp"

#include <utility>

#include "crawler/errors.hpp"
#include "query/search/stored_record.hpp"

namespace ldn::cli {

namespace {

using nlohmann::ordered_json;

// Parsed with ordered_json so that the stored key order (DESIGN.md's Article order) is kept.
ordered_json stored_document(const SearchHit& hit) {
    ordered_json document = ordered_json::parse(hit.data, nullptr, false);
    if (!document.is_object()) throw input_error("PMID " + hit.pmid + ": the stored document is not a JSON object");
    return document;
}

class JsonSink final : public ResultSink {
public:
    std::string begin(const ResultsSummary& summary) override {
        return "{\"query\":" + dumped(summary.query) + ",\"total\":" + std::to_string(summary.total) +
               ",\"facets\":" + dumped(facets_json(summary.facets)) +
               ",\"suggestion\":" + (summary.suggestion ? dumped(*summary.suggestion) : "null") + ",\"results\":[";
    }
    std::string hit(const SearchHit& hit) override {
        std::string text = first_ ? "" : ",";
        first_ = false;
        return text + dumped(hit_json(hit));
    }
    std::string end() override { return "]}\n"; }

private:
    bool first_ = true;
};

class JsonLinesSink final : public ResultSink {
public:
    std::string begin(const ResultsSummary&) override { return {}; }
    std::string hit(const SearchHit& hit) override { return dumped(hit_json(hit)) + "\n"; }
    std::string end() override { return {}; }
};

class ExportResultSink final : public ResultSink {
public:
    explicit ExportResultSink(ExportFormat format) : sink_(make_export_sink(format)) {}
    std::string begin(const ResultsSummary&) override { return sink_->begin(); }
    std::string hit(const SearchHit& hit) override { return sink_->record(read_stored_record(hit.data)); }
    std::string end() override { return sink_->end(); }

private:
    std::unique_ptr<ExportSink> sink_;
};

// The columns depend on every row, so the table is laid out once the page is complete.
class TableSink final : public ResultSink {
public:
    explicit TableSink(std::size_t width) : width_(width) {}
    std::string begin(const ResultsSummary& summary) override {
        page_.offset = summary.offset;
        page_.total = summary.total;
        page_.total_is_exact = summary.total_is_exact;
        page_.facets = summary.facets;
        page_.suggestion = summary.suggestion;
        return {};
    }
    std::string hit(const SearchHit& hit) override {
        page_.rows.push_back(result_row(read_stored_record(hit.data)));
        return {};
    }
    std::string end() override { return render_result_page(page_, width_); }

private:
    std::size_t width_;
    ResultPage page_;
};

}  // namespace

std::optional<OutputFormat> parse_output_format(std::string_view name) {
    if (name == "table") return OutputFormat{OutputKind::table};
    if (name == "json") return OutputFormat{OutputKind::json};
    if (name == "jsonl") return OutputFormat{OutputKind::jsonl};
    if (auto format = parse_export_format(name)) return OutputFormat{OutputKind::export_format, *format};
    return std::nullopt;
}

std::string output_format_names(bool with_table) {
    std::string names = with_table ? "table, json, jsonl" : "json, jsonl";
    for (ExportFormat format : all_export_formats()) names += ", " + std::string(export_format_name(format));
    return names;
}

ResultsSummary summarize(const std::string& query, const SearchRequest& request, const SearchResults& results) {
    ResultsSummary summary;
    summary.query = query;
    summary.total = results.total;
    summary.total_is_exact = results.total_is_exact;
    summary.offset = request.offset;
    for (Facet facet : request.facets) {
        FacetCounts counts{facet_name(facet), {}};
        if (auto found = results.facets.find(counts.name); found != results.facets.end()) counts.counts = found->second;
        summary.facets.push_back(std::move(counts));
    }
    summary.suggestion = results.suggestion;
    return summary;
}

std::string dumped(const ordered_json& value) {
    return value.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

ordered_json facets_json(const std::vector<FacetCounts>& facets) {
    ordered_json object = ordered_json::object();
    for (const FacetCounts& facet : facets) {
        ordered_json counts = ordered_json::object();
        for (const auto& [value, count] : facet.counts) counts[value] = count;
        object[facet.name] = std::move(counts);
    }
    return object;
}

nlohmann::ordered_json hit_json(const SearchHit& hit) {
    ordered_json document = stored_document(hit);
    document["score"] = hit.score;
    return document;
}

std::string document_line(const SearchHit& hit) { return dumped(stored_document(hit)) + "\n"; }

std::unique_ptr<ResultSink> make_result_sink(const OutputFormat& format, std::size_t table_width) {
    switch (format.kind) {
    case OutputKind::table: return std::make_unique<TableSink>(table_width);
    case OutputKind::json: return std::make_unique<JsonSink>();
    case OutputKind::jsonl: return std::make_unique<JsonLinesSink>();
    case OutputKind::export_format: return std::make_unique<ExportResultSink>(format.export_format);
    }
    return std::make_unique<JsonSink>();  // unreachable: every kind is handled above
}

}  // namespace ldn::cli
