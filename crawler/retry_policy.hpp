#pragma once
// When to try again and how long to wait: exponential backoff with full jitter, never less than a
// server's Retry-After, capped. The causes are counted for the run report.

#include <array>
#include <chrono>
#include <cstddef>
#include <optional>
#include <random>
#include <string_view>

namespace ldn {

enum class FailureCause {
    rate_limited,      // HTTP 429
    server_error,      // HTTP 5xx, or 400 during backend trouble
    transport,         // connection refused or reset, DNS, TLS handshake
    timeout,
    truncated_body,    // a 200 whose XML is cut short or unparsable
    error_body,        // <ERROR>…</ERROR> with status 200
    maintenance_page,  // an HTML page with status 200
    expired_history,   // WebEnv / query_key no longer known: search again
    missing_records,   // efetch returned fewer records than asked for
};
inline constexpr std::size_t failure_cause_count = 9;

std::string_view cause_name(FailureCause cause);

struct RetryPolicy {
    int max_attempts = 6;  // the first try included
    std::chrono::milliseconds initial_backoff{2000};
    std::chrono::milliseconds max_backoff{120'000};

    // The wait before retry number `retry` (1 for the first retry).
    std::chrono::milliseconds backoff(int retry, std::optional<std::chrono::milliseconds> retry_after,
                                      std::mt19937_64& random) const;
};

struct RetryCounts {
    std::array<std::size_t, failure_cause_count> by_cause{};
    void add(FailureCause cause) { ++by_cause[static_cast<std::size_t>(cause)]; }
    std::size_t total() const;
};

}  // namespace ldn
