// The crawler against the fake E-utilities server, over real libcurl: the exact record set, NCBI's
// rules as the server measured them, every fault class, resume, incremental crawls and windows
// larger than PubMed pages through.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>
#include <thread>

#include "crawler/crawl.hpp"
#include "crawler/crawl_manifest.hpp"
#include "crawler/errors.hpp"
#include "crawler/store_lock.hpp"
#include "tests/fake_eutils/fake_eutils_server.hpp"
#include "tests/support/crawl_fixture.hpp"
#include "tests/support/process.hpp"

using ldn::test::crawl_request;
using ldn::test::expected_once;
using ldn::test::stored_pmids;
using ldn::test::synthetic_corpus;
namespace fake = ldn::fake;

namespace {

std::size_t minimum_requests(std::size_t records, std::size_t batch) {
    return 1 + (records + batch - 1) / batch;
}

ldn::CrawlSummary quiet_crawl(const ldn::CrawlRequest& request) { return ldn::crawl(request, ldn::CrawlObserver{}); }

}  // namespace

TEST_CASE("a crawl stores exactly the corpus, once, in 1 + ceil(N / batch) requests", "[crawl]") {
    ldn::test::TempDir store;
    auto corpus = synthetic_corpus(95);
    fake::FakeEutilsServer server(corpus);
    server.start();

    ldn::CrawlSummary summary = quiet_crawl(crawl_request(server, store.path(), 20));

    CHECK(stored_pmids(store.path()) == expected_once(*corpus));
    CHECK(summary.identified == 95);
    CHECK(summary.fetched == 95);
    CHECK(summary.failed == 0);
    CHECK(summary.mode == "full");
    CHECK(server.request_count() == minimum_requests(95, 20));
    CHECK(summary.requests == server.request_count());
    CHECK(server.max_requests_in_window() <= 10);
    CHECK(std::filesystem::exists(store.path() / "state.json"));
    CHECK(std::filesystem::exists(store.path() / "runs" / (summary.run_id + ".json")));
}

TEST_CASE("every request carries tool=ldn and email, the key, and the date window as parameters", "[crawl]") {
    ldn::test::TempDir store;
    auto corpus = synthetic_corpus(30);
    fake::FakeEutilsServer server(corpus);
    server.start();
    quiet_crawl(crawl_request(server, store.path(), 10));

    auto requests = server.requests();
    REQUIRE(requests.size() == minimum_requests(30, 10));
    for (const auto& request : requests) {
        CAPTURE(request.number, request.path);
        CHECK(request.param("tool") == "ldn");
        CHECK(request.param("email") == "crawler-tests@example.org");
        CHECK(request.param("api_key") == ldn::test::test_api_key);
        CHECK(request.param("db") == "pubmed");
    }
    const auto& search = requests.front();
    CHECK(search.path.ends_with("esearch.fcgi"));
    CHECK(search.param("usehistory") == "y");
    CHECK(search.param("datetype") == "pdat");
    CHECK(search.param("mindate") == "1996/11/26");
    CHECK(search.param("maxdate") == "2026/11/26");
    CHECK(search.param("term").find("naltrexone[tiab]") != std::string::npos);
    for (std::size_t i = 1; i < requests.size(); ++i) {
        CHECK(requests[i].path.ends_with("efetch.fcgi"));
        CHECK(requests[i].has_param("WebEnv"));
        CHECK(requests[i].param("rettype") == "abstract");
        CHECK(requests[i].param("retmode") == "xml");
        CHECK(requests[i].param("retmax") == "10");
    }
}

TEST_CASE("without a key the crawler keeps to 3 requests in any second, as the server measured", "[crawl][rate]") {
    ldn::test::TempDir store;
    auto corpus = synthetic_corpus(40);
    fake::FakeEutilsServer server(corpus);
    server.start();
    ldn::CrawlSummary summary = quiet_crawl(crawl_request(server, store.path(), 5, /*with_key=*/false));
    CHECK(stored_pmids(store.path()) == expected_once(*corpus));
    CHECK(server.request_count() == minimum_requests(40, 5));
    CHECK(server.max_requests_in_window() <= 3);
    CHECK(summary.retries.total() == 0);  // never refused: no 429 was provoked
}

