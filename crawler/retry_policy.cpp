#include "crawler/retry_policy.hpp"

#include <algorithm>
#include <numeric>

namespace ldn {

std::string_view cause_name(FailureCause cause) {
    switch (cause) {
        case FailureCause::rate_limited: return "rate_limited";
        case FailureCause::server_error: return "server_error";
        case FailureCause::transport: return "transport";
        case FailureCause::timeout: return "timeout";
        case FailureCause::truncated_body: return "truncated_body";
        case FailureCause::error_body: return "error_body";
        case FailureCause::maintenance_page: return "maintenance_page";
        case FailureCause::expired_history: return "expired_history";
        case FailureCause::missing_records: return "missing_records";
    }
    return "unknown";
}

std::chrono::milliseconds RetryPolicy::backoff(int retry, std::optional<std::chrono::milliseconds> retry_after,
                                               std::mt19937_64& random) const {
    // Full jitter: a uniform wait in [ceiling/2, ceiling] spreads clients that failed together.
    double ceiling = static_cast<double>(initial_backoff.count());
    for (int i = 1; i < retry && ceiling < static_cast<double>(max_backoff.count()); ++i) ceiling *= 2;
    ceiling = std::min(ceiling, static_cast<double>(max_backoff.count()));
    std::uniform_real_distribution<double> jitter(ceiling / 2, ceiling);
    auto wait = std::chrono::milliseconds(static_cast<long long>(jitter(random)));
    if (retry_after) wait = std::max(wait, std::min(*retry_after, max_backoff));
    return wait;
}

std::size_t RetryCounts::total() const { return std::accumulate(by_cause.begin(), by_cause.end(), std::size_t{0}); }

}  // namespace ldn
