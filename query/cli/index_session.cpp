#include "query/cli/index_session.hpp"

#include <fmt/format.h>

#include "crawler/run_report.hpp"
#include "index/synonyms.hpp"
#include "query/cli/locations.hpp"
#include "query/cli/messages.hpp"

namespace ldn::cli {

IndexSession::IndexSession(const std::filesystem::path& store_root, const std::string& command, bool rebuild)
    : store_(store_root),
      command_(command),
      run_id_(new_run_id(store_)),
      started_(utc_now_iso()),
      lock_(StoreLock::acquire(store_root)),
      annotator_(data_folder() / "vocab") {
    if (rebuild) {
        std::error_code error;
        std::filesystem::remove_all(store_.index(), error);
        if (error) throw io_error(store_.index().string() + ": cannot remove: " + error.message());
    }
    writer_ = std::make_unique<IndexWriter>(store_.index(), annotator_);
    store_synonyms(writer_->database(), load_synonyms(data_folder() / "vocab" / "synonyms.json"));
}

IndexObserver IndexSession::observer(ProgressLine& progress) {
    IndexObserver observer;
    observer.progress = [&progress](std::size_t done, std::size_t total) { progress.update(done, total); };
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