TEST_CASE("each fault class alone loses and duplicates nothing and never breaks the rate", "[crawl][faults]") {
    struct Row {
        fake::FaultKind fault;
        ldn::FailureCause counted_as;
    };
    const Row rows[] = {
        {fake::FaultKind::too_many_requests, ldn::FailureCause::rate_limited},
        {fake::FaultKind::bad_request, ldn::FailureCause::server_error},
        {fake::FaultKind::server_error, ldn::FailureCause::server_error},
        {fake::FaultKind::server_error_json, ldn::FailureCause::server_error},
        {fake::FaultKind::bad_gateway, ldn::FailureCause::server_error},
        {fake::FaultKind::service_unavailable, ldn::FailureCause::server_error},
        {fake::FaultKind::connection_reset, ldn::FailureCause::transport},
        {fake::FaultKind::partial_body, ldn::FailureCause::transport},
        {fake::FaultKind::truncated_body, ldn::FailureCause::truncated_body},
        {fake::FaultKind::slow_response, ldn::FailureCause::timeout},
        {fake::FaultKind::error_body, ldn::FailureCause::error_body},
        {fake::FaultKind::maintenance_page, ldn::FailureCause::maintenance_page},
        {fake::FaultKind::expired_webenv, ldn::FailureCause::expired_history},
    };
    for (const Row& row : rows) {
        DYNAMIC_SECTION("fault " << fake::fault_name(row.fault)) {
            ldn::test::TempDir store;
            auto corpus = synthetic_corpus(50);
            fake::FakeEutilsOptions options;
            // The search (request 1) and two efetch batches meet the fault.
            options.faults.scripted = {{1, row.fault}, {3, row.fault}, {5, row.fault}};
            options.faults.slow_delay = std::chrono::milliseconds(2500);
            fake::FakeEutilsServer server(corpus, options);
            server.start();

            auto request = crawl_request(server, store.path(), 10);
            request.eutils.http.total_timeout = std::chrono::milliseconds(1500);  // the slow fault waits 2.5 s
            ldn::CrawlSummary summary = quiet_crawl(request);

            CHECK(stored_pmids(store.path()) == expected_once(*corpus));
            CHECK(summary.failed == 0);
            CHECK(summary.retries.by_cause[static_cast<std::size_t>(row.counted_as)] >= 2);
            CHECK(server.max_requests_in_window() <= 10);
        }
    }
}

TEST_CASE("mixed random faults on a fifth of the requests lose nothing", "[crawl][faults]") {
    ldn::test::TempDir store;
    auto corpus = synthetic_corpus(120);
    fake::FakeEutilsOptions options;
    options.faults.seed = 20261126;
    for (auto fault : {fake::FaultKind::too_many_requests, fake::FaultKind::bad_gateway,
                       fake::FaultKind::connection_reset, fake::FaultKind::truncated_body,
                       fake::FaultKind::error_body, fake::FaultKind::maintenance_page,
                       fake::FaultKind::partial_body, fake::FaultKind::expired_webenv}) {
        options.faults.probability[fault] = 0.025;
    }
    fake::FakeEutilsServer server(corpus, options);
    server.start();
    auto request = crawl_request(server, store.path(), 10);
    request.eutils.retry.max_attempts = 10;
    ldn::CrawlSummary summary = quiet_crawl(request);
    CHECK(stored_pmids(store.path()) == expected_once(*corpus));
    CHECK(summary.failed == 0);
    CHECK(server.max_requests_in_window() <= 10);
    INFO("requests " << server.request_count() << " for a minimum of " << minimum_requests(120, 10));
    CHECK(server.request_count() >= minimum_requests(120, 10));
}

