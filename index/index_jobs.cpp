#include "index/index_jobs.hpp"

#include <algorithm>
#include <limits>
#include <set>

#include "crawler/crawl_manifest.hpp"
#include "crawler/errors.hpp"

namespace ldn {

namespace {

struct PendingBatch {
    std::string key;  // "<run-id>/<file>"
    std::filesystem::path path;
};

std::vector<PendingBatch> stored_batches(const StoreLayout& store) {
    std::vector<std::string> runs;
    std::error_code error;
    if (std::filesystem::is_directory(store.raw(), error)) {
        for (const auto& entry : std::filesystem::directory_iterator(store.raw(), error)) {
            if (std::filesystem::exists(entry.path() / "manifest.json")) runs.push_back(entry.path().filename().string());
        }
    }
    std::sort(runs.begin(), runs.end());  // run ids are UTC timestamps
    std::vector<PendingBatch> batches;
    for (const std::string& run : runs) {
        CrawlManifest manifest = CrawlManifest::load(store.manifest(run));
        for (const StoredBatch& batch : manifest.batches) {
            batches.push_back({run + "/" + batch.file, store.run_raw(run) / batch.file});
        }
    }
    return batches;
}

// Reads one file into the writer; records that cannot be read are reported and remembered.
std::size_t put_file(const std::filesystem::path& path, const std::string& source, IndexWriter& writer,
                     const IndexObserver& observer, std::size_t commit_every) {
    std::size_t since_commit = 0;
    ReadSummary summary = read_pubmed_file(
        path,
        [&](Article&& article) {
            writer.put(article);
            if (++since_commit >= commit_every) {
                writer.commit();
                since_commit = 0;
            }
        },
        [&](const RecordIssue& issue) {
            writer.record_failure(source + "#" + std::to_string(issue.record), issue.reason);
            if (observer.record_issue) observer.record_issue(issue);
        });
    return summary.records;
}

std::string file_identity(const std::filesystem::path& path) {
    std::error_code error;
    auto size = std::filesystem::file_size(path, error);
    if (error) throw io_error(path.string() + ": cannot read: " + error.message());
    auto modified = std::filesystem::last_write_time(path, error).time_since_epoch().count();
    return std::to_string(size) + ":" + std::to_string(modified);
}

}  // namespace

IndexCounts index_raw_batches(const StoreLayout& store, IndexWriter& writer, bool retry_failed,
                              const IndexObserver& observer) {
    IndexCounts before = writer.counts();
    std::vector<PendingBatch> batches = stored_batches(store);
    std::set<std::string> retry = retry_failed ? writer.sources_with_failures() : std::set<std::string>{};
    std::size_t done = 0;
    for (const PendingBatch& batch : batches) {
        bool again = retry.count(batch.key) > 0;
        if (writer.batch_done(batch.key) && !again) {
            ++done;
            continue;
        }
        // The records that still fail are recorded anew.
        if (again) writer.forget_failures(batch.key);
        std::size_t records = put_file(batch.path, batch.key, writer, observer, std::numeric_limits<std::size_t>::max());
        writer.mark_batch_done(batch.key, records);
        writer.commit();
        if (observer.progress) observer.progress(++done, batches.size());
    }
    return writer.counts() - before;
}

IndexCounts ingest_files(const std::vector<std::filesystem::path>& files, IndexWriter& writer, bool force,
                         const IndexObserver& observer, std::size_t commit_every) {
    IndexCounts before = writer.counts();
    std::size_t done = 0;
    for (const std::filesystem::path& file : files) {
        std::filesystem::path absolute = std::filesystem::absolute(file).lexically_normal();
        std::string key = "file:" + absolute.string() + "@" + file_identity(file);
        if (writer.batch_done(key) && !force) {
            if (observer.note) observer.note(file.string() + ": already ingested, skipped (use --force to read it again)");
        } else {
            std::size_t records = put_file(file, absolute.string(), writer, observer, commit_every);
            writer.mark_batch_done(key, records);
            writer.commit();
        }
        if (observer.progress) observer.progress(++done, files.size());
    }
    return writer.counts() - before;
}

}  // namespace ldn
