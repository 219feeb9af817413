#include "index/index_writer.hpp"

#include <string>

#include "crawler/atomic_file.hpp"
#include "crawler/errors.hpp"
#include "index/index_layout.hpp"
#include "index/shard_worker.hpp"

namespace ldn {

namespace {

// Records waiting per shard: enough to ride out one document that is slow to index, small enough
// that the queues hold a few MiB.
constexpr std::size_t queued_per_shard = 256;

std::string shard_count_text(std::size_t shards) {
    return std::to_string(shards) + (shards == 1 ? " shard" : " shards");
}

// A killed run can leave a folder without a committed database in it (Xapian was creating it, or the
// shards were made but not yet listed): nothing was ever committed there, so it is cleared. Shards
// holding records without their stub are someone's data, not a killed run's: refused, not cleared.
void clear_never_committed(const std::filesystem::path& index) {
    std::error_code error;
    if (!std::filesystem::is_directory(index, error)) return;
    for (const auto& entry : std::filesystem::directory_iterator(index, error)) {
        if (!std::filesystem::exists(entry.path() / "iamglass", error)) continue;
        bool holds_records = true;
        try {
            holds_records = Xapian::Database(entry.path().string()).get_doccount() > 0;
        } catch (const Xapian::Error&) {
            // Unreadable: not ours to remove either.
        }
        if (holds_records) {
            throw input_error("index " + index.string() + " holds shards (" + entry.path().filename().string() +
                              ") but no XAPIANDB listing them: restore the stub, or remove the folder to start again");
        }
    }
    std::filesystem::remove_all(index, error);
    if (error) throw io_error("index " + index.string() + ": cannot clear an unfinished index: " + error.message());
}

}  // namespace

IndexWriter::IndexWriter(const std::filesystem::path& index, const Annotator& annotator,
                         std::optional<std::size_t> shards) {
    std::size_t existing = existing_shards(index);
    if (existing != 0 && shards && *shards != existing) {
        throw Error(ExitCode::usage, "index " + index.string() + " has " + shard_count_text(existing) +
                                         "; the shard count is fixed when an index is created: for " + shard_count_text(*shards) +
                                         ", ingest into a new store or rebuild with 'ldn index --rebuild --shards " +
                                         std::to_string(*shards) + "'");
    }
    if (existing == 0) clear_never_committed(index);
    const std::size_t count = existing != 0 ? existing : shards.value_or(1);
    if (count == 0 || count > max_shards) {
        throw Error(ExitCode::usage, "a shard count must be 1 to " + std::to_string(max_shards));
    }
    if (count > 1) create_directories_or_fail(index);
    for (const std::filesystem::path& path : shard_paths(index, count)) {
        writers_.push_back(std::make_unique<ShardWriter>(path, annotator));
    }
    // Listed only once every shard exists, so that a stub never names a missing database.
    if (count > 1 && existing == 0) write_shard_stub(index, count);
    if (count > 1) {
        for (auto& writer : writers_) workers_.push_back(std::make_unique<ShardWorker>(*writer, queued_per_shard));
    }
}

IndexWriter::~IndexWriter() = default;

void IndexWriter::run_on(std::size_t shard, std::function<void(ShardWriter&)> task) {
    if (workers_.empty()) {
        task(*writers_[shard]);
        return;
    }
    throw_if_failed();
    try {
        workers_[shard]->submit(std::move(task));
    } catch (...) {
        remember_failure();
        throw;
    }
}

void IndexWriter::run_on_every_shard(const std::function<void(ShardWriter&)>& task) {
    for (std::size_t shard = 0; shard < writers_.size(); ++shard) run_on(shard, task);
}

void IndexWriter::wait_for_shards() {
    throw_if_failed();
    // Every shard is waited for, also after one has failed, so that what the others commit does
    // not depend on which shard failed first.
    for (auto& worker : workers_) {
        try {
            worker->wait_until_idle();
        } catch (...) {
            remember_failure();
        }
    }
    throw_if_failed();
}

void IndexWriter::remember_failure() {
    if (!failure_) failure_ = std::current_exception();
}

void IndexWriter::throw_if_failed() const {
    if (failure_) std::rethrow_exception(failure_);
}

void IndexWriter::put(Article article) {
    const std::size_t shard = shard_of(article.pmid, writers_.size());
    run_on(shard, [article = std::move(article)](ShardWriter& writer) { writer.put(article); });
}

void IndexWriter::record_failure(const std::string& where, const std::string& reason) {
    // Failures are remembered in the first shard only: they belong to a source, not to a record.
    run_on(0, [where, reason](ShardWriter& writer) { writer.record_failure(where, reason); });
}

bool IndexWriter::batch_done(const std::string& batch_key) {
    wait_for_shards();
    for (const auto& writer : writers_) {
        if (!writer->batch_done(batch_key)) return false;
    }
    return true;
}

void IndexWriter::mark_batch_done(const std::string& batch_key, std::size_t records_read) {
    run_on_every_shard([batch_key, records_read](ShardWriter& writer) { writer.mark_batch_done(batch_key, records_read); });
}

std::set<std::string> IndexWriter::sources_with_failures() {
    wait_for_shards();
    std::set<std::string> sources;
    for (const auto& writer : writers_) sources.merge(writer->sources_with_failures());
    return sources;
}

void IndexWriter::forget_failures(const std::string& source) {
    run_on_every_shard([source](ShardWriter& writer) { writer.forget_failures(source); });
}

void IndexWriter::set_metadata(const std::string& key, const std::string& value) {
    run_on_every_shard([key, value](ShardWriter& writer) { writer.set_metadata(key, value); });
}

void IndexWriter::change_every_shard(const std::function<void(Xapian::WritableDatabase&)>& change) {
    run_on_every_shard([change](ShardWriter& writer) { change(writer.database()); });
}

void IndexWriter::commit() {
    run_on_every_shard([](ShardWriter& writer) { writer.commit(); });
    wait_for_shards();
}

IndexCounts IndexWriter::counts() {
    wait_for_shards();
    IndexCounts total;
    for (const auto& writer : writers_) total += writer->counts();
    return total;
}

Xapian::doccount IndexWriter::documents() {
    wait_for_shards();
    Xapian::doccount total = 0;
    for (const auto& writer : writers_) total += writer->documents();
    return total;
}

Xapian::Database IndexWriter::database() {
    wait_for_shards();
    if (writers_.size() == 1) return writers_.front()->database();
    Xapian::Database whole;
    for (const auto& writer : writers_) whole.add_database(writer->database());
    return whole;
}

}  // namespace ldn
