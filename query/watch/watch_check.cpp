#include "query/watch/watch_check.hpp"

#include <algorithm>
#include <functional>

#include "query/search/query_language.hpp"
#include "query/search/searcher.hpp"
#include "query/search/stored_record.hpp"

namespace ldn {

namespace {

// Matches are read a page at a time, so a watch over the whole collection holds one page of
// documents, not every match.
constexpr std::size_t page_size = 1000;

// Calls `visit` with every hit of `query`, through search() so that a watch means exactly what the
// same query means to `ldn search`. Throws QuerySyntaxError.
void for_each_match(const Xapian::Database& database, const std::string& query,
                    const std::function<void(const SearchHit&)>& visit) {
    SearchRequest request;
    request.query = query;
    request.limit = page_size;
    std::size_t seen = 0;
    while (true) {
        const SearchResults page = search(database, request);
        for (const SearchHit& hit : page.hits) visit(hit);
        seen += page.hits.size();
        if (page.hits.size() < page_size || seen >= page.total) return;
        request.offset += page_size;
    }
}

AlertRecord alert_record(const SearchHit& hit) {
    const ExportRecord record = read_stored_record(hit.data);
    return {hit.pmid,
            record.article.title,
            record.article.year,
            record.annotations.design,
            record.annotations.conditions,
            record.article.retracted};
}

WatchAlert check_watch(Watch& watch, const Xapian::Database& database) {
    WatchAlert alert{watch.name, watch.query, {}, !watch.matched.has_value(), {}};
    std::vector<std::string> matched_now;
    try {
        for_each_match(database, watch.query, [&](const SearchHit& hit) {
            matched_now.push_back(hit.pmid);
            // A watch never checked takes everything matching now as its baseline, not as news.
            const bool known = !watch.matched ||
                               std::binary_search(watch.matched->begin(), watch.matched->end(), hit.pmid, pmid_less);
            if (!known) alert.new_records.push_back(alert_record(hit));
        });
    } catch (const QuerySyntaxError& error) {
        alert.problem = error.what();
        alert.first_check = false;
        return alert;
    }
    std::sort(matched_now.begin(), matched_now.end(), pmid_less);
    std::sort(alert.new_records.begin(), alert.new_records.end(),
              [](const AlertRecord& left, const AlertRecord& right) { return pmid_less(left.pmid, right.pmid); });
    watch.matched = std::move(matched_now);
    return alert;
}

}  // namespace

std::vector<std::string> matching_pmids(const Xapian::Database& database, const std::string& query) {
    std::vector<std::string> pmids;
    for_each_match(database, query, [&](const SearchHit& hit) { pmids.push_back(hit.pmid); });
    std::sort(pmids.begin(), pmids.end(), pmid_less);
    return pmids;
}

std::vector<WatchAlert> check_watches(WatchList& watches, const Xapian::Database& database) {
    std::vector<WatchAlert> alerts;
    for (Watch& watch : watches.watches()) alerts.push_back(check_watch(watch, database));
    return alerts;
}

std::size_t new_record_count(const std::vector<WatchAlert>& alerts) {
    std::size_t count = 0;
    for (const WatchAlert& alert : alerts) count += alert.new_records.size();
    return count;
}

}  // namespace ldn
