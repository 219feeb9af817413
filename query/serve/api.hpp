#pragma once
// The JSON API of `ldn serve`, one function per endpoint, each reading the index it is given and
// returning the whole response. No HTTP here (query/serve/search_server.cpp routes to these), so
// each answer is what the same question asked of the CLI gives: the same search, the same Article
// JSON, the same export formats and reference styles, the same summary.

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "crawler/calendar.hpp"
#include "query/serve/api_request.hpp"

namespace ldn::serve {

struct ApiResponse {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  // beyond Content-Type
};

// Each throws ApiError for a request it refuses, QuerySyntaxError for a bad q, ldn::Error for an
// index it cannot read.

// GET /api/search: {"query", "total", "total_is_exact", "offset", "limit", "facets", "suggestion",
// "results": [stored record + "score"]}.
ApiResponse search_endpoint(const Xapian::Database& database, const Parameters& parameters, const ApiLimits& limits,
                            const Day& today);
// GET /api/article/{pmid}: the stored record with "links" (pubmed, doi, pmc); 404 when unknown.
ApiResponse article_endpoint(const Xapian::Database& database, const std::string& pmid);
// GET /api/cite?pmid=…&style=…: {"style", "citations": [{"pmid", "text"}]}; 404 when a PMID is unknown.
ApiResponse cite_endpoint(const Xapian::Database& database, const Parameters& parameters, const ApiLimits& limits);
// GET /api/export?…&format=…: every match as a file to save (Content-Disposition: attachment).
ApiResponse export_endpoint(const Xapian::Database& database, const Parameters& parameters, const ApiLimits& limits,
                            const Day& today);
// GET /api/summary: the JSON of `ldn summarize --format json` for the same query and window;
// `vocabulary_conditions` as cli::vocabulary_conditions() read them (once, when the server starts).
ApiResponse summary_endpoint(const Xapian::Database& database, const Parameters& parameters, const ApiLimits& limits,
                             const Day& today, const std::vector<std::string>& vocabulary_conditions);
// GET /healthz: {"status": "ok", "records", "last_refresh"}.
ApiResponse health_endpoint(const Xapian::Database& database);

// The body of every error: {"error": {"message": …, "column": N | null}}.
std::string error_body(const std::string& message, std::optional<std::size_t> column = std::nullopt);

}  // namespace ldn::serve
