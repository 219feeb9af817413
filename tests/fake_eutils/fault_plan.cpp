#include "tests/fake_eutils/fault_plan.hpp"

#include <charconv>
#include <stdexcept>

namespace ldn::fake {

namespace {

struct Named {
    FaultKind kind;
    std::string_view name;
};

constexpr Named names[] = {
    {FaultKind::too_many_requests, "429"},     {FaultKind::bad_request, "400"},
    {FaultKind::server_error, "500"},          {FaultKind::server_error_json, "500-json"},
    {FaultKind::bad_gateway, "502"},           {FaultKind::service_unavailable, "503"},
    {FaultKind::connection_reset, "reset"},    {FaultKind::partial_body, "partial"},
    {FaultKind::truncated_body, "truncated"},  {FaultKind::slow_response, "slow"},
    {FaultKind::error_body, "error"},          {FaultKind::maintenance_page, "maintenance"},
    {FaultKind::expired_webenv, "expired-webenv"},
};

// SplitMix64: a fixed, well-mixed function of (seed, request number), so a request's fault does
// not depend on the order in which concurrent requests were handled.
std::uint64_t mix(std::uint64_t value) {
    value += 0x9e3779b97f4a7c15ULL;
    value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
    value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
    return value ^ (value >> 31);
}

double uniform(std::uint64_t seed, std::size_t request_number) {
    const std::uint64_t bits = mix(mix(seed) ^ static_cast<std::uint64_t>(request_number));
    return static_cast<double>(bits >> 11) * 0x1.0p-53;  // [0, 1)
}

bool applies(FaultKind kind, const FaultContext& request) {
    if (!request.is_esearch && !request.is_efetch) return false;
    if (kind == FaultKind::expired_webenv) return request.is_efetch && request.uses_history;
    return true;
}

std::pair<std::string_view, std::string_view> split_once(std::string_view spec) {
    const auto equals = spec.find('=');
    if (equals == std::string_view::npos)
        throw std::invalid_argument("expected NAME=VALUE, got '" + std::string(spec) + "'");
    return {spec.substr(0, equals), spec.substr(equals + 1)};
}

std::string known_names() {
    std::string list;
    for (const Named& entry : names) {
        if (!list.empty()) list += ", ";
        list += entry.name;
    }
    return list;
}

FaultKind fault_or_throw(std::string_view name) {
    if (auto kind = parse_fault_name(name)) return *kind;
    throw std::invalid_argument("unknown fault '" + std::string(name) + "' (known: " + known_names() + ")");
}

}  // namespace

std::string_view fault_name(FaultKind kind) {
    for (const Named& entry : names)
        if (entry.kind == kind) return entry.name;
    return "?";
}

std::optional<FaultKind> parse_fault_name(std::string_view name) {
    for (const Named& entry : names)
        if (entry.name == name) return entry.kind;
    return std::nullopt;
}

void FaultPlan::validate() const {
    double total = 0;
    for (const auto& [kind, chance] : probability) {
        if (!(chance >= 0.0 && chance <= 1.0))
            throw std::invalid_argument("fault " + std::string(fault_name(kind)) +
                                        ": probability must be within [0, 1]");
        total += chance;
    }
    if (total > 1.0 + 1e-9) throw std::invalid_argument("fault probabilities sum above 1");
}

std::optional<FaultKind> FaultPlan::choose(const FaultContext& request) const {
    if (auto script = scripted.find(request.request_number); script != scripted.end())
        return applies(script->second, request) ? std::optional(script->second) : std::nullopt;
    if (probability.empty()) return std::nullopt;
    validate();
    // One draw per request; walk the classes in a fixed order (the enum's) over cumulative chances.
    const double draw = uniform(seed, request.request_number);
    double cumulative = 0;
    for (const auto& [kind, chance] : probability) {
        cumulative += chance;
        if (draw < cumulative) return applies(kind, request) ? std::optional(kind) : std::nullopt;
    }
    return std::nullopt;
}

void add_fault_probability(FaultPlan& plan, std::string_view spec) {
    const auto [name, value] = split_once(spec);
    const FaultKind kind = fault_or_throw(name);
    double chance = -1;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), chance);
    if (error != std::errc() || end != value.data() + value.size() || chance < 0 || chance > 1)
        throw std::invalid_argument("fault " + std::string(name) + ": probability must be a number in [0, 1], got '" +
                                    std::string(value) + "'");
    FaultPlan candidate = plan;  // the plan stays valid when the new chance is refused
    candidate.probability[kind] = chance;
    candidate.validate();
    plan.probability[kind] = chance;
}

void add_scripted_fault(FaultPlan& plan, std::string_view spec) {
    const auto [number, name] = split_once(spec);
    std::size_t request = 0;
    auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), request);
    if (error != std::errc() || end != number.data() + number.size() || request == 0)
        throw std::invalid_argument("scripted fault: request number must be a positive integer, got '" +
                                    std::string(number) + "'");
    plan.scripted[request] = fault_or_throw(name);
}

}  // namespace ldn::fake
