#pragma once
// The query parameters of the API as validated requests. The same names and meanings as the command
// line (q is the query language; condition and design repeat or take commas), with bounds on what a
// shared server does for one request. Throws ApiError (400) naming the parameter that is wrong.

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "crawler/calendar.hpp"
#include "query/export/export_format.hpp"
#include "query/search/searcher.hpp"
#include "query/summary/evidence_summary.hpp"

namespace ldn::serve {

// httplib::Params: a name may come more than once.
using Parameters = std::multimap<std::string, std::string>;

struct ApiLimits {
    std::size_t query_bytes = 1000;       // q longer than this is refused
    std::size_t page_size = 100;          // largest limit
    std::size_t deepest_offset = 10000;   // deeper paging is export's work
    std::size_t export_records = 10000;   // an export matching more is refused: ldn export has no bound
    double count_seconds = 2.0;           // exact counting stops here and the total becomes an estimate
};

// q, condition, design, years | since/until, sort, limit, offset, facets.
SearchRequest search_request(const Parameters& parameters, const ApiLimits& limits, const Day& today);

// The export's format (format=ris|bibtex|csv|csl-json|nbib|ama|vancouver|apa|json|jsonl).
std::string export_format_parameter(const Parameters& parameters);

// pmid=N[,N…] (at most page_size of them), each digits only.
std::vector<std::string> pmid_list(const Parameters& parameters, const ApiLimits& limits);

// style=ama|vancouver|apa (default ama).
ExportFormat citation_style(const Parameters& parameters);

// q, condition, years | since/until (the window ends today at the latest), as `ldn summarize` reads them.
SummaryOptions summary_options(const Parameters& parameters, const ApiLimits& limits, const Day& today);

}  // namespace ldn::serve
