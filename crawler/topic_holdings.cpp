#include "crawler/topic_holdings.hpp"

#include <vector>

#include "crawler/crawl_manifest.hpp"

namespace ldn {

std::unordered_set<std::string> pmids_held_before(const StoreLayout& store, const std::string& current) {
    std::vector<CrawlManifest> later;  // newest first, back to the last finished listing
    std::unordered_set<std::string> held;
    std::vector<std::string> runs = stored_run_ids(store.raw());
    for (auto run = runs.rbegin(); run != runs.rend(); ++run) {
        if (*run == current) continue;
        CrawlManifest manifest = CrawlManifest::load(store.manifest(*run));
        if (manifest.complete && manifest.lists_topic) {
            for (std::string& pmid : manifest.topic_pmids()) held.insert(std::move(pmid));
            break;
        }
        later.push_back(std::move(manifest));
    }
    for (const CrawlManifest& manifest : later) {
        for (const StoredBatch& batch : manifest.batches) held.insert(batch.pmids.begin(), batch.pmids.end());
    }
    return held;
}

}  // namespace ldn
