#include "index/index_jobs.hpp"

#include <algorithm>
#include <chrono>
#include <memory>
#include <limits>
#include <set>

#include "crawler/byte_source.hpp"
#include "crawler/crawl_manifest.hpp"
#include "crawler/errors.hpp"

namespace ldn {

namespace {

// One step of replaying the raw store: a stored batch, or the withdrawals of a finished run.
struct PendingStep {
    std::string key;  // "<run-id>/<file>" or "<run-id>/withdrawn"
    std::filesystem::path batch;
    std::vector<std::string> withdrawn;
};

std::vector<PendingStep> stored_steps(const StoreLayout& store) {
    std::vector<PendingStep> steps;
    for (const std::string& run : stored_run_ids(store.raw())) {
        CrawlManifest manifest = CrawlManifest::load(store.manifest(run));
        for (const StoredBatch& batch : manifest.batches) {
            steps.push_back({run + "/" + batch.file, store.run_raw(run) / batch.file, {}});
        }
        // Only a finished run's plan is final: an abandoned one is superseded by the next listing.
        if (manifest.complete && !manifest.withdrawn.empty()) {
            steps.push_back({run + "/withdrawn", {}, std::move(manifest.withdrawn)});
        }
    }
    return steps;
}

void withdraw(const std::vector<std::string>& pmids, IndexWriter& writer) {
    Article gone;
    gone.deleted = true;
    for (const std::string& pmid : pmids) {
        gone.pmid = pmid;
        writer.put(gone);
    }
}

// How often, in records, a run reports progress within a file.
constexpr std::size_t progress_every = 500;

// Reads one file into the writer; records that cannot be read are reported and remembered.
// Every `progress_every` records `progress` (as it stood before the file) is reported with the
// records read and the file's position; after the file it counts the file's records, and its bytes
// are left for the caller to count whole.
std::size_t put_file(const std::filesystem::path& path, const std::string& source, IndexWriter& writer,
                     const IndexObserver& observer, std::size_t commit_every, IndexProgress& progress) {
    const IndexProgress at_start = progress;
    std::size_t since_commit = 0;
    std::size_t records = 0;
    std::unique_ptr<ByteSource> input = open_file_source(path);
    ReadSummary summary = read_pubmed(
        *input,
        [&](Article&& article) {
            writer.put(std::move(article));
            if (++since_commit >= commit_every) {
                writer.commit();
                since_commit = 0;
            }
            if (++records % progress_every == 0 && observer.progress) {
                progress.records = at_start.records + records;
                progress.bytes_done = at_start.bytes_done + input->input_position();
                observer.progress(progress);
            }
        },
        [&](const RecordIssue& issue) {
            writer.record_failure(source + "#" + std::to_string(issue.record), issue.reason);
            if (observer.record_issue) observer.record_issue(issue);
        });
    progress.records = at_start.records + summary.records;
    progress.bytes_done = at_start.bytes_done;
    return summary.records;
}

std::uint64_t size_of(const std::filesystem::path& path) {
    std::error_code error;
    auto size = std::filesystem::file_size(path, error);
    if (error) throw io_error(path.string() + ": cannot read: " + error.message());
    return size;
}

std::string file_identity(const std::filesystem::path& path) {
    std::error_code error;
    auto size = size_of(path);
    auto modified = std::filesystem::last_write_time(path, error).time_since_epoch().count();
    return std::to_string(size) + ":" + std::to_string(modified);
}

}  // namespace

IndexCounts index_raw_batches(const StoreLayout& store, IndexWriter& writer, bool retry_failed,
                              const IndexObserver& observer) {
    IndexCounts before = writer.counts();
    std::vector<PendingStep> steps = stored_steps(store);
    std::set<std::string> retry = retry_failed ? writer.sources_with_failures() : std::set<std::string>{};
    IndexProgress progress{.steps_total = steps.size()};
    for (const PendingStep& step : steps) progress.bytes_total += step.batch.empty() ? 0 : size_of(step.batch);
    auto report = [&] {
        if (observer.progress) observer.progress(progress);
    };
    for (const PendingStep& step : steps) {
        const std::uint64_t bytes = step.batch.empty() ? 0 : size_of(step.batch);
        bool again = retry.count(step.key) > 0;
        if (writer.batch_done(step.key) && !again) {
            ++progress.steps_done;
            progress.bytes_done += bytes;
            continue;
        }
        if (step.batch.empty()) {
            withdraw(step.withdrawn, writer);
            writer.mark_batch_done(step.key, step.withdrawn.size());
        } else {
            // The records that still fail are recorded anew.
            if (again) writer.forget_failures(step.key);
            std::size_t records = put_file(step.batch, step.key, writer, observer,
                                           std::numeric_limits<std::size_t>::max(), progress);
            writer.mark_batch_done(step.key, records);
        }
        writer.commit();
        ++progress.steps_done;
        progress.bytes_done += bytes;
        report();
    }
    return writer.counts() - before;
}

IndexCounts ingest_files(const std::vector<std::filesystem::path>& files, IndexWriter& writer, bool force,
                         const IndexObserver& observer, std::size_t commit_every) {
    IndexCounts before = writer.counts();
    IndexProgress progress{.steps_total = files.size()};
    for (const std::filesystem::path& file : files) progress.bytes_total += size_of(file);
    auto report = [&] {
        if (observer.progress) observer.progress(progress);
    };
    for (const std::filesystem::path& file : files) {
        const std::uint64_t bytes = size_of(file);
        std::filesystem::path absolute = std::filesystem::absolute(file).lexically_normal();
        std::string key = "file:" + absolute.string() + "@" + file_identity(file);
        if (writer.batch_done(key) && !force) {
            if (observer.note) observer.note(file.string() + ": already ingested, skipped (use --force to read it again)");
        } else {
            const auto started = std::chrono::steady_clock::now();
            const IndexCounts counts_before = writer.counts();
            std::size_t records = put_file(file, absolute.string(), writer, observer, commit_every, progress);
            writer.mark_batch_done(key, records);
            writer.commit();
            if (observer.file_ingested) {
                const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - started;
                observer.file_ingested({absolute, bytes, records, writer.counts() - counts_before, seconds.count()});
            }
        }
        ++progress.steps_done;
        progress.bytes_done += bytes;
        report();
    }
    return writer.counts() - before;
}

}  // namespace ldn
