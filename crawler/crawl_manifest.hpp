#pragma once
// raw/<run-id>/manifest.json: what a crawl run asked for and what it has completed. It is rewritten
// atomically after every stored batch, so after a kill it is the exact resume point. It never holds
// the API key (the client keeps that to itself).

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "crawler/eutils_client.hpp"

namespace ldn {

struct PlannedWindow {
    SearchWindow window;
    std::size_t count = 0;
    std::vector<std::string> ids;  // every PMID the search returned, in PubMed's order
    std::string query_translation;
};

struct StoredBatch {
    std::string file;  // relative to the run folder: "0001.xml.gz"
    std::vector<std::string> pmids;
    std::size_t bytes = 0;  // uncompressed response size
};

struct CrawlManifest {
    std::string run_id;
    std::string topic;
    std::string term;
    std::string mode;     // "full" or "incremental"
    std::string request;  // the window options the user gave, to tell whether a resume fits
    std::string started;  // ISO 8601 UTC
    std::string finished;
    bool planned = false;  // every window searched and recorded
    bool complete = false;
    std::vector<PlannedWindow> windows;  // searched to fetch what they find
    std::vector<StoredBatch> batches;
    std::vector<std::string> failed;  // PMIDs searched but not delivered by efetch after retries

    // A run of the topic's own window knows every PMID the topic holds today: a full run through its
    // windows, an incremental one through `listing`, the topic window searched for its PMIDs only.
    // Against what earlier runs stored, that tells which records left the topic (deleted from
    // PubMed, no longer matching the strategy, or older than the window) and which it never stored.
    bool lists_topic = false;
    std::vector<PlannedWindow> listing;
    std::vector<std::string> unstored;   // in the topic, stored by no earlier run: fetched by id
    std::vector<std::string> withdrawn;  // stored before, out of the topic now: removed from the index
    std::vector<std::string> withdrawals_held;  // would have been withdrawn, but too many at once

    // Every PMID the topic listed in this run, less those that failed, plus those held back: what
    // the store holds for the topic once this run is indexed. Empty unless lists_topic.
    std::vector<std::string> topic_pmids() const;

    void save(const std::filesystem::path& path) const;
    // Throws ldn::Error (exit 65) naming the file when it cannot be read back.
    static CrawlManifest load(const std::filesystem::path& path);
};

// The newest manifest under raw/ that is not complete, if any.
std::optional<CrawlManifest> find_unfinished_run(const std::filesystem::path& raw_folder);

// The run ids under raw/ that have a manifest, oldest first (run ids are UTC timestamps).
std::vector<std::string> stored_run_ids(const std::filesystem::path& raw_folder);

}  // namespace ldn
