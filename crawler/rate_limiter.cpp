#include "crawler/rate_limiter.hpp"

#include <stdexcept>
#include <thread>

namespace ldn {

RateLimiter::RateLimiter(int requests_per_window, std::chrono::milliseconds window,
                         std::chrono::milliseconds margin)
    : limit_(requests_per_window), span_(window + margin) {
    if (limit_ < 1) throw std::invalid_argument("a rate limit needs at least one request per window");
}

void RateLimiter::pause_until(Clock::time_point until) {
    std::lock_guard lock(mutex_);
    if (until > paused_until_) paused_until_ = until;
}

void RateLimiter::acquire() {
    std::unique_lock lock(mutex_);
    for (;;) {
        Clock::time_point now = Clock::now();
        while (!recent_.empty() && now - recent_.front() >= span_) recent_.pop_front();
        Clock::time_point ready = now;
        if (static_cast<int>(recent_.size()) >= limit_) ready = recent_.front() + span_;
        if (paused_until_ > ready) ready = paused_until_;
        if (ready <= now) {
            recent_.push_back(now);
            return;
        }
        lock.unlock();
        std::this_thread::sleep_until(ready);
        lock.lock();
    }
}

}  // namespace ldn
