#pragma once
// The two ways records reach the index: the raw batches a crawl stored (`ldn index`), and PubMed
// files given by hand (`ldn ingest`). Both commit as they go and remember what they finished, so a
// killed run is completed by the next one and repeating a finished one changes nothing.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "crawler/pubmed_reader.hpp"
#include "crawler/store_layout.hpp"
#include "index/index_writer.hpp"

namespace ldn {

// How far a run is: whole steps (batches or files), and bytes of input, which tell the time left.
struct IndexProgress {
    std::size_t steps_done = 0;
    std::size_t steps_total = 0;
    std::uint64_t bytes_done = 0;   // of the files (compressed bytes for gzip), skipped ones included
    std::uint64_t bytes_total = 0;
    std::size_t records = 0;        // read in this run
};

// One file of `ingest_files` committed: the ingest log's line.
struct IngestedFile {
    std::filesystem::path path;
    std::uint64_t bytes = 0;
    std::size_t records = 0;
    IndexCounts counts;
    double seconds = 0;
};

struct IndexObserver {
    std::function<void(const IndexProgress&)> progress;    // after each step and every few records
    std::function<void(const RecordIssue&)> record_issue;  // a record skipped
    std::function<void(const std::string&)> note;          // e.g. a file already ingested
    std::function<void(const IngestedFile&)> file_ingested;
};

// Every raw batch of every run's manifest not yet indexed, oldest run first, so a later fetch of a
// record replaces an earlier one; after a finished run's batches, the records it found had left the
// topic are removed. With `retry_failed`, batches holding records that failed before are read again.
// One commit per step.
IndexCounts index_raw_batches(const StoreLayout& store, IndexWriter& writer, bool retry_failed,
                              const IndexObserver& observer);

// PubMed files in the order given: later versions replace earlier ones, DeleteCitation removes.
// A file already ingested unchanged (same path, size and modification time) is skipped unless
// `force`. Commits every `commit_every` records and at the end of each file, where its mark is
// written in the same commit; the file is reported to `file_ingested` once that commit is made.
IndexCounts ingest_files(const std::vector<std::filesystem::path>& files, IndexWriter& writer, bool force,
                         const IndexObserver& observer, std::size_t commit_every = 10000);

}  // namespace ldn
