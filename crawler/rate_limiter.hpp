#pragma once
// At most N requests in any sliding one-second window: the rule NCBI enforces (3/s without a key,
// 10/s with one). Every request passes through acquire(), retries included. A small margin is added
// to the window because NCBI has been seen to answer 429 even at exactly the limit.

#include <chrono>
#include <deque>
#include <mutex>

namespace ldn {

class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    explicit RateLimiter(int requests_per_window,
                         std::chrono::milliseconds window = std::chrono::milliseconds(1000),
                         std::chrono::milliseconds margin = std::chrono::milliseconds(50));

    // Blocks until one more request may start without exceeding the limit, then counts it.
    void acquire();

    // Holds every request back until `until` (a server's Retry-After applies to all requests).
    void pause_until(Clock::time_point until);

private:
    int limit_;
    Clock::duration span_;
    std::mutex mutex_;
    std::deque<Clock::time_point> recent_;
    Clock::time_point paused_until_{};
};

}  // namespace ldn
