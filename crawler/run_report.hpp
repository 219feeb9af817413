#pragma once
// runs/<run-id>.json: what one run of a command did, for people and for monitoring. Written
// atomically. Callers never put the API key in it.

#include <nlohmann/json.hpp>

#include <string>

#include "crawler/store_layout.hpp"

namespace ldn {

void write_run_report(const StoreLayout& store, const std::string& run_id, const nlohmann::ordered_json& report);

// Now, as "2026-11-26T08:41:00Z".
std::string utc_now_iso();

}  // namespace ldn
