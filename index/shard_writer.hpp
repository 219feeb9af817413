#pragma once
// Upserts and deletions into the Xapian index, with explicit commits so that a process killed while
// indexing leaves a database that opens at its last commit. Which raw batches are done is recorded
// in the database's own metadata, in the same commit as their documents, so "done" can never be
// out of step with the documents.

#include <xapian.h>

#include <cstddef>
#include <filesystem>
#include <set>
#include <string>

#include "crawler/article.hpp"
#include "index/annotator.hpp"
#include "index/document_builder.hpp"

namespace ldn {

struct IndexCounts {
    std::size_t added = 0;
    std::size_t updated = 0;    // a record that was there, now with different content
    std::size_t unchanged = 0;  // the same record again (idempotent re-ingest)
    std::size_t deleted = 0;
    std::size_t newly_retracted = 0;
    std::size_t failed = 0;

};

// What happened between two readings of the counts.
IndexCounts operator-(IndexCounts after, const IndexCounts& before);

class IndexWriter {
public:
    // Opens or creates the database. Throws ldn::Error: 75 when another process writes to it, 65 when
    // it was built by another schema version (with what to do), 74 when it cannot be opened.
    IndexWriter(const std::filesystem::path& database, const Annotator& annotator);

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
