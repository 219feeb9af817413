#include "query/cli/index_session.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>

#include <fmt/format.h>

#include "crawler/run_report.hpp"
#include "index/index_layout.hpp"
#include "index/synonyms.hpp"
#include "query/cli/locations.hpp"
#include "query/cli/messages.hpp"

namespace ldn::cli {

IndexSession::IndexSession(const std::filesystem::path& store_root, const std::string& command, bool rebuild,
                           std::optional<std::size_t> shards)
    : store_(store_root),
      command_(command),
      run_id_(new_run_id(store_)),
      started_(utc_now_iso()),
      lock_(StoreLock::acquire(store_root)),
      annotator_(data_folder() / "vocab") {
    if (rebuild) {
        if (std::size_t existing = existing_shards(store_.index()); existing != 0 && !shards) shards = existing;
        std::error_code error;
        std::filesystem::remove_all(store_.index(), error);
        if (error) throw io_error(store_.index().string() + ": cannot remove: " + error.message());
    }
    writer_ = std::make_unique<IndexWriter>(store_.index(), annotator_, shards);
    store_synonyms(*writer_, load_synonyms(data_folder() / "vocab" / "synonyms.json"));
}

IndexObserver IndexSession::observer(ProgressLine& progress) {
    IndexObserver observer;
    observer.progress = [&progress](const IndexProgress& at) {
        progress.update(at.steps_done, at.steps_total,
                        rate_and_time_left(at.records, progress.seconds_since_start(), at.bytes_done, at.bytes_total));
    };
    observer.record_issue = [this, &progress](const RecordIssue& issue) {
        progress.clear();
        print_warning(issue.to_string());
        issues_.push_back(issue);
    };
    observer.note = [&progress](const std::string& line) {
        progress.clear();
        print_note(line);
    };
    return observer;
}

void IndexSession::log_ingested(const IngestedFile& file) {
    nlohmann::ordered_json line{
        {"finished", utc_now_iso()},
        {"run_id", run_id_},
        {"file", file.path.string()},
        {"bytes", file.bytes},
        {"records", file.records},
        {"added", file.counts.added},
        {"updated", file.counts.updated},
        {"unchanged", file.counts.unchanged},
        {"deleted", file.counts.deleted},
        {"failed", file.counts.failed},
        {"seconds", std::round(file.seconds * 10) / 10},
    };
    // One write per line with O_APPEND: a line is whole or missing, never torn, even if killed.
    const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    const int fd = ::open(store_.ingest_log().c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) throw io_error(store_.ingest_log().string() + ": cannot open: " + std::strerror(errno));
    const ssize_t written = ::write(fd, text.data(), text.size());
    const int write_errno = errno;
    ::close(fd);
    if (written != static_cast<ssize_t>(text.size())) {
        throw io_error(store_.ingest_log().string() + ": cannot write: " +
                       (written < 0 ? std::strerror(write_errno) : "short write"));
    }
}

ExitCode IndexSession::finish(const IndexCounts& counts, nlohmann::ordered_json inputs, bool quiet) {
    nlohmann::ordered_json failures = nlohmann::ordered_json::array();
    for (const RecordIssue& issue : issues_) {
        failures.push_back({{"file", issue.file}, {"record", issue.record}, {"pmid", issue.pmid},
                            {"byte", issue.byte_offset}, {"reason", issue.reason}});
    }
    ExitCode code = counts.failed > 0 ? ExitCode::data_error : ExitCode::ok;
    nlohmann::ordered_json report{
        {"run_id", run_id_},
        {"command", command_},
        {"started", started_},
        {"finished", utc_now_iso()},
        {"inputs", std::move(inputs)},
        {"counts",
         {{"added", counts.added},
          {"updated", counts.updated},
          {"unchanged", counts.unchanged},
          {"deleted", counts.deleted},
          {"newly_retracted", counts.newly_retracted},
          {"failed", counts.failed}}},
        {"documents", writer_->documents()},
        {"failures", failures},
        {"exit_code", static_cast<int>(code)},
    };
    write_run_report(store_, run_id_, report);
    if (!quiet) {
        print_note(fmt::format("{}: {} added, {} updated, {} unchanged, {} deleted, {} failed; {} records in the index",
                               command_, counts.added, counts.updated, counts.unchanged, counts.deleted, counts.failed,
                               writer_->documents()));
    }
    return code;
}

}  // namespace ldn::cli
