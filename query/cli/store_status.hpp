#pragma once
// What `ldn status` reports about a store: the last successful refresh and its age, the newest run of
// any command, the index (records, retracted, bytes), the raw store, the watches.
//
// Read-only by design: it takes no lock and creates nothing, so a monitoring check can run at any
// moment, also while a refresh writes (it then sees the index's last commit). A part that is absent
// is reported as absent; a part that is there but cannot be read is a "problem" (a warning, and exit
// 74 from the command), and the rest is still reported.

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "crawler/store_layout.hpp"
#include "query/cli/run_history.hpp"

namespace ldn::cli {

struct IndexStatus {
    std::filesystem::path path;
    bool present = false;     // a Xapian database opened at `path`
    bool unreadable = false;  // something is at `path` but it could not be opened (one of the problems)
    std::optional<std::size_t> documents;
    std::optional<std::size_t> retracted;
    std::optional<std::size_t> shards;  // 1, or the databases its XAPIANDB stub lists
    std::string schema_version;
    std::uintmax_t bytes = 0;  // every file under `path`
    std::string last_refresh;  // metadata as stored: ISO 8601 UTC, empty when never
    std::string last_refresh_run;
};

struct RawStoreStatus {
    std::size_t runs = 0;     // raw/<run-id>/ folders
    std::size_t batches = 0;  // raw/<run-id>/NNNN.xml.gz files
    std::uintmax_t bytes = 0;
};

struct StoreStatus {
    std::filesystem::path store;
    bool store_exists = false;
    std::chrono::sys_seconds now{};
    IndexStatus index;
    // The last successful refresh as a time; nullopt when never (or when the stored text is not a
    // time, which is then one of the problems).
    std::optional<std::chrono::sys_seconds> last_refresh;
    std::optional<StoredRun> newest_run;
    std::size_t run_reports = 0;
    RawStoreStatus raw;
    std::optional<std::size_t> watches;  // nullopt: no watches.json
    std::vector<std::string> problems;   // parts that are there but could not be read

    // How long ago the last successful refresh finished; nullopt when never.
    std::optional<std::chrono::seconds> last_refresh_age() const;
};

// Reads everything `ldn status` shows. Problems are collected, not thrown; `warn` hears of damaged
// run reports that were passed over while looking for the newest one.
StoreStatus read_store_status(const StoreLayout& store, std::chrono::sys_seconds now, const WarningSink& warn);

// "12 min", "5 h 12 min", "3 d 4 h".
std::string format_age(std::chrono::seconds age);

// "12.3 MB (12345678 bytes)"; "0 bytes".
std::string format_bytes(std::uintmax_t bytes);

// The labelled lines of `ldn status`.
std::string format_status_text(const StoreStatus& status);

// `ldn status --format json`; `max_age_hours` adds the verdict ("stale": true/false) when given.
nlohmann::ordered_json status_json(const StoreStatus& status, std::optional<double> max_age_hours);

// For --max-age: the one-line reason the store is stale ("last successful refresh … is 40.2 hours old
// (more than 36)", "never refreshed"), nullopt when it is fresh. Also nullopt when the age cannot be
// known because the index could not be read: that is a problem, not staleness.
std::optional<std::string> staleness(const StoreStatus& status, double max_age_hours);

}  // namespace ldn::cli
