// Query latency over a large index (issue 5): a fixed mix of realistic queries — free text, phrases,
// fields, filters, wildcards, boolean structure, evidence sort — each run through ldn::search as
// `ldn search` runs it: the top 20 results as the terminal table asks for them (an estimated total),
// the top 20 with an exact total (as json and the paging loops ask), and full facet counts (year,
// design, condition over every match). Prints p50 and p99 per kind and overall.
//
//   ldn-bench-query --db INDEX [--rounds N] [--only TEXT]
//
// The first round warms the page cache and is not counted: the figures are for an index that is in
// memory, the normal state of a server or a researcher's machine after the first query.

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "bench/peak_rss.hpp"
#include "index/index_reader.hpp"
#include "query/search/searcher.hpp"

namespace {

struct MixEntry {
    const char* kind;
    const char* query;
    ldn::SortOrder sort = ldn::SortOrder::relevance;
};

// What researchers and clinicians type, in the shapes docs/QUERY.md documents.
const std::vector<MixEntry> query_mix{
    {"free text", "naltrexone fibromyalgia"},
    {"free text", "low dose naltrexone pain"},
    {"free text", "LDN"},
    {"free text", "sleep quality"},
    {"phrase", "\"low dose naltrexone\""},
    {"phrase", "\"rheumatoid arthritis\" naltrexone"},
    {"field", "title:naltrexone"},
    {"field", "author:smith"},
    {"field", "mesh:fibromyalgia journal:pain"},
    {"filter", "condition:fibromyalgia design:rct"},
    {"filter", "naltrexone year:2016..2025 lang:eng"},
    {"filter", "retracted:no condition:crps"},
    {"wildcard", "fibromyalg*"},
    {"boolean", "naltrexone AND (fibromyalgia OR \"rheumatoid arthritis\") NOT mice"},
    {"boolean", "(lupus OR sjogren) AND pain"},
    {"evidence sort", "naltrexone", ldn::SortOrder::evidence},
    {"date sort", "condition:osteoarthritis", ldn::SortOrder::date},
};

double percentile(std::vector<double> values, double fraction) {
    std::sort(values.begin(), values.end());
    const std::size_t rank = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1) + 0.5);
    return values[rank];
}

struct Measured {
    std::vector<double> top_ms;
    std::vector<double> exact_ms;
    std::vector<double> facets_ms;
};

double run_ms(const Xapian::Database& database, const ldn::SearchRequest& request, std::size_t& total) {
    const auto start = std::chrono::steady_clock::now();
    total = ldn::search(database, request).total;
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Query latency of ldn::search over an index: p50/p99, top 20 and full facets"};
    std::string database_path;
    int rounds = 20;
    app.add_option("--db", database_path, "the Xapian index (a store's index/ folder)")->required();
    app.add_option("--rounds", rounds, "times the whole mix runs after the warm-up round")->check(CLI::PositiveNumber);
    std::string only;
    app.add_option("--only", only, "run only the queries of the mix that contain this text (to profile one)");
    CLI11_PARSE(app, argc, argv);

    std::vector<MixEntry> mix;
    std::copy_if(query_mix.begin(), query_mix.end(), std::back_inserter(mix),
                 [&](const MixEntry& entry) { return std::string_view(entry.query).find(only) != std::string_view::npos; });
    if (mix.empty()) {
        std::fprintf(stderr, "ldn-bench-query: error: no query of the mix contains \"%s\"\n", only.c_str());
        return 2;
    }

    const Xapian::Database database = ldn::open_index(database_path);
    std::map<std::string, Measured> by_kind;
    std::map<std::string, Measured> by_query;
    Measured overall;
    std::map<std::string, std::size_t> totals;
    for (int round = 0; round <= rounds; ++round) {
        for (const MixEntry& entry : mix) {
            ldn::SearchRequest request;
            request.query = entry.query;
            request.sort = entry.sort;
            request.limit = 20;
            std::size_t total = 0;
            request.count = ldn::MatchCount::estimated;
            const double top = run_ms(database, request, total);
            request.count = ldn::MatchCount::exact;
            const double exact = run_ms(database, request, total);
            request.facets = {ldn::Facet::year, ldn::Facet::design, ldn::Facet::condition};
            const double with_facets = run_ms(database, request, total);
            totals[entry.query] = total;
            if (round == 0) continue;
            for (Measured* measured : {&by_kind[entry.kind], &by_query[entry.query], &overall}) {
                measured->top_ms.push_back(top);
                measured->exact_ms.push_back(exact);
                measured->facets_ms.push_back(with_facets);
            }
        }
    }

    std::printf("index: %s, %u documents; %d rounds of %zu queries after one warm-up round\n",
                database_path.c_str(), database.get_doccount(), rounds, mix.size());
    std::printf("top20: the terminal's page (estimated total); exact: the same with every match counted\n");
    std::printf("%-16s %10s %10s %10s %10s %12s %12s\n", "kind", "top20 p50", "top20 p99", "exact p50", "exact p99",
                "facets p50", "facets p99");
    auto row = [](const std::string& kind, const Measured& measured) {
        std::printf("%-16s %8.1fms %8.1fms %8.1fms %8.1fms %10.1fms %10.1fms\n", kind.c_str(),
                    percentile(measured.top_ms, 0.5), percentile(measured.top_ms, 0.99),
                    percentile(measured.exact_ms, 0.5), percentile(measured.exact_ms, 0.99),
                    percentile(measured.facets_ms, 0.5), percentile(measured.facets_ms, 0.99));
    };
    for (const auto& [kind, measured] : by_kind) row(kind, measured);
    row("all", overall);
    // p99 over the mix is set by its slowest queries: each query's own figures say which.
    std::printf("per query: top20 p50, top20 max, facets p50, facets max\n");
    for (const MixEntry& entry : mix) {
        const Measured& measured = by_query[entry.query];
        std::printf("  %8.1fms %8.1fms %10.1fms %8.1fms  %s\n", percentile(measured.top_ms, 0.5),
                    percentile(measured.top_ms, 1.0), percentile(measured.facets_ms, 0.5),
                    percentile(measured.facets_ms, 1.0), entry.query);
    }
    std::printf("matches per query:\n");
    for (const MixEntry& entry : mix) std::printf("  %9zu  %s\n", totals[entry.query], entry.query);
    std::printf("peak_rss_kb=%ld\n", ldn::bench::peak_rss_kb());
    return 0;
}
