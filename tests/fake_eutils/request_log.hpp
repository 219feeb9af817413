#pragma once
// Every request the fake server received, and the figures the crawler's tests assert on: how many,
// and the largest number that arrived within any sliding window (one second by default).
//
// Two window figures, because "the rate" can mean two things:
//  - max_in_window(): every request that reached the server, whatever the answer (429s, faults,
//    unknown paths included). This is what NCBI's limit counts and what a polite client must keep
//    at or below 3 (10 with a key): retries count too.
//  - max_served_in_window(): only requests answered normally, i.e. neither refused by the rate limit
//    nor given an injected fault. Useful to show the limiter let exactly the allowed rate through.

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "tests/fake_eutils/fault_plan.hpp"
#include "tests/fake_eutils/form_params.hpp"

namespace ldn::fake {

struct RecordedRequest {
    std::size_t number = 0;  // 1-based, in order of arrival
    std::string method;      // GET or POST
    std::string path;        // without the query string
    Params params;           // query string and form body together
    std::chrono::steady_clock::time_point arrived;
    std::chrono::system_clock::time_point wall_time;
    int status = 0;          // HTTP status sent; 0 when the connection was reset without a response
    bool rate_limited = false;        // refused with 429 by the rate limit (not by a fault)
    std::optional<FaultKind> fault;   // the injected fault, if any
    std::size_t body_bytes = 0;       // bytes of body the server meant to send

    bool has_param(const std::string& name) const { return params.count(name) > 0; }
    std::string param(const std::string& name) const { return fake::param(params, name); }
};

// The largest number of time points within any window (t - width, t]. The points must be sorted.
std::size_t max_in_any_window(const std::vector<std::chrono::steady_clock::time_point>& sorted,
                              std::chrono::steady_clock::duration width);

class RequestLog {
public:
    explicit RequestLog(std::chrono::steady_clock::duration window = std::chrono::seconds(1))
        : window_(window) {}

    // Records an arrival, stamping it with the current time under the log's lock (so arrival times
    // are in order); returns its number and how many requests, this one included, arrived within the
    // window that ends now (what the rate limit judges).
    struct Arrival {
        std::size_t number;
        std::size_t in_window;
    };
    Arrival arrive(RecordedRequest request);

    // Completes the record of request `number` once its answer is known.
    void finish(std::size_t number, int status, bool rate_limited, std::optional<FaultKind> fault,
                std::size_t body_bytes);

    std::size_t count() const;
    std::vector<RecordedRequest> requests() const;
    std::size_t max_in_window() const;
    std::size_t max_served_in_window() const;
    // Forgets the requests and figures (numbering goes on, so scripted faults stay unambiguous).
    void clear();

private:
    mutable std::mutex mutex_;
    std::size_t next_number_ = 1;
    std::chrono::steady_clock::duration window_;
    std::vector<RecordedRequest> requests_;
    std::deque<std::chrono::steady_clock::time_point> recent_;  // arrivals still inside the window
};

}  // namespace ldn::fake
