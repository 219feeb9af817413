// `ldn cite PMID... --style ama|vancouver|apa`: one reference a line, in the order given (issue 5).

#include <memory>
#include <string>
#include <vector>

#include "query/cli/commands.hpp"
#include "query/cli/locations.hpp"
#include "query/cli/search_options.hpp"
#include "query/cli/terminal.hpp"
#include "query/export/export_format.hpp"
#include "query/search/stored_record.hpp"

namespace ldn::cli {

namespace {

struct CiteFlags {
    std::vector<std::string> pmids;
    std::string style = "ama";
    std::string store;
    std::string database;
};

ExportFormat resolve_style(const std::string& name) {
    auto format = parse_export_format(name);
    if (!format || (*format != ExportFormat::ama && *format != ExportFormat::vancouver && *format != ExportFormat::apa)) {
        throw Error(ExitCode::usage, "--style wants ama, vancouver or apa, not '" + name + "'");
    }
    return *format;
}

ExitCode run_cite(const CiteFlags& flags) {
    for (const std::string& pmid : flags.pmids) require_pmid(pmid);
    const auto sink = make_export_sink(resolve_style(flags.style));
    Xapian::Database database = open_reading_index(flags.store, flags.database);

    write_stdout(sink->begin());
    const ExitCode code = print_each_record(database, flags.pmids, [&](const SearchHit& hit) {
        write_stdout(sink->record(read_stored_record(hit.data)));
    });
    write_stdout(sink->end());
    return code;
}

}  // namespace

Command add_cite_command(CLI::App& app) {
    auto flags = std::make_shared<CiteFlags>();
    CLI::App* command = app.add_subcommand("cite", "Print a reference for each PMID, one a line (AMA, Vancouver or APA)");
    command->add_option("pmids", flags->pmids, "PMIDs in the index")->required()->type_name("PMID");
    command->add_option("--style", flags->style, "ama (default), vancouver or apa")->type_name("STYLE");
    add_index_options(*command, flags->store, flags->database);
    command->footer("A retracted paper's reference starts with [RETRACTED]. Rules: docs/EXPORTS.md.\n"
                    "Exit codes: 0 ok, 1 a PMID is not in the index (or no index), 2 bad PMID or style.");
    return {command, [flags] { return quiet_on_closed_stdout([&] { return run_cite(*flags); }); }};
}

}  // namespace ldn::cli
