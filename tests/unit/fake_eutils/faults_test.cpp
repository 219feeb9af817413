// Each fault class as a real libcurl client sees it: statuses and bodies, a reset connection, a body
// cut short, a complete 200 whose XML stops mid-record, a slow answer that trips a client timeout,
// <ERROR> bodies and maintenance pages with status 200, and an expired WebEnv.

#include <catch2/catch.hpp>

#include <string>

#include "tests/unit/fake_eutils/http_client.hpp"
#include "tests/unit/fake_eutils/server_helpers.hpp"

using namespace ldn::fake;
using namespace ldn::fake::test;

namespace {

// A server whose first request gets `fault`.
RunningServer with_first_request(FaultKind fault, std::size_t records = 20) {
    auto options = unlimited();
    options.faults.scripted[1] = fault;
    options.faults.slow_delay = std::chrono::milliseconds(1500);
    return start_server(synthetic_corpus(records), options);
}

HttpResult fetch_ids(const RunningServer& server, long timeout_ms = 5000) {
    return http_get(server.url(), "efetch.fcgi",
                    {{"db", "pubmed"}, {"id", "10000001,10000002,10000003,10000004"}, {"retmode", "xml"}},
                    timeout_ms);
}

}  // namespace

TEST_CASE("faults: HTTP error statuses with NCBI-like bodies", "[fake_eutils]") {
    struct Row {
        FaultKind fault;
        long status;
        std::string content_type;
        std::string body_has;
    };
    const Row rows[] = {
        {FaultKind::too_many_requests, 429, "application/json", "API rate limit exceeded"},
        {FaultKind::bad_request, 400, "application/json", "Bad Request"},
        {FaultKind::server_error, 500, "text/html", "WWW Error 500 Diagnostic"},
        {FaultKind::server_error_json, 500, "application/json", "\"error\""},
        {FaultKind::bad_gateway, 502, "text/html", "Bad Gateway"},
        {FaultKind::service_unavailable, 503, "text/html", "Service Unavailable"},
    };
    for (const Row& row : rows) {
        INFO(fault_name(row.fault));
        auto server = with_first_request(row.fault);
        const auto first = fetch_ids(server);
        CHECK(first.ok());
        CHECK(first.status == row.status);
        CHECK(first.header("content-type") == row.content_type);
        CHECK_THAT(first.body, Catch::Contains(row.body_has));
        CHECK(read_fetch(fetch_ids(server).body).pmids.size() == 4);  // the next one is fine
        const auto log = server->requests();
        CHECK(log[0].fault == row.fault);
        CHECK_FALSE(log[0].rate_limited);
        CHECK(log[0].status == row.status);
    }
}

TEST_CASE("faults: a reset connection is a transport error, with no response", "[fake_eutils]") {
    auto server = with_first_request(FaultKind::connection_reset);
    const auto reset = fetch_ids(server);
    CHECK_FALSE(reset.ok());
    CHECK((reset.code == CURLE_RECV_ERROR || reset.code == CURLE_GOT_NOTHING));
    CHECK(reset.status == 0);
    CHECK(reset.body.empty());
    CHECK(server->requests()[0].status == 0);
    CHECK(fetch_ids(server).status == 200);  // the server itself is fine
}

TEST_CASE("faults: a body shorter than its Content-Length is a transport error", "[fake_eutils]") {
    auto server = with_first_request(FaultKind::partial_body);
    const auto partial = fetch_ids(server);
    CHECK(partial.code == CURLE_PARTIAL_FILE);
    CHECK_FALSE(partial.body.empty());
}

TEST_CASE("faults: a truncated 200 is complete HTTP but ill-formed XML, cut inside a record", "[fake_eutils]") {
    auto server = with_first_request(FaultKind::truncated_body);
    const auto truncated = fetch_ids(server);
    CHECK(truncated.ok());
    CHECK(truncated.status == 200);
    CHECK(truncated.header("content-length") == std::to_string(truncated.body.size()));
    CHECK_FALSE(read_fetch(truncated.body).well_formed);
    CHECK(truncated.body.find("</PubmedArticleSet>") == std::string::npos);
    CHECK(truncated.body.find("<PubmedArticle>") != std::string::npos);
    CHECK(read_fetch(fetch_ids(server).body).well_formed);
}

TEST_CASE("faults: a slow answer trips a client's timeout, a patient client gets the data", "[fake_eutils]") {
    auto server = with_first_request(FaultKind::slow_response);
    const auto impatient = fetch_ids(server, 300);
    CHECK(impatient.code == CURLE_OPERATION_TIMEDOUT);

    auto options = unlimited();
    options.faults.scripted[1] = FaultKind::slow_response;
    options.faults.slow_delay = std::chrono::milliseconds(300);
    auto other = start_server(synthetic_corpus(5), options);
    const auto patient = fetch_ids(other, 3000);
    CHECK(patient.status == 200);
    CHECK(patient.elapsed >= std::chrono::milliseconds(280));
    CHECK(read_fetch(patient.body).pmids.size() == 4);
}

