// `ldn index`: the raw batches of the store into the Xapian index, and `ldn ingest FILE...`: PubMed
// XML files into it directly (issue 4).

#include <memory>
#include <string>
#include <vector>

#include "crawler/crawl_state.hpp"
#include "crawler/errors.hpp"
#include "index/schema.hpp"
#include "query/cli/commands.hpp"
#include "query/cli/index_session.hpp"
#include "query/cli/locations.hpp"
#include "query/cli/messages.hpp"
#include "query/cli/progress.hpp"

namespace ldn::cli {

namespace {

struct IndexFlags {
    std::string store;
    bool rebuild = false;
    bool retry_failed = false;
    bool quiet = false;
};

struct IngestFlags {
    std::vector<std::string> files;
    std::string store;
    bool force = false;
    bool quiet = false;
};

ExitCode run_index(const IndexFlags& flags) {
    IndexSession session(store_folder(flags.store), "index", flags.rebuild);
    if (auto state = CrawlState::load(session.store().state())) {
        session.writer().set_metadata(schema::metadata::topic, state->topic);
    }
    ProgressLine progress("index");
    IndexCounts counts = index_raw_batches(session.store(), session.writer(), flags.retry_failed, session.observer(progress));
    progress.clear();
    return session.finish(counts, {{"raw", session.store().raw().string()}, {"rebuild", flags.rebuild}}, flags.quiet);
}

ExitCode run_ingest(const IngestFlags& flags) {
    std::vector<std::filesystem::path> files(flags.files.begin(), flags.files.end());
    for (const auto& file : files) {
        if (!std::filesystem::is_regular_file(file)) throw io_error(file.string() + ": not a readable file");
    }
    IndexSession session(store_folder(flags.store), "ingest");
    ProgressLine progress("ingest");
    IndexCounts counts = ingest_files(files, session.writer(), flags.force, session.observer(progress));
    progress.clear();
    return session.finish(counts, {{"files", flags.files}}, flags.quiet);
}

}  // namespace

Command add_index_command(CLI::App& app) {
    auto flags = std::make_shared<IndexFlags>();
    CLI::App* command = app.add_subcommand("index", "Index the raw batches of the store that are not indexed yet");
    add_store_option(*command, flags->store);
    command->add_flag("--rebuild", flags->rebuild, "Remove the index and build it again from every raw batch");
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
    command->add_option("files", flags->files, "PubMed XML files")->required()->type_name("FILE");
    add_store_option(*command, flags->store);
    command->add_flag("--force", flags->force, "Read files again even when they were ingested unchanged before");
    command->add_flag("-q,--quiet", flags->quiet, "No summary line; warnings and errors only");
    command->footer("DeleteCitation entries remove records; a later version of a record replaces the earlier one.\n"
                    "Exit codes: 0 ok, 65 some records could not be read, 74 I/O error, 75 store in use.");
    return {command, [flags] { return run_ingest(*flags); }};
}

}  // namespace ldn::cli
