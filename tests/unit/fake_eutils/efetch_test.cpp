// efetch over real HTTP: through history (pages cover the search exactly, the 9,999 limit, WebEnv
// lifetimes) and by id list (GET and POST, large POST bodies, deleted records absent, revised
// records served as revised).

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <thread>

#include "tests/unit/fake_eutils/http_client.hpp"
#include "tests/unit/fake_eutils/server_helpers.hpp"

using namespace ldn::fake;
using namespace ldn::fake::test;

namespace {

SearchAnswer search_with_history(const RunningServer& server) {
    return read_search(http_get(server.url(), "esearch.fcgi",
                                {{"db", "pubmed"}, {"term", "ldn"}, {"usehistory", "y"}, {"retmax", "0"}})
                           .body);
}

HttpResult fetch_page(const RunningServer& server, const SearchAnswer& search, std::size_t retstart,
                      std::size_t retmax) {
    return http_get(server.url(), "efetch.fcgi",
                    {{"db", "pubmed"}, {"WebEnv", search.webenv}, {"query_key", search.query_key},
                     {"retstart", std::to_string(retstart)}, {"retmax", std::to_string(retmax)},
                     {"rettype", "abstract"}, {"retmode", "xml"}});
}

}  // namespace

TEST_CASE("efetch through history: the pages cover the search exactly, in order", "[fake_eutils]") {
    auto server = start_server(synthetic_corpus(130));
    const auto search = search_with_history(server);
    REQUIRE(search.count == 130);
    std::vector<std::string> fetched;
    for (std::size_t start = 0; start < 130; start += 50) {
        const auto response = fetch_page(server, search, start, 50);
        REQUIRE(response.ok());
        CHECK(response.status == 200);
        CHECK(response.body.rfind("<?xml", 0) == 0);
        CHECK(response.body.find("<!DOCTYPE PubmedArticleSet") != std::string::npos);
        const auto page = read_fetch(response.body);
        REQUIRE(page.well_formed);
        fetched.insert(fetched.end(), page.pmids.begin(), page.pmids.end());
    }
    CHECK(fetched == descending_pmids(10000001, 130));
    // The bytes are the record as loaded.
    const auto one = fetch_page(server, search, 0, 1);
    CHECK(one.body.find(server->corpus().find("10000130")->xml) != std::string::npos);
}

TEST_CASE("efetch by id list, GET and POST, deleted ids are simply absent", "[fake_eutils]") {
    auto server = start_server(synthetic_corpus(3000));
    const auto by_get =
        read_fetch(http_get(server.url(), "efetch.fcgi", {{"db", "pubmed"}, {"id", "10000003,10000001,10000002"}}).body);
    CHECK(by_get.pmids == std::vector<std::string>{"10000003", "10000001", "10000002"});

    // 3,000 ids (about 27 KB) by POST: larger than cpp-httplib's own 8 KiB limit for form bodies.
    std::string ids;
    for (std::uint64_t pmid = 10000001; pmid <= 10003000; ++pmid) ids += (ids.empty() ? "" : ",") + std::to_string(pmid);
    const auto posted = http_post(server.url(), "efetch.fcgi", {{"db", "pubmed"}, {"id", ids}, {"retmode", "xml"}});
    REQUIRE(posted.status == 200);
    CHECK(read_fetch(posted.body).pmids.size() == 3000);

    REQUIRE(server->corpus().remove("10000002"));
    const auto after = read_fetch(http_post(server.url(), "efetch.fcgi",
                                            {{"db", "pubmed"}, {"id", "10000001,10000002,10000003,99"}})
                                      .body);
    CHECK(after.pmids == std::vector<std::string>{"10000001", "10000003"});
}

TEST_CASE("efetch serves a revised record's new bytes, also for an older search", "[fake_eutils]") {
    auto server = start_server(synthetic_corpus(5));
    const auto search = search_with_history(server);
    server->corpus().put(make_corpus_record(
        synthetic_record_xml({10000005, "Revised on day two.", {2015, 1, 1}, {2015, 1, 1}, SimpleDate{2025, 6, 1}})));
    const auto response = fetch_page(server, search, 0, 1);
    CHECK(response.body.find("Revised on day two.") != std::string::npos);
    const auto revised = read_search(http_get(server.url(), "esearch.fcgi",
                                              {{"term", "ldn"}, {"datetype", "mdat"}, {"mindate", "2025"},
                                               {"maxdate", "2025"}})
                                         .body);
    CHECK(revised.ids == std::vector<std::string>{"10000005"});
}

