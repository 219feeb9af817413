// The sliding-window rule: never more than N starts in any window. These assert lower bounds on
// waiting (which a slow machine cannot break), not speed.
#include <catch2/catch.hpp>

#include <chrono>
#include <vector>

#include "crawler/rate_limiter.hpp"

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

TEST_CASE("no window of the configured span ever holds more than N acquisitions", "[rate_limiter]") {
    ldn::RateLimiter limiter(3, 200ms, 0ms);
    std::vector<Clock::time_point> starts;
    for (int i = 0; i < 10; ++i) {
        limiter.acquire();
        starts.push_back(Clock::now());
    }
    // Any four consecutive starts span at least one whole window.
    for (std::size_t i = 3; i < starts.size(); ++i) {
        CAPTURE(i);
        CHECK(starts[i] - starts[i - 3] >= 200ms);
    }
}

TEST_CASE("the first N acquisitions do not wait", "[rate_limiter]") {
    ldn::RateLimiter limiter(3, 10s, 0ms);
    auto before = Clock::now();
    for (int i = 0; i < 3; ++i) limiter.acquire();
    CHECK(Clock::now() - before < 5s);
}

TEST_CASE("a pause holds back every acquisition until it ends", "[rate_limiter]") {
    ldn::RateLimiter limiter(10, 1000ms, 0ms);
    auto before = Clock::now();
    limiter.pause_until(before + 150ms);
    limiter.acquire();
    CHECK(Clock::now() - before >= 150ms);
}
