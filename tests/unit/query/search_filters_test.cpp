// Search filters over the fixture corpus: conditions and designs (any of), date windows (records
// dated only to a year or month are in a window their known part could fall in), and filters with a
// text query. Expected PMIDs are hand-counted from tests/fixtures/search/README.md.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "tests/unit/query/search_test_corpus.hpp"

using namespace ldn;
using namespace ldn::test;

using Pmids = std::vector<std::string>;

TEST_CASE("an empty query finds every record in PMID order with score 0", "[search]") {
    SearchCorpus corpus;
    SearchResults results = search(corpus.database, query(""));
    CHECK(results.total == 30);
    REQUIRE(results.hits.size() == 20);
    CHECK(results.hits.front().pmid == "90000001");
    CHECK(results.hits.back().pmid == "90000020");
    CHECK(std::all_of(results.hits.begin(), results.hits.end(), [](const SearchHit& hit) { return hit.score == 0; }));
    CHECK(results.hits.front().data.find("\"pmid\":\"90000001\"") != std::string::npos);
    CHECK_FALSE(results.suggestion);
}

TEST_CASE("condition and design filters keep records with any of their values", "[search]") {
    SearchCorpus corpus;
    struct Row {
        std::vector<std::string> conditions;
        std::vector<std::string> designs;
        Pmids expected;
    };
    const Row rows[] = {
        {{"lupus"}, {}, {"90000010", "90000016", "90000026"}},
        {{"lupus", "crps"}, {}, {"90000010", "90000011", "90000015", "90000016", "90000021", "90000026"}},
        {{}, {"case-report", "case-series"}, {"90000010", "90000011", "90000020", "90000024"}},
        {{"fibromyalgia"}, {"rct"}, {"90000001", "90000003", "90000005", "90000014", "90000023"}},
        {{"rheumatoid-arthritis", "lupus"}, {"observational"}, {"90000006", "90000016"}},
        {{"sjogren"}, {}, {}},
        {{"LUPUS"}, {"RCT"}, {"90000026"}},
    };
    for (const Row& row : rows) {
        SearchRequest request;
        request.conditions = row.conditions;
        request.designs = row.designs;
        INFO("conditions " << row.conditions.size() << ", designs " << row.designs.size());
        CHECK(all_pmids(corpus.database, request) == row.expected);
    }
}

TEST_CASE("a date window keeps records whose known date part could fall in it", "[search]") {
    SearchCorpus corpus;
    struct Row {
        const char* since;  // "" for none
        const char* until;
        Pmids expected;
    };
    const Row rows[] = {
        // 90000030 is dated 2019 Jun (20190600), 90000020 2019-06-20; 90000019 (2019-03-11) is out.
        {"2019-06-01", "2019-06-30", {"90000020", "90000030"}},
        // 90000011 is dated 2016 only; 90000028 (2016-03-07) is before the window.
        {"2016-06-01", "2016-12-31", {"90000011"}},
        {"2025-01-01", "", {"90000015", "90000023"}},
        {"", "2010-12-31", {"90000002", "90000024"}},
        {"2009-06-01", "2009-06-01", {"90000002"}},
        // 2019 Jul-Aug (20190700) could fall after July 15.
        {"2019-07-15", "2019-12-31", {"90000016"}},
        {"2026-01-01", "", {}},
    };
    for (const Row& row : rows) {
        SearchRequest request;
        if (*row.since) request.since = day(row.since);
        if (*row.until) request.until = day(row.until);
        INFO("since '" << row.since << "' until '" << row.until << "'");
        CHECK(all_pmids(corpus.database, request) == row.expected);
    }
}

TEST_CASE("filters narrow a text query", "[search]") {
    SearchCorpus corpus;
    SearchRequest request = query("naltrexone");
    request.designs = {"rct"};
    Pmids found = all_pmids(corpus.database, request);
    // 90000003 and 90000007 say only "LDN".
    CHECK(std::set<std::string>(found.begin(), found.end()) ==
          std::set<std::string>{"90000001", "90000005", "90000008", "90000012", "90000014", "90000021", "90000023",
                                "90000026"});

    request.conditions = {"fibromyalgia"};
    request.since = day("2020-01-01");
    found = all_pmids(corpus.database, request);
    CHECK(std::set<std::string>(found.begin(), found.end()) == std::set<std::string>{"90000005", "90000023"});
}
