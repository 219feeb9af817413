// esearch over real HTTP: counts, paging and history, date windows for each datetype, the 9,999
// limit, PhraseNotFound, and NCBI's <ERROR> answers for requests NCBI refuses.

#include <catch2/catch.hpp>

#include <string>

#include "tests/unit/fake_eutils/http_client.hpp"
#include "tests/unit/fake_eutils/server_helpers.hpp"

using namespace ldn::fake;
using namespace ldn::fake::test;

TEST_CASE("esearch: count, first page highest PMID first, history for efetch", "[fake_eutils]") {
    auto server = start_server(synthetic_corpus(45));
    const auto response = http_get(server.url(), "esearch.fcgi",
                                   {{"db", "pubmed"}, {"term", "naltrexone[tiab]"}, {"usehistory", "y"}});
    REQUIRE(response.ok());
    CHECK(response.status == 200);
    CHECK(response.header("content-type").rfind("text/xml", 0) == 0);
    const auto answer = read_search(response.body);
    REQUIRE(answer.well_formed);
    CHECK(answer.count == 45);
    CHECK(answer.retmax == 20);  // the default page
    CHECK(answer.retstart == 0);
    CHECK(answer.query_key == "1");
    CHECK(answer.webenv.rfind("MCID_", 0) == 0);
    const auto all = descending_pmids(10000001, 45);
    CHECK(answer.ids == std::vector<std::string>(all.begin(), all.begin() + 20));
    CHECK(answer.query_translation == "naltrexone[tiab]");

    // Paging: retstart/retmax; the last page is short.
    const auto last = read_search(http_get(server.url(), "esearch.fcgi",
                                           {{"db", "pubmed"}, {"term", "x"}, {"retstart", "40"}, {"retmax", "10"}})
                                      .body);
    CHECK(last.count == 45);
    CHECK(last.retmax == 5);
    CHECK(last.ids == std::vector<std::string>{"10000005", "10000004", "10000003", "10000002", "10000001"});
    CHECK(last.webenv.empty());  // no usehistory, no WebEnv

    // Same answer by POST (long terms go by POST), under the /entrez/eutils/ prefix too.
    const auto posted = http_post(server.url() + "entrez/eutils/", "esearch.fcgi",
                                  {{"db", "pubmed"}, {"term", std::string(3000, 'a')}, {"retmax", "0"}});
    CHECK(posted.status == 200);
    CHECK(read_search(posted.body).count == 45);
    CHECK(read_search(posted.body).ids.empty());
}

TEST_CASE("esearch: date windows for pdat, edat and mdat are inclusive", "[fake_eutils]") {
    auto corpus = std::make_shared<Corpus>();
    corpus->load_xml(synthetic_article_set({
        {11, "", {2019, 12, 31}, {2020, 1, 2}, {}},
        {12, "", {2020, 1, 1}, {2020, 1, 2}, SimpleDate{2023, 5, 5}},
        {13, "", {2020, 12, 31}, {2021, 1, 1}, {}},
        {14, "", {2021, 6, 15}, {2021, 6, 15}, SimpleDate{2023, 5, 6}},
    }));
    auto server = start_server(corpus);
    auto search = [&](const std::string& datetype, const std::string& min, const std::string& max) {
        return read_search(http_get(server.url(), "esearch.fcgi",
                                    {{"db", "pubmed"}, {"term", "ldn"}, {"datetype", datetype},
                                     {"mindate", min}, {"maxdate", max}})
                               .body)
            .ids;
    };
    using V = std::vector<std::string>;
    CHECK(search("pdat", "2020", "2020") == V{"13", "12"});
    CHECK(search("pdat", "2020/01/01", "2020/01/01") == V{"12"});
    CHECK(search("pdat", "2019/12", "2020/01") == V{"12", "11"});
    CHECK(search("edat", "2020/01/02", "2020/12/31") == V{"12", "11"});
    CHECK(search("edat", "2021", "2021") == V{"14", "13"});
    CHECK(search("mdat", "2023/05/05", "2023/05/05") == V{"12"});
    CHECK(search("mdat", "2021/06/15", "2021/06/15").empty());  // revised: its mdat is 2023
    CHECK(search("mdat", "2021/01/01", "2021/12/31") == V{"13"});            // no DateRevised: edat

    // The translation shows the window the way PubMed does.
    const auto shown = read_search(http_get(server.url(), "esearch.fcgi",
                                            {{"term", "ldn"}, {"datetype", "edat"}, {"mindate", "2021"},
                                             {"maxdate", "2021/06"}})
                                       .body);
    CHECK(shown.query_translation == "(ldn) AND 2021/01/01:2021/06/31[Date - Entrez]");
}