TEST_CASE("faults: <ERROR> bodies and maintenance pages arrive with status 200", "[fake_eutils]") {
    {
        auto server = with_first_request(FaultKind::error_body);
        const auto failed = http_get(server.url(), "esearch.fcgi", {{"db", "pubmed"}, {"term", "ldn"}});
        CHECK(failed.status == 200);
        const auto answer = read_search(failed.body);
        CHECK(answer.well_formed);
        CHECK_THAT(answer.error, Catch::StartsWith("Search Backend failed"));
        CHECK(answer.count == -1);  // no Count at all
        CHECK(read_fetch(fetch_ids(server).body).pmids.size() == 4);
    }
    {
        auto options = unlimited();
        options.faults.scripted[2] = FaultKind::error_body;
        auto server = start_server(synthetic_corpus(5), options);
        CHECK(fetch_ids(server).status == 200);
        const auto failed = fetch_ids(server);
        CHECK(failed.status == 200);
        CHECK_THAT(read_fetch(failed.body).error, Catch::StartsWith("Search Backend failed"));
        CHECK(failed.body.find("<eFetchResult>") != std::string::npos);
    }
    {
        auto server = with_first_request(FaultKind::maintenance_page);
        const auto page = fetch_ids(server);
        CHECK(page.status == 200);
        CHECK(page.header("content-type") == "text/html");
        CHECK_THAT(page.body, Catch::Contains("maintenance"));
        CHECK(read_fetch(page.body).pmids.empty());
    }
}

TEST_CASE("faults: an expired WebEnv stays expired until the client searches again", "[fake_eutils]") {
    auto options = unlimited();
    options.faults.scripted[3] = FaultKind::expired_webenv;
    auto server = start_server(synthetic_corpus(30), options);
    const auto search = read_search(
        http_get(server.url(), "esearch.fcgi", {{"term", "ldn"}, {"usehistory", "y"}, {"retmax", "0"}}).body);
    auto page = [&](const SearchAnswer& with, int retstart) {
        return read_fetch(http_get(server.url(), "efetch.fcgi",
                                   {{"db", "pubmed"}, {"WebEnv", with.webenv}, {"query_key", with.query_key},
                                    {"retstart", std::to_string(retstart)}, {"retmax", "10"}})
                              .body);
    };
    CHECK(page(search, 0).pmids.size() == 10);                          // request 2
    CHECK(page(search, 10).error == "Unable to obtain query #1");       // request 3: expired
    CHECK(page(search, 10).error == "Unable to obtain query #1");       // and it stays so
    const auto again = read_search(
        http_get(server.url(), "esearch.fcgi", {{"term", "ldn"}, {"usehistory", "y"}, {"retmax", "0"}}).body);
    CHECK(page(again, 10).pmids.size() == 10);
}

TEST_CASE("faults: the same seed gives the same faults to the same requests", "[fake_eutils]") {
    auto run = [](std::uint64_t seed) {
        auto options = unlimited();
        options.faults.seed = seed;
        add_fault_probability(options.faults, "500=0.3");
        add_fault_probability(options.faults, "error=0.2");
        add_fault_probability(options.faults, "truncated=0.2");
        auto server = start_server(synthetic_corpus(5), options);
        std::string outcomes;
        for (int i = 0; i < 25; ++i) {
            const auto result = fetch_ids(server);
            const auto answer = read_fetch(result.body);
            outcomes += result.status == 500 ? 'S' : !answer.error.empty() ? 'E' : !answer.well_formed ? 'T' : '.';
        }
        // Epost is never faulted.
        CHECK(http_post(server.url(), "epost.fcgi", {{"id", "10000001"}}).status == 200);
        return outcomes;
    };
    const std::string first = run(7);
    CHECK(first == run(7));
    CHECK(first != run(8));
    CHECK(first.find('.') != std::string::npos);
    CHECK(first.find_first_of("SET") != std::string::npos);
}

// Pinned because it matters to the crawler: libcurl itself resends a request whose *reused*
// connection dies before any byte of the answer. The client never sees the reset, and the server
// receives one request more than the client sent, outside any rate limiter in the client. A crawler
// that must prove its rate to the server has to avoid connection reuse (CURLOPT_FORBID_REUSE) or
// budget for that extra request.
TEST_CASE("faults: libcurl silently resends a request reset on a reused connection", "[fake_eutils]") {
    auto options = unlimited();
    options.faults.scripted[2] = FaultKind::connection_reset;
    auto server = start_server(synthetic_corpus(5), options);
    CURL* curl = curl_easy_init();
    std::string body;
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &detail::append_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 5000L);
    const std::string url = server.url() + "esearch.fcgi?db=pubmed&term=ldn";
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    CHECK(curl_easy_perform(curl) == CURLE_OK);
    CHECK(curl_easy_perform(curl) == CURLE_OK);  // same handle: the connection is reused, then reset
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    CHECK(status == 200);
    curl_easy_cleanup(curl);
    CHECK(server->request_count() == 3);
    CHECK(server->requests()[1].status == 0);

    // With reuse forbidden, the same fault is visible to the client.
    auto fresh = start_server(synthetic_corpus(5), options);
    curl = curl_easy_init();
    const std::string fresh_url = fresh.url() + "esearch.fcgi?db=pubmed&term=ldn";
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &detail::append_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl, CURLOPT_URL, fresh_url.c_str());
    curl_easy_setopt(curl, CURLOPT_FORBID_REUSE, 1L);
    CHECK(curl_easy_perform(curl) == CURLE_OK);
    CHECK(curl_easy_perform(curl) != CURLE_OK);
    curl_easy_cleanup(curl);
    CHECK(fresh->request_count() == 2);
}