TEST_CASE("when the attempts run out the crawl fails with 69 naming the batch, and keeps what it fetched",
          "[crawl][resume]") {
    ldn::test::TempDir store;
    auto corpus = synthetic_corpus(50);
    fake::FakeEutilsOptions options;
    // Requests 1-3 succeed (search, batches 1 and 2); batch 3 meets 502 on every attempt.
    for (std::size_t k = 4; k < 4 + 3; ++k) options.faults.scripted[k] = fake::FaultKind::bad_gateway;
    fake::FakeEutilsServer server(corpus, options);
    server.start();
    auto request = crawl_request(server, store.path(), 10);
    request.eutils.retry.max_attempts = 3;
    try {
        quiet_crawl(request);
        FAIL("the crawl succeeded through a dead batch");
    } catch (const ldn::Error& error) {
        CHECK(error.code() == ldn::ExitCode::unavailable);
        CHECK_THAT(error.what(), Catch::Contains("efetch batch 3") && Catch::Contains("HTTP 502") &&
                                     Catch::Contains("3 attempts"));
    }
    auto after_failure = stored_pmids(store.path());
    CHECK(after_failure.size() == 20);
    CHECK_FALSE(std::filesystem::exists(store.path() / "state.json"));

    SECTION("the next run resumes without refetching completed batches and without duplicates") {
        server.clear_requests();
        ldn::CrawlSummary summary = quiet_crawl(request);
        CHECK(summary.resumed);
        CHECK(stored_pmids(store.path()) == expected_once(*corpus));
        // Three batches were left: fetched by id, no new search.
        CHECK(server.request_count("esearch") == 0);
        CHECK(server.request_count("efetch") == 3);
        CHECK(std::filesystem::exists(store.path() / "state.json"));
    }
}

TEST_CASE("an expired WebEnv means searching again and continuing where the crawl stopped", "[crawl][history]") {
    ldn::test::TempDir store;
    auto corpus = synthetic_corpus(60);
    fake::FakeEutilsOptions options;
    options.webenv_limits.max_uses = 2;  // every history serves two efetches, then is gone
    fake::FakeEutilsServer server(corpus, options);
    server.start();
    ldn::CrawlSummary summary = quiet_crawl(crawl_request(server, store.path(), 10));
    CHECK(stored_pmids(store.path()) == expected_once(*corpus));
    CHECK(server.request_count("esearch") == 3);  // the first search and two more
    CHECK(summary.retries.by_cause[static_cast<std::size_t>(ldn::FailureCause::expired_history)] == 2);
}

TEST_CASE("records the search found but efetch no longer returns are reported as failed", "[crawl]") {
    ldn::test::TempDir store;
    auto corpus = synthetic_corpus(30);
    fake::FakeEutilsServer server(corpus);
    server.start();
    std::vector<std::string> warnings;
    ldn::CrawlObserver observer;
    // Deleted between the search and the fetch, as happens on a live PubMed.
    observer.progress = [&](std::size_t, std::size_t total) {
        if (total > 0) corpus->remove("10000015");
    };
    observer.warning = [&](const std::string& line) { warnings.push_back(line); };
    ldn::CrawlSummary summary = ldn::crawl(crawl_request(server, store.path(), 10), observer);
    CHECK(summary.failed == 1);
    CHECK(stored_pmids(store.path()).size() == 29);
    REQUIRE(warnings.size() == 1);
    CHECK_THAT(warnings[0], Catch::Contains("PMID 10000015"));
}

