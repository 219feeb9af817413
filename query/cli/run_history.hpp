#pragma once
// The run reports of a store (runs/<run-id>.json) read back for `ldn runs` and `ldn status`.
//
// Every store-writing command writes one report per run, and each command has its own keys, so the
// reader is tolerant: a report needs only `command` and `exit_code` to be listed; any other key that
// is missing or of an unexpected type shows as unknown. A file that cannot be read, is not JSON, or
// lacks those two keys is skipped with a warning naming it, so one damaged file never hides the rest.

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/store_layout.hpp"

namespace ldn::cli {

// One readable run report, as stored (key order kept, so `ldn runs --format json` prints it as is).
struct StoredRun {
    std::string run_id;  // the file's name without ".json": "20261126T084100Z" or "20261126T084100Z-2"
    std::filesystem::path file;
    nlohmann::ordered_json report;

    std::string command() const;  // "crawl", "index", "ingest", "refresh", …
    int exit_code() const;        // as recorded
    bool succeeded() const { return exit_code() == 0; }
    std::string error() const;                       // the report's "error", empty when none
    std::optional<double> duration_seconds() const;  // see run_duration_seconds
};

using WarningSink = std::function<void(const std::string&)>;

// The report files of runs/ (names ending in ".json"; atomic writes' temporaries are not), newest
// first. An absent runs/ folder has none; one that cannot be listed is ldn::Error 74.
std::vector<std::filesystem::path> run_report_files(const StoreLayout& store);

// Reads one report; nullopt after a warning (naming the file) when it cannot be used.
std::optional<StoredRun> read_run_report(const std::filesystem::path& file, const WarningSink& warn);

// The newest `limit` readable reports, newest first (`limit` 0: all of them). Files that cannot be
// used are skipped with a warning and do not count towards the limit.
std::vector<StoredRun> recent_runs(const StoreLayout& store, std::size_t limit, const WarningSink& warn);

// "2026-11-26T02:00:05Z" (what utc_now_iso writes) as a time; nullopt when the text is not that.
std::optional<std::chrono::sys_seconds> parse_utc_time(std::string_view text);

// How long a run took: `duration_seconds` (crawl: a number; refresh: an object whose "total" is the
// whole run), else the time from `started` to `finished` (index and ingest record only those).
std::optional<double> run_duration_seconds(const nlohmann::ordered_json& report);

// "0.4 s", "3 s", "41 s", "3 min 12 s", "2 h 05 min", "3 d 4 h".
std::string format_duration(double seconds);

// The counts of a report in a few words. Refresh: "12 new, 3 updated, 1 deleted, 0 failed" (plus
// newly retracted papers and new watch matches when there are any); any other command: its counts
// as key=value in the stored order ("identified=412 fetched=412 failed=0 batches=3"); "-" when the
// report has no counts.
std::string counts_summary(const nlohmann::ordered_json& report);

// One aligned line per run, in the order given: run id, command, exit code and ok/failed, duration,
// counts, and for a failed run its error text (aligned with the other runs' errors).
std::string format_run_table(const std::vector<StoredRun>& runs);

}  // namespace ldn::cli
