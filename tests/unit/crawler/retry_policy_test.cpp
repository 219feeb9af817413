// Backoff: exponential with jitter, capped, never shorter than Retry-After.
#include <catch2/catch.hpp>

#include <random>

#include "crawler/retry_policy.hpp"

using namespace std::chrono_literals;

TEST_CASE("backoff doubles per retry within a jitter band and is capped", "[retry]") {
    ldn::RetryPolicy policy;
    policy.initial_backoff = 1000ms;
    policy.max_backoff = 5000ms;
    std::mt19937_64 random(42);
    for (int trial = 0; trial < 50; ++trial) {
        auto first = policy.backoff(1, std::nullopt, random);
        CHECK(first >= 500ms);
        CHECK(first <= 1000ms);
        auto third = policy.backoff(3, std::nullopt, random);
        CHECK(third >= 2000ms);
        CHECK(third <= 4000ms);
        auto tenth = policy.backoff(10, std::nullopt, random);
        CHECK(tenth >= 2500ms);
        CHECK(tenth <= 5000ms);
    }
}

TEST_CASE("a server's Retry-After is honoured up to the cap", "[retry]") {
    ldn::RetryPolicy policy;
    policy.initial_backoff = 100ms;
    policy.max_backoff = 60s;
    std::mt19937_64 random(7);
    CHECK(policy.backoff(1, 30s, random) == 30s);
    CHECK(policy.backoff(1, 600s, random) == 60s);
}

TEST_CASE("retry counts are kept per cause", "[retry]") {
    ldn::RetryCounts counts;
    counts.add(ldn::FailureCause::rate_limited);
    counts.add(ldn::FailureCause::rate_limited);
    counts.add(ldn::FailureCause::timeout);
    CHECK(counts.by_cause[static_cast<std::size_t>(ldn::FailureCause::rate_limited)] == 2);
    CHECK(counts.total() == 3);
    CHECK(ldn::cause_name(ldn::FailureCause::truncated_body) == "truncated_body");
}