TEST_CASE("after a success the next crawl fetches only new and revised records", "[crawl][incremental]") {
    ldn::test::TempDir store;
    auto corpus = synthetic_corpus(80);
    fake::FakeEutilsServer server(corpus);
    server.start();
    auto day_one = crawl_request(server, store.path(), 20);
    quiet_crawl(day_one);

    // Day 2: two new records and one revision of an old one.
    std::vector<fake::SyntheticRecord> changes(3);
    changes[0].pmid = 20000001;
    changes[0].published = {2026, 11, 1};
    changes[0].entrez = {2026, 11, 27};
    changes[1].pmid = 20000002;
    changes[1].published = {2025, 3, 1};
    changes[1].entrez = {2026, 11, 26};
    changes[2].pmid = 10000040;
    changes[2].published = {2019, 5, 5};
    changes[2].entrez = {2019, 5, 5};
    changes[2].revised = fake::SimpleDate{2026, 11, 27};
    changes[2].title = "Revised title of record 10000040.";
    for (const auto& change : changes) server.corpus().put(fake::make_corpus_record(fake::synthetic_record_xml(change)));
    server.clear_requests();

    auto day_two = day_one;
    day_two.today = *ldn::Day::parse("2026-11-27");
    ldn::CrawlSummary summary = quiet_crawl(day_two);
    CHECK(summary.mode == "incremental");
    CHECK(summary.identified == 3);
    CHECK(summary.fetched == 3);
    auto requests = server.requests();
    REQUIRE(requests.size() >= 2);
    CHECK(requests[0].param("datetype") == "edat");
    CHECK(requests[0].param("mindate") == "2026/11/24");  // two days' overlap before the last success
    auto stored = stored_pmids(store.path());
    CHECK(stored.size() == 82);
    CHECK(stored["10000040"] == 2);  // the revision is a new version in the raw store

    SECTION("a third day with no change makes only the three searches: new, revised, the topic's listing") {
        // A new run a second later, as from cron: NCBI's per-second window has passed.
        std::this_thread::sleep_for(std::chrono::milliseconds(1100));
        server.clear_requests();
        auto day_three = day_one;
        day_three.today = *ldn::Day::parse("2026-11-28");
        // Nothing entered or changed since the 27th except what day two already saw.
        ldn::CrawlSummary quiet = quiet_crawl(day_three);
        CHECK(server.request_count("esearch") == 3);
        CHECK(server.requests()[2].param("datetype") == "pdat");
        CHECK(quiet.identified == 3);  // the overlap finds day two's records again…
        CHECK(server.request_count("efetch") == 1);  // …and fetches them once more, in one batch
    }
}

TEST_CASE("a window of more than 9,999 records is split by date until every slice fits", "[crawl][split]") {
    ldn::test::TempDir store;
    auto corpus = synthetic_corpus(25000);
    fake::FakeEutilsServer server(corpus);
    server.start();
    ldn::CrawlSummary summary = quiet_crawl(crawl_request(server, store.path(), 2500));
    CHECK(summary.identified == 25000);
    CHECK(stored_pmids(store.path()) == expected_once(*corpus));
    CHECK(summary.windows >= 3);
    for (const auto& request : server.requests()) {
        if (request.path.ends_with("efetch.fcgi") && request.has_param("WebEnv")) {
            CHECK(std::stoul(request.param("retstart")) + std::stoul(request.param("retmax")) <= 9999);
        }
    }
    auto manifest = ldn::CrawlManifest::load(store.path() / "raw" / summary.run_id / "manifest.json");
    for (const auto& window : manifest.windows) CHECK(window.count <= ldn::pubmed_search_limit);
}

TEST_CASE("a second crawl on a locked store exits 75 at once", "[crawl][lock]") {
    ldn::test::TempDir store;
    auto corpus = synthetic_corpus(5);
    fake::FakeEutilsServer server(corpus);
    server.start();
    auto held = ldn::StoreLock::acquire(store.path());
    try {
        quiet_crawl(crawl_request(server, store.path(), 10));
        FAIL("crawled a locked store");
    } catch (const ldn::Error& error) {
        CHECK(error.code() == ldn::ExitCode::temporary);
    }
    CHECK(server.request_count() == 0);
}

TEST_CASE("a server's Retry-After holds back the next request that long", "[crawl][faults]") {
    ldn::test::TempDir store;
    auto corpus = synthetic_corpus(20);
    fake::FakeEutilsOptions options;
    options.retry_after_seconds = 2;
    options.faults.scripted = {{2, fake::FaultKind::too_many_requests}};
    fake::FakeEutilsServer server(corpus, options);
    server.start();
    quiet_crawl(crawl_request(server, store.path(), 10));
    CHECK(stored_pmids(store.path()) == expected_once(*corpus));
    auto requests = server.requests();
    REQUIRE(requests.size() >= 3);
    CHECK(requests[1].status == 429);
    CHECK(requests[2].arrived - requests[1].arrived >= std::chrono::milliseconds(1900));
}
