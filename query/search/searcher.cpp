#include "query/search/searcher.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <limits>
#include <optional>

#include "index/schema.hpp"
#include "query/search/facet_counter.hpp"
#include "query/search/query_language.hpp"
#include "query/search/search_hit.hpp"
#include "query/search/spelling_suggestion.hpp"

namespace ldn {

namespace {

// Below this many matches a respelt query is looked for; a query with more already finds something
// worth reading, and a suggestion would only distract.
constexpr std::size_t few_matches = 3;

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

Xapian::Query any_of(const char* prefix, const std::vector<std::string>& values) {
    std::vector<Xapian::Query> terms;
    for (const std::string& value : values) terms.emplace_back(prefix + lower(value));
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// "2019-06-01" -> "20190601", the pubdate slot's form.
std::string pubdate_key(const Day& day) {
    std::string key = day.iso();
    key.erase(std::remove(key.begin(), key.end(), '-'), key.end());
    return key;
}

Xapian::Query pubdate_equals(const std::string& value) {
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::pubdate, value, value);
}

// A record dated only to its year or month (slot "20190000", "20190600") is in the window when the
// part that is known could fall in it: --since 2019-06-01 keeps "2019" and "2019 Jun", because a
// systematic search must not silently drop records whose date is imprecise. Unknown parts are 00 and
// sort first, so the upper bound needs no such care. A record with no date at all is never in a window.
Xapian::Query date_window(const std::optional<Day>& since, const std::optional<Day>& until) {
    std::vector<Xapian::Query> bounds;
    if (since) {
        const std::string key = pubdate_key(*since);
        const Xapian::Query on_or_after[] = {Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::pubdate, key),
                                             pubdate_equals(key.substr(0, 4) + "0000"),
                                             pubdate_equals(key.substr(0, 6) + "00")};
        bounds.emplace_back(Xapian::Query::OP_OR, std::begin(on_or_after), std::end(on_or_after));
    }
    if (until) bounds.emplace_back(Xapian::Query::OP_VALUE_LE, schema::pubdate, pubdate_key(*until));
    return Xapian::Query(Xapian::Query::OP_AND, bounds.begin(), bounds.end());
}

// The command-line filters, or an empty query when there are none.
Xapian::Query request_filters(const SearchRequest& request) {
    std::vector<Xapian::Query> filters;
    if (!request.conditions.empty()) filters.push_back(any_of(schema::prefix::condition, request.conditions));
    if (!request.designs.empty()) filters.push_back(any_of(schema::prefix::design, request.designs));
    if (request.since || request.until) filters.push_back(date_window(request.since, request.until));
    return Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
}

Xapian::Query filtered(const Xapian::Query& query, const Xapian::Query& filters) {
    return filters.empty() ? query : Xapian::Query(Xapian::Query::OP_FILTER, query, filters);
}

Xapian::doccount as_doccount(std::size_t count) {
    return static_cast<Xapian::doccount>(std::min<std::size_t>(count, std::numeric_limits<Xapian::doccount>::max()));
}

// Exact, because the matcher is told to check every document rather than estimate.
std::size_t count_matches(const Xapian::Database& database, const Xapian::Query& query) {
    Xapian::Enquire enquire(database);
    enquire.set_query(query);
    return enquire.get_mset(0, 0, database.get_doccount()).get_matches_estimated();
}

std::optional<std::string> suggestion(const Xapian::Database& database, const SearchRequest& request,
                                      const ParsedQuery& parsed, const Xapian::Query& filters, std::size_t total) {
    std::optional<std::string> respelt = respelt_query(database, request.query, parsed.words);
    if (!respelt) return std::nullopt;
    try {
        ParsedQuery corrected = parse_query(*respelt, database);
        if (count_matches(database, filtered(corrected.query, filters)) > total) return respelt;
    } catch (const QuerySyntaxError&) {
        // A correction that breaks the query is no help: offer nothing.
    }
    return std::nullopt;
}

// Whether any match can weigh more than nothing: not so when the query is filters only.
bool has_relevance(const Xapian::Database& database, const Xapian::Query& query) {
    Xapian::Enquire probe(database);
    probe.set_query(query);
    return probe.get_mset(0, 0, Xapian::doccount{0}).get_max_possible() > 0;
}

}  // namespace

