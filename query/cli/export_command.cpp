// `ldn export QUERY... --format FORMAT -o FILE`: every match, in any export format, to a file that
// appears whole or not at all (issue 5).

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "crawler/atomic_file.hpp"
#include "index/consistent_read.hpp"
#include "query/cli/commands.hpp"
#include "query/cli/messages.hpp"
#include "query/cli/search_options.hpp"
#include "query/cli/terminal.hpp"

namespace ldn::cli {

namespace {

// Matches are read a page at a time, so the search holds one page of documents, not every match.
constexpr std::size_t page_size = 1000;

struct ExportFlags {
    SearchFlags search;
    std::string format;
    std::string output;
    bool force = false;
    bool quiet = false;
};

ExitCode run_export(const ExportFlags& flags) {
    SearchRequest request = resolve_search_request(flags.search, Day::today_utc());
    const OutputFormat format = resolve_output_format(flags.format, false, std::nullopt);
    const std::optional<std::filesystem::path> file = output_file(flags.output, flags.force);
    const bool to_stdout = !file;
    Xapian::Database database = open_reading_index(flags.search.store, flags.search.database);

    // Streamed into a temporary that is renamed into place once complete.
    std::optional<AtomicFileWriter> file_writer;
    if (file) file_writer.emplace(*file);
    auto emit = [&](const std::string& text) {
        if (to_stdout) {
            write_stdout(text);
        } else {
            file_writer->append(text);
        }
    };

    const auto sink = make_result_sink(format, 0);
    request.limit = page_size;
    SearchResults page = read_consistently(database, [&] { return search(database, request); });
    emit(sink->begin(summarize(request.query, request, page)));
    std::size_t written = 0;
    while (true) {
        for (const SearchHit& hit : page.hits) emit(sink->hit(hit));
        written += page.hits.size();
        if (page.hits.size() < page_size || written >= page.total) break;
        request.offset += page_size;
        page = read_consistently(database, [&] { return search(database, request); });
    }
    emit(sink->end());

    if (file_writer) file_writer->commit();
    if (!flags.quiet) {
        print_note("export: " + std::to_string(written) + (written == 1 ? " record" : " records") + " written to " +
                   (to_stdout ? std::string("standard output") : flags.output));
    }
    return ExitCode::ok;
}

}  // namespace

Command add_export_command(CLI::App& app) {
    auto flags = std::make_shared<ExportFlags>();
    CLI::App* command = app.add_subcommand("export", "Write every matching record to a file in an export format");
    add_search_options(*command, flags->search);
    command->add_option("--format", flags->format, "Required: " + output_format_names(false))->type_name("FORMAT");
    command->add_option("-o,--output", flags->output, "File to write (standard output without it, or with -)")->type_name("FILE");
    command->add_flag("--force", flags->force, "Replace FILE when it exists");
    command->add_flag("-q,--quiet", flags->quiet, "No summary line");
    command->footer("The file is written to a temporary name and renamed: it appears whole or not at all.\n"
                    "Formats and their fields: docs/EXPORTS.md.\n"
                    "Exit codes: 0 ok, 1 no index, 2 bad query or option (or FILE exists without --force), 74 I/O error.");
    return {command, [flags] { return quiet_on_closed_stdout([&] { return run_export(*flags); }); }};
}

}  // namespace ldn::cli
