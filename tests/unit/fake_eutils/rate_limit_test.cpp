// NCBI's rate limit as the fake enforces it: more than 3 requests (10 with api_key) in any sliding
// second gives HTTP 429 with NCBI's JSON body; the server measures the busiest second.

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <thread>

#include "tests/fake_eutils/request_log.hpp"
#include "tests/unit/fake_eutils/http_client.hpp"
#include "tests/unit/fake_eutils/server_helpers.hpp"

using namespace ldn::fake;
using namespace ldn::fake::test;

namespace {

FakeEutilsOptions ncbi_limits() { return FakeEutilsOptions{}; }  // 3 without a key, 10 with one

}  // namespace

TEST_CASE("rate limit: the 4th and 5th request in a second get 429 with NCBI's JSON", "[fake_eutils]") {
    auto server = start_server(synthetic_corpus(3), ncbi_limits());
    std::vector<HttpResult> results;
    for (int i = 0; i < 5; ++i)
        results.push_back(http_get(server.url(), "esearch.fcgi", {{"db", "pubmed"}, {"term", "ldn"}, {"tool", "ldn"}}));
    int refused = 0;
    for (const auto& result : results) {
        if (result.status != 429) continue;
        ++refused;
        CHECK(result.header("content-type") == "application/json");
        CHECK_THAT(result.body, Catch::StartsWith("{\"error\":\"API rate limit exceeded\",\"count\":\""));
        CHECK(result.header("retry-after").empty());  // off by default
    }
    CHECK(results[0].status == 200);
    CHECK(results[1].status == 200);
    CHECK(results[2].status == 200);
    CHECK(refused == 2);
    CHECK(results[4].body == "{\"error\":\"API rate limit exceeded\",\"count\":\"5\"}");
    CHECK(server->max_requests_in_window() == 5);  // every arrival
    CHECK(server->max_served_in_window() == 3);    // what got through
    const auto log = server->requests();
    REQUIRE(log.size() == 5);
    CHECK(log[3].rate_limited);
    CHECK(log[3].status == 429);
    CHECK_FALSE(log[2].rate_limited);
}

TEST_CASE("rate limit: 10 a second with api_key, Retry-After when configured", "[fake_eutils]") {
    auto options = ncbi_limits();
    options.retry_after_seconds = 2;
    auto server = start_server(synthetic_corpus(3), options);
    int ok = 0;
    int refused = 0;
    for (int i = 0; i < 11; ++i) {
        const auto result = http_get(server.url(), "esearch.fcgi", {{"term", "ldn"}, {"api_key", "secret"}});
        if (result.status == 200) ++ok;
        if (result.status == 429) {
            ++refused;
            CHECK(result.header("retry-after") == "2");
        }
    }
    CHECK(ok == 10);
    CHECK(refused == 1);
}

TEST_CASE("rate limit: a client spacing requests 0.34 s apart is never refused", "[fake_eutils]") {
    auto server = start_server(synthetic_corpus(3), ncbi_limits());
    for (int i = 0; i < 6; ++i) {
        CHECK(http_get(server.url(), "esearch.fcgi", {{"term", "ldn"}}).status == 200);
        std::this_thread::sleep_for(std::chrono::milliseconds(340));
    }
    CHECK(server->max_requests_in_window() == 3);
    CHECK(server->request_count() == 6);
}

TEST_CASE("busiest window: the largest count of arrivals within any width", "[fake_eutils]") {
    using namespace std::chrono;
    const steady_clock::time_point t0{};
    std::vector<steady_clock::time_point> times;
    for (int ms : {0, 100, 200, 999, 1000, 1001, 1999, 3000}) times.push_back(t0 + milliseconds(ms));
    // (t - 1 s, t]: 0,100,200,999 at t=999 -> 4; at 1001: 100,200,999,1000,1001 -> 5
    CHECK(max_in_any_window(times, seconds(1)) == 5);
    CHECK(max_in_any_window({}, seconds(1)) == 0);
    CHECK(max_in_any_window(times, milliseconds(1)) == 1);
}