SearchResults search(const Xapian::Database& database, const SearchRequest& request) {
    ParsedQuery parsed = parse_query(request.query, database);
    Xapian::Query filters = request_filters(request);
    const Xapian::Query query = filtered(parsed.query, filters);
    const bool sorted_by_value = request.sort != SortOrder::relevance;
    const bool check_every_match = request.count == MatchCount::exact || !request.facets.empty();

    // Over several shards (a stub file) Xapian 1.4 shows a match spy some documents twice when the
    // match is sorted by a value and the page holds fewer than all matches. So facets of a sorted
    // search are counted in a pass of their own in relevance order, which also counts the total;
    // the sorted pass then only finds its page.
    FacetCounter facets(request.facets);
    std::optional<Xapian::MSet> counted;
    if (!request.facets.empty() && sorted_by_value) {
        Xapian::Enquire counting(database);
        counting.set_query(query);
        if (request.count_seconds > 0) counting.set_time_limit(request.count_seconds);
        facets.attach(counting);
        counted = counting.get_mset(0, 0, database.get_doccount());
    }

    // Ties fall in docid order, which depends on how the records are split into shards. With
    // relevance they are rare; without it (filters only) every match ties, so such searches sort by
    // values that end with the PMID: ties in PMID order on every split (docs/SCHEMA.md).
    Xapian::Enquire enquire(database);
    enquire.set_query(query);
    if (!has_relevance(database, query)) {
        switch (request.sort) {
            case SortOrder::relevance: enquire.set_sort_by_value(schema::pmid_order, false); break;
            case SortOrder::date: enquire.set_sort_by_value(schema::date_order, true); break;
            case SortOrder::evidence: enquire.set_sort_by_value(schema::evidence_order, false); break;
        }
    } else if (request.sort == SortOrder::date) {
        enquire.set_sort_by_value_then_relevance(schema::pubdate, true);
    } else if (request.sort == SortOrder::evidence) {
        enquire.set_sort_by_value_then_relevance(schema::evidence_level, false);
    }
    if (request.count_seconds > 0) enquire.set_time_limit(request.count_seconds);
    if (!counted) facets.attach(enquire);
    const bool page_counts = check_every_match && !counted;
    const std::size_t checked = page_counts ? database.get_doccount() : request.checked_before_estimating;
    const Xapian::MSet matches =
        enquire.get_mset(as_doccount(request.offset), as_doccount(request.limit), as_doccount(checked));

    const Xapian::MSet& counting_pass = counted ? *counted : matches;
    SearchResults results;
    results.total = counting_pass.get_matches_estimated();
    results.total_is_exact = counting_pass.get_matches_lower_bound() == counting_pass.get_matches_upper_bound();
    results.hits = hits_of(matches);
    results.facets = facets.counts();
    if (results.total_is_exact && results.total < few_matches) results.suggestion = suggestion(database, request, parsed, filters, results.total);
    return results;
}

const char* facet_name(Facet facet) {
    switch (facet) {
        case Facet::year: return "year";
        case Facet::design: return "design";
        case Facet::condition: return "condition";
    }
    return "";
}

std::optional<Facet> parse_facet(const std::string& name) {
    for (Facet facet : {Facet::year, Facet::design, Facet::condition}) {
        if (name == facet_name(facet)) return facet;
    }
    return std::nullopt;
}

std::optional<SearchHit> find_record(const Xapian::Database& database, const std::string& pmid) {
    const std::string unique_term = schema::pmid_term(pmid);
    Xapian::PostingIterator posting = database.postlist_begin(unique_term);
    if (posting == database.postlist_end(unique_term)) return std::nullopt;
    return SearchHit{pmid, 0, database.get_document(*posting).get_data()};
}

}  // namespace ldn
