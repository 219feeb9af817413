#pragma once
// Which requests get which fault. Two ways to say it, both deterministic:
//  - scripted: "request #k gets fault X" (k counts every request the server received, from 1);
//  - random: each fault class with a probability per request, drawn from a hash of (seed, k), so
//    the same seed gives the same faults to the same request numbers whatever the thread timing.
// A script entry wins over the probabilities. Faults only apply to esearch and efetch; a fault that
// does not fit the request (an expired WebEnv for a search) leaves it unharmed.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ldn::fake {

enum class FaultKind {
    too_many_requests,    // "429": HTTP 429 with NCBI's JSON body, although the rate was kept
    bad_request,          // "400": HTTP 400, seen during backend trouble
    server_error,         // "500": HTTP 500 with NCBI's HTML diagnostic page
    server_error_json,    // "500-json": HTTP 500 with a JSON body
    bad_gateway,          // "502": HTTP 502 with an HTML page
    service_unavailable,  // "503": HTTP 503 with an HTML page
    connection_reset,     // "reset": the connection is reset (TCP RST) before any byte of a response
    partial_body,         // "partial": headers promise N bytes, fewer arrive, the connection closes
    truncated_body,       // "truncated": a complete HTTP 200 whose XML stops in the middle of a record
    slow_response,        // "slow": the normal answer, after FaultPlan::slow_delay
    error_body,           // "error": HTTP 200 with <ERROR>Search Backend failed: …</ERROR>
    maintenance_page,     // "maintenance": HTTP 200 with an HTML maintenance page
    expired_webenv,       // "expired-webenv": efetch through history finds its WebEnv expired (for good)
};

inline constexpr FaultKind all_fault_kinds[] = {
    FaultKind::too_many_requests,   FaultKind::bad_request,      FaultKind::server_error,
    FaultKind::server_error_json,   FaultKind::bad_gateway,      FaultKind::service_unavailable,
    FaultKind::connection_reset,    FaultKind::partial_body,     FaultKind::truncated_body,
    FaultKind::slow_response,       FaultKind::error_body,       FaultKind::maintenance_page,
    FaultKind::expired_webenv,
};

// The short names above ("429", "reset", …), used by the command line and in messages.
std::string_view fault_name(FaultKind kind);
std::optional<FaultKind> parse_fault_name(std::string_view name);

// What the server knows about a request when it asks for its fault.
struct FaultContext {
    std::size_t request_number = 0;  // 1-based over every request received
    bool is_esearch = false;
    bool is_efetch = false;
    bool uses_history = false;       // efetch with WebEnv
};

struct FaultPlan {
    std::uint64_t seed = 1;
    std::map<FaultKind, double> probability;     // per eligible request; the sum must stay <= 1
    std::map<std::size_t, FaultKind> scripted;   // request number -> fault
    std::chrono::milliseconds slow_delay{2000};  // how long a slow response waits

    // The fault for this request, if any. Throws std::invalid_argument if probabilities are outside
    // [0, 1] or sum above 1 (call validate() up front to fail early).
    std::optional<FaultKind> choose(const FaultContext& request) const;
    void validate() const;
    bool empty() const { return probability.empty() && scripted.empty(); }
};

// "CLASS=PROB" (e.g. "500=0.05") into the plan's probabilities; throws std::invalid_argument.
void add_fault_probability(FaultPlan& plan, std::string_view spec);
// "K=CLASS" (e.g. "3=reset") into the plan's script; throws std::invalid_argument.
void add_scripted_fault(FaultPlan& plan, std::string_view spec);

}  // namespace ldn::fake
