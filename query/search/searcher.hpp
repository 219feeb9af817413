#pragma once
// Running a search over the index: the query language plus the command-line filters, sorting,
// paging, facet counts over all matches, and a spelling suggestion when little matches. One
// function for the CLI, the export, watches, the summary and the HTTP server.

#include <xapian.h>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "crawler/calendar.hpp"

namespace ldn {

enum class SortOrder { relevance, date, evidence };
enum class Facet { year, design, condition };
// exact: every match is checked, so the total is the true count (what paging through everything,
// watches and JSON need). estimated: the matcher checks checked_before_estimating matches at most
// (so a topic-sized result is still counted exactly) and beyond that the total is Xapian's estimate
// from term statistics: the terminal's "of about N", which on a dense million-record index halves the
// time of a broad query (docs/BENCHMARKS.md). Facets always check every match.
enum class MatchCount { exact, estimated };

struct SearchRequest {
    std::string query;                    // the query language; empty means every record
    std::vector<std::string> conditions;  // --condition: any of these (OR); empty = no filter
    std::vector<std::string> designs;     // --design: any of these (OR); empty = no filter
    std::optional<Day> since;             // publication date on or after (pubdate slot)
    std::optional<Day> until;             // publication date on or before
    SortOrder sort = SortOrder::relevance;  // date: newest first; evidence: level 1 first, then relevance
    std::size_t offset = 0;
    std::size_t limit = 20;  // 0: no results, only the total and facets
    std::vector<Facet> facets;
    MatchCount count = MatchCount::exact;
    std::size_t checked_before_estimating = 10000;  // with MatchCount::estimated
    // When above 0, checking every match for the count stops after this many seconds and the total
    // becomes an estimate (Xapian's Enquire::set_time_limit): the server's bound on a request.
    double count_seconds = 0;
};

struct SearchHit {
    std::string pmid;
    double score = 0;  // Xapian's relevance weight (0 for filter-only queries)
    std::string data;  // the document data: Article JSON plus "annotations" (docs/SCHEMA.md)
};

struct SearchResults {
    std::size_t total = 0;  // every match, not just the page
    bool total_is_exact = true;  // false only for an estimated count that the page did not settle
    std::vector<SearchHit> hits;
    // facet name ("year", "design", "condition") -> value -> count of matches; only requested facets
    std::map<std::string, std::map<std::string, std::size_t>> facets;
    // A corrected query text ("did you mean …") when few or no records match; nullopt otherwise.
    std::optional<std::string> suggestion;
};

// Throws QuerySyntaxError for a bad query.
SearchResults search(const Xapian::Database& database, const SearchRequest& request);

// The facet's name as printed and as typed (`--facets year,design,condition`).
const char* facet_name(Facet facet);
std::optional<Facet> parse_facet(const std::string& name);

// The stored document of one PMID, or nullopt when the index does not hold it.
std::optional<SearchHit> find_record(const Xapian::Database& database, const std::string& pmid);

// Records like `pmid` (relevance feedback on its terms), best first, never the record itself.
// Throws ldn::Error (exit 1) when the index does not hold `pmid`.
std::vector<SearchHit> similar_records(const Xapian::Database& database, const std::string& pmid, std::size_t limit);

}  // namespace ldn
