// `ldn show PMID...`: whole records from the index, as text or as their stored JSON (issue 5).

#include <memory>
#include <string>
#include <vector>

#include "query/cli/commands.hpp"
#include "query/cli/locations.hpp"
#include "query/cli/record_view.hpp"
#include "query/cli/search_options.hpp"
#include "query/cli/terminal.hpp"
#include "query/search/stored_record.hpp"

namespace ldn::cli {

namespace {

struct ShowFlags {
    std::vector<std::string> pmids;
    std::string format = "text";
    std::string store;
    std::string database;
};

ExitCode run_show(const ShowFlags& flags) {
    for (const std::string& pmid : flags.pmids) require_pmid(pmid);
    if (flags.format != "text" && flags.format != "json") {
        throw Error(ExitCode::usage, "--format wants text or json, not '" + flags.format + "'");
    }
    const bool as_json = flags.format == "json";
    constexpr std::size_t width_off_terminal = 80;
    const std::size_t width = terminal_columns().value_or(width_off_terminal);
    Xapian::Database database = open_reading_index(flags.store, flags.database);

    bool first = true;
    const ExitCode code = print_each_record(database, flags.pmids, [&](const SearchHit& hit) {
        if (as_json) {
            write_stdout(document_line(hit));
        } else {
            write_stdout((first ? "" : "\n") + record_view(read_stored_record(hit.data), width));
        }
        first = false;
    });
    return code;
}

}  // namespace

Command add_show_command(CLI::App& app) {
    auto flags = std::make_shared<ShowFlags>();
    CLI::App* command = app.add_subcommand("show", "Print whole records: abstract sections, annotations, links");
    command->add_option("pmids", flags->pmids, "PMIDs in the index")->required()->type_name("PMID");
    command->add_option("--format", flags->format, "text (default) or json (the stored document, one a line)")
        ->type_name("FORMAT");
    add_index_options(*command, flags->store, flags->database);
    command->footer("A PMID not in the index is reported and the others are still printed.\n"
                    "Exit codes: 0 ok, 1 a PMID is not in the index (or no index), 2 bad PMID or option.");
    return {command, [flags] { return quiet_on_closed_stdout([&] { return run_show(*flags); }); }};
}

}  // namespace ldn::cli
