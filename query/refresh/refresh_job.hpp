#pragma once
// `ldn refresh`: crawl (incremental after the first run), index, check the saved searches and write
// the run report, under one hold of the store's lock. Every step commits as it goes and remembers
// what it finished, so a run killed anywhere leaves the store consistent and the next run completes
// the work; a run with nothing new to do changes nothing.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "crawler/crawl.hpp"
#include "crawler/errors.hpp"
#include "index/index_jobs.hpp"
#include "query/refresh/watch_step.hpp"

namespace ldn {

struct RefreshRequest {
    CrawlRequest crawl;           // the store, topic, E-utilities settings and today
    std::filesystem::path vocab;  // data/vocab: annotators and synonyms
    std::string notify_command;   // run with the alert file's path when a watch has new records
};

struct RefreshObserver {
    CrawlObserver crawl;
    // Called when indexing starts, then as it goes.
    std::function<void()> index_begun;
    IndexObserver index;
    std::function<void(const std::string&)> warning;
};

struct RefreshOutcome {
    std::string run_id;
    std::string mode;  // full or incremental
    bool resumed = false;
    CrawlSummary crawl;  // what the crawl did (its figures are zero when it failed)
    IndexCounts index;
    std::size_t documents = 0;
    WatchOutcome watches;
    double seconds = 0;
    ExitCode code = ExitCode::ok;  // 0; 65 some records unreadable; 69 NCBI unavailable or records missing
    std::string error;             // why the code is 69, for the error line
};

// Throws ldn::Error for what stops a refresh before it could index: 75 the store is locked (at
// once), 65 a bad topic or vocabulary, 74 I/O, 2 bad options. When NCBI is unavailable, what was
// fetched is indexed and the outcome carries 69. The report runs/<run-id>.json is written whenever
// the crawl got as far as choosing its run id.
RefreshOutcome refresh(const RefreshRequest& request, const RefreshObserver& observer);

}  // namespace ldn
