// `ldn similar PMID`: records like one in the index, by relevance feedback on its terms (issue 5).

#include <memory>
#include <string>

#include "index/consistent_read.hpp"
#include "query/cli/commands.hpp"
#include "query/cli/locations.hpp"
#include "query/cli/search_options.hpp"
#include "query/cli/terminal.hpp"

namespace ldn::cli {

namespace {

struct SimilarFlags {
    std::string pmid;
    long long limit = 10;
    std::string format;
    std::string store;
    std::string database;
};

ExitCode run_similar(const SimilarFlags& flags) {
    require_pmid(flags.pmid);
    const std::size_t limit = resolve_count(flags.limit, "--limit");
    const OutputFormat format = resolve_output_format(flags.format, true, default_output_format());
    Xapian::Database database = open_reading_index(flags.store, flags.database);
    const std::vector<SearchHit> hits =
        read_consistently(database, [&] { return similar_records(database, flags.pmid, limit); });
    ResultsSummary summary;
    summary.query = "similar:" + flags.pmid;
    summary.total = hits.size();
    print_results(format, summary, hits);
    return ExitCode::ok;
}

}  // namespace

Command add_similar_command(CLI::App& app) {
    auto flags = std::make_shared<SimilarFlags>();
    CLI::App* command = app.add_subcommand("similar", "Records like the one given, best first, never itself");
    command->add_option("pmid", flags->pmid, "A PMID in the index")->required()->type_name("PMID");
    command->add_option("--limit", flags->limit, "How many (default 10)")->type_name("N");
    command->add_option("--format", flags->format,
                        "Output: " + output_format_names(true) + " (default: table on a terminal, else json)")
        ->type_name("FORMAT");
    add_index_options(*command, flags->store, flags->database);
    command->footer("Exit codes: 0 ok, 1 PMID not in the index or no index, 2 bad PMID or option.");
    return {command, [flags] { return quiet_on_closed_stdout([&] { return run_similar(*flags); }); }};
}

}  // namespace ldn::cli