TEST_CASE("efetch through history stops at the 9,999th record", "[fake_eutils]") {
    auto server = start_server(synthetic_corpus(10020));
    const auto search = search_with_history(server);
    REQUIRE(search.count == 10020);
    const auto last = read_fetch(fetch_page(server, search, 9990, 500).body);
    CHECK(last.pmids.size() == 9);
    const auto beyond = fetch_page(server, search, 9999, 20);
    CHECK(beyond.status == 200);
    CHECK_THAT(read_fetch(beyond.body).error, Catch::Contains("9998"));
}

TEST_CASE("efetch with an unknown or expired WebEnv: status 200 and 'Unable to obtain query'", "[fake_eutils]") {
    auto options = unlimited();
    options.webenv_limits.max_uses = 2;
    auto server = start_server(synthetic_corpus(10), options);

    const auto unknown = http_get(server.url(), "efetch.fcgi",
                                  {{"db", "pubmed"}, {"WebEnv", "MCID_nonsense"}, {"query_key", "1"}});
    CHECK(unknown.status == 200);
    CHECK(read_fetch(unknown.body).error == "Unable to obtain query #1");

    SECTION("after N uses") {
        const auto search = search_with_history(server);
        CHECK(read_fetch(fetch_page(server, search, 0, 5).body).pmids.size() == 5);
        CHECK(read_fetch(fetch_page(server, search, 5, 5).body).pmids.size() == 5);
        CHECK(read_fetch(fetch_page(server, search, 5, 5).body).error == "Unable to obtain query #1");
        // Searching again gives a fresh WebEnv that works.
        const auto again = search_with_history(server);
        CHECK(again.webenv != search.webenv);
        CHECK(read_fetch(fetch_page(server, again, 5, 5).body).pmids.size() == 5);
    }
    SECTION("after a time") {
        server->set_webenv_limits(HistoryLimits{std::chrono::milliseconds(200), std::nullopt});
        const auto search = search_with_history(server);
        CHECK(read_fetch(fetch_page(server, search, 0, 5).body).error.empty());
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
        CHECK(read_fetch(fetch_page(server, search, 0, 5).body).error == "Unable to obtain query #1");
    }
    SECTION("on demand") {
        server->set_webenv_limits({});
        const auto search = search_with_history(server);
        server->expire_webenvs();
        CHECK(read_fetch(fetch_page(server, search, 0, 5).body).error == "Unable to obtain query #1");
    }
}

TEST_CASE("epost stores ids for efetch, empty requests get NCBI's errors", "[fake_eutils]") {
    auto server = start_server(synthetic_corpus(10));
    const auto posted = http_post(server.url(), "epost.fcgi", {{"db", "pubmed"}, {"id", "10000004,10000009"}});
    pugi::xml_document document;
    REQUIRE(document.load_string(posted.body.c_str()));
    const std::string webenv = document.child("ePostResult").child_value("WebEnv");
    const std::string query_key = document.child("ePostResult").child_value("QueryKey");
    CHECK(query_key == "1");
    const auto fetched = read_fetch(http_get(server.url(), "efetch.fcgi",
                                             {{"db", "pubmed"}, {"WebEnv", webenv}, {"query_key", query_key},
                                              {"retmax", "10"}})
                                        .body);
    CHECK(fetched.pmids == std::vector<std::string>{"10000004", "10000009"});

    // A search naming that WebEnv adds its result to it under the next query_key, as NCBI does.
    const auto joined = read_search(http_get(server.url(), "esearch.fcgi",
                                             {{"term", "ldn"}, {"usehistory", "y"}, {"WebEnv", webenv}})
                                        .body);
    CHECK(joined.webenv == webenv);
    CHECK(joined.query_key == "2");

    CHECK_THAT(read_fetch(http_get(server.url(), "efetch.fcgi", {{"db", "pubmed"}}).body).error,
               Catch::Contains("Empty id list"));
    CHECK(http_get(server.url(), "epost.fcgi", {{"db", "pubmed"}}).body.find("Empty ID list") != std::string::npos);
}
