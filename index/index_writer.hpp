#pragma once
// Writing the index, whichever way it is laid out (index/index_layout.hpp): one database written on
// the caller's thread, or N shards, each written by its own thread from a bounded queue while the
// caller reads and parses the next records. Every record goes to the shard its PMID hashes to, so it
// is in exactly one shard whatever the order of ingest. Metadata (the marks of finished batches, the
// synonyms, the topic) is written to every shard in the same commit as that shard's records: a batch
// counts as done only when every shard has its mark, so a run killed between two shards' commits
// reads the batch again, and its records come back unchanged.

#include <xapian.h>

#include <cstddef>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "crawler/article.hpp"
#include "index/annotator.hpp"
#include "index/index_counts.hpp"
#include "index/shard_writer.hpp"

namespace ldn {

class ShardWorker;

class IndexWriter {
public:
    // Opens the index at `index`, or creates it with `shards` shards (one when not given). An existing
    // index keeps its layout: asking for another shard count is an error (exit 2). Also throws what
    // ShardWriter throws: 75 another writer, 65 another schema version, 74 cannot open.
    IndexWriter(const std::filesystem::path& index, const Annotator& annotator,
                std::optional<std::size_t> shards = std::nullopt);
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    // Adds or replaces the record, or removes it for a deletion entry.
    void put(Article article);
    // A record that could not be read: remembered so it is not retried every run.
    void record_failure(const std::string& where, const std::string& reason);

    bool batch_done(const std::string& batch_key);
    void mark_batch_done(const std::string& batch_key, std::size_t records_read);
    // The sources ("<run-id>/<file>", a file path) holding records that failed and are remembered.
    std::set<std::string> sources_with_failures();
    void forget_failures(const std::string& source);

    void set_metadata(const std::string& key, const std::string& value);
    // Runs a change on every shard's database, in order with the records (the synonym table).
    void change_every_shard(const std::function<void(Xapian::WritableDatabase&)>& change);
    // Makes everything since the last commit durable, in every shard.
    void commit();

    IndexCounts counts();
    Xapian::doccount documents();
    std::size_t shards() const { return writers_.size(); }
    // The whole index as it stands, for reading on this thread once the writing is done: valid
    // until the next change.
    Xapian::Database database();

private:
    // Runs `task` on the shard's writer: at once for one shard, else on the shard's thread.
    void run_on(std::size_t shard, std::function<void(ShardWriter&)> task);
    void run_on_every_shard(const std::function<void(ShardWriter&)>& task);
    // Waits until every shard's queued changes are made or have failed; rethrows the first failure.
    void wait_for_shards();
    // Once a shard's thread has failed, the whole writer has: its failure is thrown by every later
    // change, whichever shard that change belongs to (the failed shard's batch mark is never written).
    void remember_failure();
    void throw_if_failed() const;

    std::vector<std::unique_ptr<ShardWriter>> writers_;
    std::vector<std::unique_ptr<ShardWorker>> workers_;  // empty for one shard
    std::exception_ptr failure_;
};

}  // namespace ldn
