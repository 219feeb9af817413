// `ldn index`: the raw batches of the store into the Xapian index, and `ldn ingest FILE...`: PubMed
// XML files into it directly (issue 4).

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crawler/crawl_state.hpp"
#include "crawler/errors.hpp"
#include "index/index_layout.hpp"
#include "index/schema.hpp"
#include "query/cli/pubmed_files.hpp"
#include "query/cli/commands.hpp"
#include "query/cli/index_session.hpp"
#include "query/cli/locations.hpp"
#include "query/cli/messages.hpp"
#include "query/cli/progress.hpp"

namespace ldn::cli {

namespace {

// 0: the index's own layout, or one database for a new index.
std::optional<std::size_t> shard_request(std::size_t shards) {
    if (shards == 0) return std::nullopt;
    return shards;
}

void add_shards_option(CLI::App& command, std::size_t& shards, const std::string& what) {
    command.add_option("--shards", shards, what)->check(CLI::Range(std::size_t{1}, max_shards))->type_name("N");
}

struct IndexFlags {
    std::string store;
    std::size_t shards = 0;
    bool rebuild = false;
    bool retry_failed = false;
    bool quiet = false;
};

struct IngestFlags {
    std::vector<std::string> files;
    std::string store;
    std::size_t shards = 0;
    bool force = false;
    bool quiet = false;
};

ExitCode run_index(const IndexFlags& flags) {
    IndexSession session(store_folder(flags.store), "index", flags.rebuild, shard_request(flags.shards));
    if (auto state = CrawlState::load(session.store().state())) {
        session.writer().set_metadata(schema::metadata::topic, state->topic);
    }
    ProgressLine progress("index");
    IndexCounts counts = index_raw_batches(session.store(), session.writer(), flags.retry_failed, session.observer(progress));
    progress.clear();
    return session.finish(counts, {{"raw", session.store().raw().string()}, {"rebuild", flags.rebuild}}, flags.quiet);
}

ExitCode run_ingest(const IngestFlags& flags) {
    std::vector<std::filesystem::path> files = pubmed_files_in_order(flags.files);
    IndexSession session(store_folder(flags.store), "ingest", false, shard_request(flags.shards));
    ProgressLine progress("ingest");
    IndexObserver observer = session.observer(progress);
    observer.file_ingested = [&session](const IngestedFile& file) { session.log_ingested(file); };
    IndexCounts counts = ingest_files(files, session.writer(), flags.force, observer);
    progress.clear();
    return session.finish(counts, {{"files", flags.files}, {"shards", session.writer().shards()}}, flags.quiet);
}

}  // namespace

Command add_index_command(CLI::App& app) {
    auto flags = std::make_shared<IndexFlags>();
    CLI::App* command = app.add_subcommand("index", "Index the raw batches of the store that are not indexed yet");
    add_store_option(*command, flags->store);
    command->add_flag("--rebuild", flags->rebuild, "Remove the index and build it again from every raw batch");
    add_shards_option(*command, flags->shards, "With --rebuild (or for a new index): write it as N shards");
    command->add_flag("--retry-failed", flags->retry_failed, "Read again the batches whose records failed before");
    command->add_flag("-q,--quiet", flags->quiet, "No summary line; warnings and errors only");
    command->footer("Exit codes: 0 ok, 65 some records could not be read (see the warnings and the run report),\n"
                    "74 I/O error, 75 store in use by another run.");
    return {command, [flags] { return run_index(*flags); }};
}

Command add_ingest_command(CLI::App& app) {
    auto flags = std::make_shared<IngestFlags>();
    CLI::App* command = app.add_subcommand(
        "ingest", "Index PubMed XML files (efetch output, baseline and update files, .gz) in the order given");
    command->add_option("files", flags->files, "PubMed XML files, or folders of them (read in name order)")
        ->required()
        ->type_name("FILE|DIR");
    add_store_option(*command, flags->store);
    add_shards_option(*command, flags->shards, "Write a new index as N shards, one writer thread each (records dealt by PMID)");
    command->add_flag("--force", flags->force, "Read files again even when they were ingested unchanged before");
    command->add_flag("-q,--quiet", flags->quiet, "No summary line; warnings and errors only");
    command->footer("DeleteCitation entries remove records; a later version of a record replaces the earlier one.\n"
                    "Each finished file is a line of <store>/ingest-log.jsonl; a run stopped midway resumes at its file.\n"
                    "Exit codes: 0 ok, 65 some records could not be read, 74 I/O error, 75 store in use.");
    return {command, [flags] { return run_ingest(*flags); }};
}

}  // namespace ldn::cli
