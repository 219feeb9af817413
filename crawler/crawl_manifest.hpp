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
    std::vector<PlannedWindow> windows;
    std::vector<StoredBatch> batches;
    std::vector<std::string> failed;  // PMIDs searched but not delivered by efetch after retries

    void save(const std::filesystem::path& path) const;
    // Throws ldn::Error (exit 65) naming the file when it cannot be read back.
    static CrawlManifest load(const std::filesystem::path& path);
};

// The newest manifest under raw/ that is not complete, if any.
std::optional<CrawlManifest> find_unfinished_run(const std::filesystem::path& raw_folder);

}  // namespace ldn
