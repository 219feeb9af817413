// Exact and estimated totals: the terminal table may take Xapian's estimate, every other caller
// gets the true count (tests/fixtures/search/README.md has the hand counts).
#include <catch2/catch.hpp>

#include "tests/unit/query/search_test_corpus.hpp"

using namespace ldn;
using namespace ldn::test;

namespace {

// Two conditions as a filter AND a free-text word: a query whose count Xapian cannot read off one
// posting list, so an estimate stays an estimate until every match is checked.
SearchRequest broad_and() {
    SearchRequest request = query("naltrexone AND condition:fibromyalgia");
    request.limit = 1;
    return request;
}

}  // namespace

TEST_CASE("an exact count is the true number of matches whatever the page", "[search]") {
    SearchCorpus corpus;
    SearchRequest request = broad_and();
    const std::size_t every = all_pmids(corpus.database, request).size();
    REQUIRE(every > 2);
    const SearchResults results = search(corpus.database, request);
    CHECK(results.total == every);
    CHECK(results.total_is_exact);
}

TEST_CASE("an estimated count stops at the page and says it is an estimate", "[search]") {
    SearchCorpus corpus;
    SearchRequest request = broad_and();
    request.count = MatchCount::estimated;
    request.checked_before_estimating = 0;
    const SearchResults results = search(corpus.database, request);
    CHECK(results.hits.size() == 1);
    CHECK_FALSE(results.total_is_exact);
}

TEST_CASE("an estimated count is exact when the page reaches the last match", "[search]") {
    SearchCorpus corpus;
    SearchRequest request = broad_and();
    const std::size_t every = all_pmids(corpus.database, request).size();
    request.count = MatchCount::estimated;
    request.checked_before_estimating = 0;
    request.limit = every + 5;
    const SearchResults results = search(corpus.database, request);
    CHECK(results.hits.size() == every);
    CHECK(results.total == every);
    CHECK(results.total_is_exact);
}

TEST_CASE("an estimated count is exact when there are fewer matches than it checks first", "[search]") {
    SearchCorpus corpus;
    SearchRequest request = broad_and();
    const std::size_t every = all_pmids(corpus.database, request).size();
    request.count = MatchCount::estimated;
    request.checked_before_estimating = every + 1;
    const SearchResults results = search(corpus.database, request);
    CHECK(results.hits.size() == 1);
    CHECK(results.total == every);
    CHECK(results.total_is_exact);
}

TEST_CASE("facets make an estimated count exact, since they check every match anyway", "[search]") {
    SearchCorpus corpus;
    SearchRequest request = broad_and();
    const std::size_t every = all_pmids(corpus.database, request).size();
    request.count = MatchCount::estimated;
    request.checked_before_estimating = 0;
    request.facets = {Facet::design};
    const SearchResults results = search(corpus.database, request);
    CHECK(results.total == every);
    CHECK(results.total_is_exact);
}