TEST_CASE("esearch: reldate counts back from today", "[fake_eutils]") {
    auto corpus = std::make_shared<Corpus>();
    corpus->load_xml(synthetic_article_set({
        {21, "", {2024, 3, 1}, {2024, 3, 1}, {}},
        {22, "", {2024, 2, 20}, {2024, 2, 20}, {}},
        {23, "", {2024, 1, 1}, {2024, 1, 1}, {}},
    }));
    auto options = unlimited();
    options.today = 20240301;
    auto server = start_server(corpus, options);
    const auto answer = read_search(
        http_get(server.url(), "esearch.fcgi", {{"term", "ldn"}, {"datetype", "edat"}, {"reldate", "10"}}).body);
    CHECK(answer.ids == std::vector<std::string>{"22", "21"});
}

TEST_CASE("esearch: nothing found looks like PubMed's PhraseNotFound", "[fake_eutils]") {
    auto server = start_server(synthetic_corpus(5));
    const auto response =
        http_get(server.url(), "esearch.fcgi", {{"db", "pubmed"}, {"term", "nosuchthing[tiab]"}, {"usehistory", "y"}});
    CHECK(response.status == 200);
    const auto answer = read_search(response.body);
    REQUIRE(answer.well_formed);
    CHECK(answer.error.empty());  // not an error
    CHECK(answer.count == 0);
    CHECK(answer.ids.empty());
    CHECK(answer.phrase_not_found == "nosuchthing[tiab]");
    CHECK(answer.output_message == "No items found.");
}

TEST_CASE("esearch: the 9,999 limit keeps the true count", "[fake_eutils]") {
    auto server = start_server(synthetic_corpus(10050));
    const auto full = read_search(http_get(server.url(), "esearch.fcgi",
                                           {{"term", "ldn"}, {"retstart", "9990"}, {"retmax", "100"}})
                                      .body);
    CHECK(full.count == 10050);
    CHECK(full.ids.size() == 9);  // positions 9990..9998: the 9,999th is the last reachable
    CHECK(full.ids.back() == "10000052");

    const auto beyond = http_get(server.url(), "esearch.fcgi", {{"term", "ldn"}, {"retstart", "9999"}});
    CHECK(beyond.status == 200);
    CHECK_THAT(read_search(beyond.body).error, Catch::Contains("cannot be larger than 9998"));

    const auto big = read_search(http_get(server.url(), "esearch.fcgi", {{"term", "ldn"}, {"retmax", "100000"}}).body);
    CHECK(big.ids.size() == 9999);
}

TEST_CASE("esearch: NCBI's <ERROR> answers for requests it refuses", "[fake_eutils]") {
    auto server = start_server(synthetic_corpus(3));
    struct Row {
        Form form;
        std::string message;
    };
    const Row rows[] = {
        {{{"term", "ldn"}, {"datetype", "pdat"}, {"mindate", "2020"}}, "mindate and maxdate"},
        {{{"term", "ldn"}, {"datetype", "pdat"}, {"maxdate", "2020"}}, "mindate and maxdate"},
        {{{"term", "ldn"}, {"mindate", "2020-01-01"}, {"maxdate", "2021"}}, "Invalid mindate"},
        {{{"term", "ldn"}, {"datetype", "xdat"}}, "Invalid datetype"},
        {{{"term", "ldn"}, {"retmax", "many"}}, "Invalid retmax"},
        {{{"db", "nothing"}, {"term", "ldn"}}, "Invalid db name specified: nothing"},
        {{{"db", "pubmed"}}, "Empty term"},
    };
    for (const Row& row : rows) {
        const auto response = http_get(server.url(), "esearch.fcgi", row.form);
        INFO(response.body);
        CHECK(response.status == 200);
        CHECK_THAT(read_search(response.body).error, Catch::Contains(row.message));
    }
}
