#pragma once
// The refresh's last step: the saved searches against the new index. The records that newly match
// go to alerts/<run-id>.json, to stdout through the caller, and to the --notify-cmd hook; then the
// watches remember what they matched. Killed before that, the next refresh alerts the same records
// again: at least once, never lost.

#include <xapian.h>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "crawler/store_layout.hpp"
#include "query/watch/watch_check.hpp"

namespace ldn {

struct WatchOutcome {
    std::size_t watches = 0;
    std::vector<WatchAlert> alerts;    // one per watch; see WatchAlert
    std::filesystem::path alert_file;  // empty when no watch had new records
    std::size_t new_records() const { return new_record_count(alerts); }

    // The run report's "alerts": {"file": "alerts/<run-id>.json" or null, "new_matches": N,
    // "watches": {NAME: new records}}.
    nlohmann::ordered_json report(const StoreLayout& store) const;
};

WatchOutcome check_saved_searches(const StoreLayout& store, const Xapian::Database& database,
                                  const std::string& run_id, const std::string& notify_command,
                                  const std::function<void(const std::string&)>& warning);

}  // namespace ldn
