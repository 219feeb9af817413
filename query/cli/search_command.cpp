// `ldn search QUERY...`: a page of matching records, with facet counts over every match (issue 5).

#include <memory>
#include <string>
#include <vector>

#include "index/consistent_read.hpp"
#include "query/cli/commands.hpp"
#include "query/cli/search_options.hpp"
#include "query/cli/terminal.hpp"

namespace ldn::cli {

namespace {

struct SearchCommandFlags {
    SearchFlags search;
    long long limit = 20;
    long long offset = 0;
    std::vector<std::string> facets;
    std::string format;
};

ExitCode run_search(const SearchCommandFlags& flags) {
    SearchRequest request = resolve_search_request(flags.search, Day::today_utc());
    request.limit = resolve_count(flags.limit, "--limit");
    request.offset = resolve_count(flags.offset, "--offset");
    request.facets = resolve_facets(flags.facets);
    const OutputFormat format = resolve_output_format(flags.format, true, default_output_format());
    // A reader of the table wants the page now and the size of the result roughly; json and the
    // other formats are read by programs that page through, and a count alone (--limit 0) is asked
    // for its number, so those stay exact.
    if (format.kind == OutputKind::table && request.limit > 0) request.count = MatchCount::estimated;
    Xapian::Database database = open_reading_index(flags.search.store, flags.search.database);
    const SearchResults results = read_consistently(database, [&] { return search(database, request); });
    print_results(format, summarize(request.query, request, results), results.hits);
    return ExitCode::ok;
}

}  // namespace

Command add_search_command(CLI::App& app) {
    auto flags = std::make_shared<SearchCommandFlags>();
    CLI::App* command = app.add_subcommand("search", "Search the index: a page of matching records, facets, a table or a format");
    add_search_options(*command, flags->search);
    command->add_option("--limit", flags->limit, "Records per page (default 20; 0: only the count and facets)")->type_name("N");
    command->add_option("--offset", flags->offset, "Matches to skip before the page (default 0)")->type_name("N");
    command->add_option("--facets", flags->facets, "Counts over every match: year, design, condition (comma-separated)")
        ->type_name("LIST")
        ->delimiter(',')
        ->allow_extra_args(false);
    command->add_option("--format", flags->format,
                        "Output: " + output_format_names(true) + " (default: table on a terminal, else json)")
        ->type_name("FORMAT");
    command->footer(
        "Quote phrases for the shell: ldn search '\"low dose\" naltrexone' --condition fibromyalgia\n"
        "Exit codes: 0 ok (also when nothing matches), 1 no index (with how to fill it), 2 bad query or option.");
    return {command, [flags] { return quiet_on_closed_stdout([&] { return run_search(*flags); }); }};
}

}  // namespace ldn::cli
