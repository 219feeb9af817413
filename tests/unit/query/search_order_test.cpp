// Sorting (relevance, newest first, strongest evidence first), paging and exact totals over the
// fixture corpus; expected orders are hand-made from tests/fixtures/search/README.md.
#include <catch2/catch.hpp>

#include <set>

#include "tests/unit/query/search_test_corpus.hpp"

using namespace ldn;
using namespace ldn::test;

using Pmids = std::vector<std::string>;

namespace {

bool scores_never_rise(const std::vector<SearchHit>& hits) {
    for (std::size_t i = 1; i < hits.size(); ++i) {
        if (hits[i].score > hits[i - 1].score) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("relevance order puts the best match first and scores every hit", "[search]") {
    SearchCorpus corpus;
    SearchResults results = search(corpus.database, query("fibromyalgia"));
    CHECK(results.total == 13);
    REQUIRE(results.hits.size() == 13);
    CHECK(scores_never_rise(results.hits));
    CHECK(results.hits.back().score > 0);
    CHECK(results.hits.front().score > results.hits.back().score);
}

TEST_CASE("date order is newest first, a record dated only by its year after that year's dated ones", "[search]") {
    SearchCorpus corpus;
    SearchRequest request;
    request.sort = SortOrder::date;
    request.limit = 30;
    CHECK(pmids(search(corpus.database, request).hits) ==
          Pmids{"90000023", "90000015", "90000007", "90000021", "90000027", "90000012", "90000005", "90000026",
                "90000022", "90000004", "90000018", "90000017", "90000006", "90000016", "90000020", "90000030",
                "90000019", "90000003", "90000025", "90000009", "90000029", "90000028", "90000011", "90000008",
                "90000013", "90000001", "90000010", "90000014", "90000024", "90000002"});

    request = query("fibromyalgia");
    request.sort = SortOrder::date;
    CHECK(all_pmids(corpus.database, request) ==
          Pmids{"90000023", "90000015", "90000005", "90000004", "90000018", "90000030", "90000019", "90000003",
                "90000013", "90000001", "90000014", "90000024", "90000002"});
}

TEST_CASE("evidence order is level 1 first, then by relevance within a level", "[search]") {
    SearchCorpus corpus;
    SearchRequest request;
    request.sort = SortOrder::evidence;
    // No text: every weight is 0, so each level is in PMID order.
    CHECK(all_pmids(corpus.database, request) ==
          Pmids{"90000004", "90000015",                                                      // sr-ma
                "90000001", "90000003", "90000005", "90000007", "90000008", "90000012", "90000014", "90000021",
                "90000023", "90000026",                                                      // rct
                "90000002", "90000006", "90000016", "90000018", "90000019", "90000022", "90000027", "90000028",
                "90000029",                                                                  // level 3
                "90000010", "90000011", "90000020", "90000024",                              // case series, reports
                "90000009", "90000013", "90000017", "90000025", "90000030"});                // review, other

    request = query("fibromyalgia");
    request.sort = SortOrder::evidence;
    std::vector<SearchHit> hits = search(corpus.database, request).hits;
    REQUIRE(hits.size() == 13);
    Pmids order = pmids(hits);
    CHECK(std::set<std::string>(order.begin(), order.begin() + 2) == std::set<std::string>{"90000004", "90000015"});
    CHECK(std::set<std::string>(order.begin() + 2, order.begin() + 7) ==
          std::set<std::string>{"90000001", "90000003", "90000005", "90000014", "90000023"});
    CHECK(scores_never_rise({hits.begin(), hits.begin() + 2}));
    CHECK(scores_never_rise({hits.begin() + 2, hits.begin() + 7}));
}

TEST_CASE("paging returns the requested slice and the exact total of all matches", "[search]") {
    SearchCorpus corpus;
    struct Row {
        std::size_t offset;
        std::size_t limit;
        Pmids expected;
    };
    const Row rows[] = {
        {0, 3, {"90000001", "90000002", "90000003"}},
        {10, 5, {"90000011", "90000012", "90000013", "90000014", "90000015"}},
        {28, 5, {"90000029", "90000030"}},
        {40, 5, {}},
        {5, 0, {}},
    };
    for (const Row& row : rows) {
        SearchRequest request;
        request.offset = row.offset;
        request.limit = row.limit;
        SearchResults results = search(corpus.database, request);
        INFO("offset " << row.offset << " limit " << row.limit);
        CHECK(pmids(results.hits) == row.expected);
        CHECK(results.total == 30);
    }

    SearchRequest request;
    request.sort = SortOrder::date;
    request.offset = 20;
    request.limit = 3;
    CHECK(pmids(search(corpus.database, request).hits) == Pmids{"90000029", "90000028", "90000011"});
}

TEST_CASE("the total counts every match even when the page holds one", "[search]") {
    SearchCorpus corpus;
    SearchRequest request = query("fibromyalgia");
    request.limit = 1;
    SearchResults results = search(corpus.database, request);
    CHECK(results.hits.size() == 1);
    CHECK(results.total == 13);

    request.limit = 0;
    request.conditions = {"osteoarthritis"};
    CHECK(search(corpus.database, request).total == 0);
}
