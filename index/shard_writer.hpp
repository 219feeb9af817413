#pragma once
// One Xapian database of the index (the whole index, or one of its shards): upserts and deletions
// with explicit commits, so that a process killed while indexing leaves a database that opens at its
// last commit. Which raw batches are done is recorded in the database's own metadata, in the same
// commit as their documents, so "done" can never be out of step with the documents. Not thread-safe:
// one thread at a time uses a ShardWriter (IndexWriter gives each shard its own).

#include <xapian.h>

#include <cstddef>
#include <filesystem>
#include <set>
#include <string>

#include "crawler/article.hpp"
#include "index/annotator.hpp"
#include "index/document_builder.hpp"
#include "index/index_counts.hpp"

namespace ldn {

class ShardWriter {
public:
    // Opens or creates the database (never clearing anything: IndexWriter decides the layout). Throws ldn::Error: 75 when another process writes to it, 65 when
    // it was built by another schema version (with what to do), 74 when it cannot be opened.
    ShardWriter(const std::filesystem::path& database, const Annotator& annotator);

    // Adds or replaces the record, or removes it for a deletion entry.
    void put(const Article& article);
    // A record that could not be read: remembered so it is not retried every run.
    void record_failure(const std::string& where, const std::string& reason);

    bool batch_done(const std::string& batch_key) const;
    // Recorded in the same commit as the batch's documents.
    void mark_batch_done(const std::string& batch_key, std::size_t records_read);
    // The sources ("<run-id>/<file>", a file path) holding records that failed and are remembered.
    std::set<std::string> sources_with_failures();
    // Forgets the failures of one source before it is read again.
    void forget_failures(const std::string& source);

    void set_metadata(const std::string& key, const std::string& value);
    // Makes everything since the last commit durable.
    void commit();

    const IndexCounts& counts() const { return counts_; }
    Xapian::doccount documents() const { return database_.get_doccount(); }
    Xapian::WritableDatabase& database() { return database_; }

private:
    // Runs one change; a Xapian failure (disk full, file too large, an I/O error) becomes ldn::Error 74
    // naming the index, and nothing more reaches the disk: the index stays at its last commit.
    template <typename Change>
    decltype(auto) changing(const char* what, Change&& change);
    void upsert(const Article& article);

    std::filesystem::path path_;
    Xapian::WritableDatabase database_;
    const Annotator& annotator_;
    DocumentBuilder builder_;
    IndexCounts counts_;
};

}  // namespace ldn
