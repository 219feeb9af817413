// Facet counts (year, design, condition) over every match of a search, not just the page; counts are
// hand-counted from tests/fixtures/search/README.md.
#include <catch2/catch.hpp>

#include "tests/unit/query/search_test_corpus.hpp"

using namespace ldn;
using namespace ldn::test;

using Counts = std::map<std::string, std::size_t>;

TEST_CASE("facets count every record of the index", "[search]") {
    SearchCorpus corpus;
    SearchRequest request;
    request.limit = 0;
    request.facets = {Facet::year, Facet::design, Facet::condition};
    SearchResults results = search(corpus.database, request);
    CHECK(results.hits.empty());
    REQUIRE(results.facets.size() == 3);
    CHECK(results.facets["year"] == Counts{{"2009", 1}, {"2010", 1}, {"2011", 1}, {"2012", 1}, {"2013", 1},
                                           {"2014", 1}, {"2015", 1}, {"2016", 2}, {"2017", 2}, {"2018", 2},
                                           {"2019", 4}, {"2020", 3}, {"2021", 2}, {"2022", 2}, {"2023", 2},
                                           {"2024", 2}, {"2025", 2}});
    CHECK(results.facets["design"] == Counts{{"case-report", 3}, {"case-series", 1}, {"non-randomized-trial", 3},
                                             {"observational", 6}, {"other", 1}, {"rct", 10}, {"review", 4},
                                             {"sr-ma", 2}});
    // 90000015 and 90000016 have two conditions each and count in both; 90000017 has none.
    CHECK(results.facets["condition"] == Counts{{"chronic-pain", 1}, {"crps", 3}, {"fibromyalgia", 13},
                                                {"low-back-pain", 3}, {"lupus", 3}, {"osteoarthritis", 4},
                                                {"rheumatoid-arthritis", 4}});
}

TEST_CASE("facets count the matches of the query and filters, beyond the page", "[search]") {
    SearchCorpus corpus;
    SearchRequest request;
    request.conditions = {"fibromyalgia"};
    request.limit = 2;
    request.facets = {Facet::design};
    SearchResults results = search(corpus.database, request);
    CHECK(results.hits.size() == 2);
    CHECK(results.facets == std::map<std::string, Counts>{
                                {"design", Counts{{"case-report", 1}, {"non-randomized-trial", 2}, {"observational", 1},
                                                  {"other", 1}, {"rct", 5}, {"review", 1}, {"sr-ma", 2}}}});

    request.conditions = {"lupus"};
    request.facets = {Facet::condition, Facet::year};
    results = search(corpus.database, request);
    CHECK(results.facets == std::map<std::string, Counts>{
                                {"condition", Counts{{"lupus", 3}, {"rheumatoid-arthritis", 1}}},
                                {"year", Counts{{"2012", 1}, {"2019", 1}, {"2022", 1}}}});
}

TEST_CASE("only the requested facets are counted", "[search]") {
    SearchCorpus corpus;
    SearchRequest request;
    CHECK(search(corpus.database, request).facets.empty());

    request.facets = {Facet::year, Facet::year};
    request.designs = {"sr-ma"};
    CHECK(search(corpus.database, request).facets ==
          std::map<std::string, Counts>{{"year", Counts{{"2021", 1}, {"2025", 1}}}});

    request.designs = {"case-control"};
    CHECK(search(corpus.database, request).facets == std::map<std::string, Counts>{{"year", Counts{}}});
}

TEST_CASE("facet names are printed and parsed alike", "[search]") {
    for (Facet facet : {Facet::year, Facet::design, Facet::condition}) {
        CHECK(parse_facet(facet_name(facet)) == facet);
    }
    CHECK(std::string(facet_name(Facet::condition)) == "condition");
    CHECK_FALSE(parse_facet("conditions"));
    CHECK_FALSE(parse_facet("Year"));
    CHECK_FALSE(parse_facet(""));
}
