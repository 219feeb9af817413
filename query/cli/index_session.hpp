#pragma once
// What `ldn index` and `ldn ingest` share: the store lock, the vocabularies, the writer, and the run
// report with the summary line at the end.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crawler/errors.hpp"
#include "crawler/pubmed_reader.hpp"
#include "crawler/store_layout.hpp"
#include "crawler/store_lock.hpp"
#include "index/annotator.hpp"
#include "index/index_jobs.hpp"
#include "index/index_writer.hpp"
#include "query/cli/progress.hpp"

namespace ldn::cli {

class IndexSession {
public:
    // Takes the store's lock (exit 75 when held), loads data/vocab, opens or creates the index with
    // `shards` shards (see IndexWriter), removing it first when `rebuild` (which keeps its shard count).
    IndexSession(const std::filesystem::path& store_root, const std::string& command, bool rebuild = false,
                 std::optional<std::size_t> shards = std::nullopt);

    IndexWriter& writer() { return *writer_; }
    const StoreLayout& store() const { return store_; }

    // Warnings and progress for the terminal; issues are also kept for the run report.
    IndexObserver observer(ProgressLine& progress);

    // Appends the file's line to the store's ingest log (ingest-log.jsonl).
    void log_ingested(const IngestedFile& file);

    // Writes runs/<run-id>.json and prints the summary line (unless quiet); returns the exit code:
    // 65 when records failed, else 0.
    ExitCode finish(const IndexCounts& counts, nlohmann::ordered_json inputs, bool quiet);

private:
    StoreLayout store_;
    std::string command_;
    std::string run_id_;
    std::string started_;
    StoreLock lock_;
    Annotator annotator_;
    std::unique_ptr<IndexWriter> writer_;
    std::vector<RecordIssue> issues_;
};

}  // namespace ldn::cli
