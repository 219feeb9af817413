#include "query/serve/api.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <optional>

#include "index/schema.hpp"
#include "query/cli/search_output.hpp"
#include "query/cli/summary_sources.hpp"
#include "query/export/export_format.hpp"
#include "query/export/export_text.hpp"
#include "query/search/stored_record.hpp"
#include "query/serve/api_error.hpp"
#include "query/summary/json_report.hpp"

namespace ldn::serve {

namespace {

using nlohmann::ordered_json;

constexpr int not_found = 404;
constexpr int bad_request = 400;
constexpr std::size_t export_page = 1000;

using cli::dumped;

ApiResponse json_response(const ordered_json& value) { return ApiResponse{200, "application/json", dumped(value), {}}; }

struct FileFormat {
    const char* content_type;
    const char* extension;
};

FileFormat file_format(const std::string& name) {
    if (name == "json") return {"application/json", "json"};
    if (name == "jsonl") return {"application/x-ndjson", "jsonl"};
    if (name == "ris") return {"application/x-research-info-systems", "ris"};
    if (name == "bibtex") return {"application/x-bibtex; charset=utf-8", "bib"};
    if (name == "csv") return {"text/csv; charset=utf-8", "csv"};
    if (name == "csl-json") return {"application/vnd.citationstyles.csl+json", "json"};
    if (name == "nbib") return {"application/nbib; charset=utf-8", "nbib"};
    return {"text/plain; charset=utf-8", "txt"};  // the reference styles
}

// A DOI as a URL path: everything but unreserved characters and '/' percent-encoded, so that a DOI
// holding '#', '?' or a quote still names itself and nothing else.
std::string doi_url(const std::string& doi) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string url = "https://doi.org/";
    for (const unsigned char c : doi) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            url += static_cast<char>(c);
        } else {
            url += '%';
            url += hex[c >> 4];
            url += hex[c & 0x0f];
        }
    }
    return url;
}

// PMC ids are PMC and digits; anything else in the field makes no link.
std::optional<std::string> pmc_url(const std::string& pmcid) {
    const bool well_formed = pmcid.size() > 3 && pmcid.starts_with("PMC") &&
                             std::all_of(pmcid.begin() + 3, pmcid.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!well_formed) return std::nullopt;
    return "https://www.ncbi.nlm.nih.gov/pmc/articles/" + pmcid + "/";
}

}  // namespace

std::string error_body(const std::string& message, std::optional<std::size_t> column) {
    ordered_json error{{"message", message}, {"column", nullptr}};
    if (column) error["column"] = *column;
    return dumped(ordered_json{{"error", error}});
}

ApiResponse search_endpoint(const Xapian::Database& database, const Parameters& parameters, const ApiLimits& limits,
                            const Day& today) {
    const SearchRequest request = search_request(parameters, limits, today);
    const SearchResults results = search(database, request);
    ordered_json body{{"query", request.query},
                      {"total", results.total},
                      {"total_is_exact", results.total_is_exact},
                      {"offset", request.offset},
                      {"limit", request.limit},
                      {"facets", cli::facets_json(cli::summarize(request.query, request, results).facets)},
                      {"suggestion", results.suggestion ? ordered_json(*results.suggestion) : ordered_json(nullptr)}};
    ordered_json hits = ordered_json::array();
    for (const SearchHit& hit : results.hits) hits.push_back(cli::hit_json(hit));
    body["results"] = std::move(hits);
    return json_response(body);
}

ApiResponse article_endpoint(const Xapian::Database& database, const std::string& pmid) {
    const std::optional<SearchHit> hit = find_record(database, pmid);
    if (!hit) throw ApiError(not_found, "PMID " + pmid + " is not in the index");
    ordered_json record = ordered_json::parse(hit->data, nullptr, false);
    if (!record.is_object()) throw ApiError(500, "PMID " + pmid + ": the stored document is not a JSON object");
    const Article article = read_stored_record(hit->data).article;
    const std::string doi = bare_doi(article.doi);
    const std::optional<std::string> pmc = pmc_url(article.pmcid);
    record["links"] = ordered_json{{"pubmed", pubmed_url(article.pmid)},
                                   {"doi", doi.empty() ? ordered_json(nullptr) : ordered_json(doi_url(doi))},
                                   {"pmc", pmc ? ordered_json(*pmc) : ordered_json(nullptr)}};
    return json_response(record);
}

ApiResponse cite_endpoint(const Xapian::Database& database, const Parameters& parameters, const ApiLimits& limits) {
    const std::vector<std::string> pmids = pmid_list(parameters, limits);
    const ExportFormat style = citation_style(parameters);
    ordered_json citations = ordered_json::array();
    for (const std::string& pmid : pmids) {
        const std::optional<SearchHit> hit = find_record(database, pmid);
        if (!hit) throw ApiError(not_found, "PMID " + pmid + " is not in the index");
        std::string text = format_records(style, {read_stored_record(hit->data)});
        while (!text.empty() && text.back() == '\n') text.pop_back();
        citations.push_back(ordered_json{{"pmid", pmid}, {"text", std::move(text)}});
    }
    return json_response(ordered_json{{"style", export_format_name(style)}, {"citations", std::move(citations)}});
}

ApiResponse export_endpoint(const Xapian::Database& database, const Parameters& parameters, const ApiLimits& limits,
                            const Day& today) {
    const std::string format_name = export_format_parameter(parameters);
    SearchRequest request = search_request(parameters, limits, today);
    request.offset = 0;
    request.limit = export_page;
    request.facets.clear();
    request.count_seconds = 0;  // the count decides whether the export is refused: it must be exact

    SearchResults page = search(database, request);
    if (page.total > limits.export_records) {
        throw ApiError(bad_request, std::to_string(page.total) + " records match; the server exports at most " +
                                        std::to_string(limits.export_records) +
                                        ": narrow the query, or run ldn export on the index");
    }
    const auto sink = cli::make_result_sink(*cli::parse_output_format(format_name), 0);
    std::string body = sink->begin(cli::summarize(request.query, request, page));
    std::size_t written = 0;
    while (true) {
        for (const SearchHit& hit : page.hits) body += sink->hit(hit);
        written += page.hits.size();
        if (page.hits.size() < export_page || written >= page.total) break;
        request.offset += export_page;
        page = search(database, request);
    }
    body += sink->end();

    const FileFormat file = file_format(format_name);
    return ApiResponse{200, file.content_type, std::move(body),
                       {{"Content-Disposition", std::string("attachment; filename=\"ldn-export.") + file.extension + "\""}}};
}

ApiResponse summary_endpoint(const Xapian::Database& database, const Parameters& parameters, const ApiLimits& limits,
                             const Day& today, const std::vector<std::string>& vocabulary_conditions) {
    SummaryOptions options = summary_options(parameters, limits, today);
    cli::add_search_strategy(database, options);
    return ApiResponse{200, "application/json",
                       render_json_report(summarize_evidence(database, options, vocabulary_conditions)), {}};
}

ApiResponse health_endpoint(const Xapian::Database& database) {
    const std::string last_refresh = database.get_metadata(schema::metadata::last_refresh);
    return json_response(ordered_json{{"status", "ok"},
                                      {"records", database.get_doccount()},
                                      {"last_refresh", last_refresh.empty() ? ordered_json(nullptr) : ordered_json(last_refresh)}});
}

}  // namespace ldn::serve
