#pragma once
// A crawl run: plan the search windows (splitting any that hold more than PubMed will page through),
// fetch every PMID they found in batches, verify each batch, and store each response atomically with
// the manifest as the resume point. Incremental after a success; resumable after a kill.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "crawler/calendar.hpp"
#include "crawler/eutils_client.hpp"
#include "crawler/retry_policy.hpp"
#include "crawler/store_lock.hpp"
#include "crawler/topic.hpp"

namespace ldn {

// PubMed pages through at most 9,999 records of one search (retstart above 9,998 fails).
inline constexpr std::size_t pubmed_search_limit = 9999;

struct CrawlRequest {
    Topic topic;
    std::filesystem::path store;
    std::optional<Day> since;  // explicit window start; otherwise years back from `until`
    std::optional<Day> until;  // explicit window end; otherwise today
    std::optional<int> years;  // explicit; otherwise the topic's window
    bool full = false;         // ignore the last success and crawl the whole window
    // How many of the records stored for the topic may leave it in one run: more looks like a search
    // that went wrong (NCBI has answered with partial results during backend trouble), so they are
    // held back with a warning. 1.0 lets any number go.
    double max_withdrawn_fraction = 0.1;
    std::size_t batch = 200;
    std::size_t search_limit = pubmed_search_limit;  // lowered only by tests of window splitting
    Day today = Day::today_utc();
    EutilsSettings eutils;
};

struct CrawlObserver {
    std::function<void(const std::string& run_id)> run_begun;            // new or resumed
    std::function<void(std::size_t done, std::size_t total)> progress;  // PMIDs stored so far
    std::function<void(const std::string&)> log;                         // --verbose detail, redacted
    std::function<void(const std::string&)> warning;
};

struct CrawlSummary {
    std::string run_id;
    std::string mode;  // full or incremental
    bool resumed = false;
    std::size_t windows = 0;
    std::size_t identified = 0;  // distinct PMIDs the searches returned
    std::size_t fetched = 0;     // distinct PMIDs stored by this run (resumed work included)
    std::size_t failed = 0;      // searched but never delivered
    std::size_t withdrawn = 0;   // stored before, out of the topic now
    std::size_t withdrawals_held = 0;
    std::size_t batches = 0;
    std::size_t requests = 0;    // made by this process
    RetryCounts retries;
    double seconds = 0;
};

// Throws ldn::Error: 75 when the store is locked, 69 when NCBI stays unavailable (what was fetched is
// kept and the next run resumes), 74 on I/O errors. A run report is written in every case it can be.
CrawlSummary crawl(const CrawlRequest& request, const CrawlObserver& observer);

// The same for a caller that holds the store's lock for longer than the crawl (ldn refresh).
CrawlSummary crawl_holding_lock(const CrawlRequest& request, const CrawlObserver& observer, const StoreLock& lock);

}  // namespace ldn
