// `ldn summarize [QUERY...]`: the evidence report of issue 6 (scope, evidence map, timeline, key
// studies per condition, doses, participants, retractions, gaps) as Markdown, HTML or JSON.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crawler/atomic_file.hpp"
#include "index/consistent_read.hpp"
#include "query/cli/commands.hpp"
#include "query/cli/day_flag.hpp"
#include "query/cli/locations.hpp"
#include "query/cli/search_options.hpp"
#include "query/cli/summary_sources.hpp"
#include "query/cli/terminal.hpp"
#include "query/summary/html_report.hpp"
#include "query/summary/json_report.hpp"
#include "query/summary/markdown_report.hpp"

namespace ldn::cli {

namespace {

constexpr int default_years = 10;

struct SummarizeFlags {
    std::vector<std::string> query_words;
    std::vector<std::string> conditions;
    std::optional<int> years;
    std::string since;
    std::string now;
    std::string format = "md";
    std::string output;
    bool force = false;
    std::string store;
    std::string database;
};

using Renderer = std::string (*)(const EvidenceSummary&);

Error usage(const std::string& message) { return Error(ExitCode::usage, message); }


Renderer resolve_renderer(const std::string& format) {
    if (format == "md") return render_markdown_report;
    if (format == "html") return render_html_report;
    if (format == "json") return render_json_report;
    throw usage("--format: unknown format '" + format + "' (formats: md, html, json)");
}

// Phase two: the flags as a validated request. --now anchors --years and ends the window, so the
// same index and flags always give the same report.
SummaryOptions resolve_summary_options(const SummarizeFlags& flags) {
    if (flags.years && !flags.since.empty()) throw usage("--years and --since exclude each other");
    SummaryOptions options;
    options.query = joined_query(flags.query_words);
    options.conditions = flags.conditions;
    options.now = flags.now.empty() ? Day::today_utc() : parse_day_flag(flags.now, "--now");
    options.until = options.now;
    if (flags.years && (*flags.years < 1 || *flags.years > 200)) {
        throw usage("--years wants a number from 1 to 200, not " + std::to_string(*flags.years));
    }
    options.since = flags.since.empty() ? options.now.minus_years(flags.years.value_or(default_years))
                                        : parse_day_flag(flags.since, "--since");
    if (options.since > options.until) {
        throw usage("--since " + options.since.iso() + " is after --now " + options.until.iso());
    }
    return options;
}

ExitCode run_summarize(const SummarizeFlags& flags) {
    SummaryOptions options = resolve_summary_options(flags);
    const Renderer render = resolve_renderer(flags.format);
    const std::optional<std::filesystem::path> file = output_file(flags.output, flags.force);
    Xapian::Database database = open_reading_index(flags.store, flags.database);
    read_consistently(database, [&] { add_search_strategy(database, options); });
    const std::vector<std::string> vocabulary = vocabulary_conditions();
    const std::string report =
        render(read_consistently(database, [&] { return summarize_evidence(database, options, vocabulary); }));
    if (file) {
        write_file_atomically(*file, report);
    } else {
        write_stdout(report);
    }
    return ExitCode::ok;
}

}  // namespace

Command add_summarize_command(CLI::App& app) {
    auto flags = std::make_shared<SummarizeFlags>();
    CLI::App* command =
        app.add_subcommand("summarize", "An evidence report of the matching records: Markdown, HTML or JSON");
    command
        ->add_option("query", flags->query_words,
                     "Query (docs/QUERY.md); its words are joined by spaces; none: every record")
        ->type_name("QUERY");
    command
        ->add_option("--condition", flags->conditions,
                     "Only records about this condition id (repeat or comma-separate: any of them)")
        ->type_name("ID")
        ->delimiter(',')
        ->allow_extra_args(false);
    command->add_option("--years", flags->years, "Publications of the past N years (default 10)")->type_name("N");
    command->add_option("--since", flags->since, "Publications on or after this day, YYYY-MM-DD")->type_name("DATE");
    command->add_option("--now", flags->now, "The report's date, YYYY-MM-DD (default: today, UTC): fixes the window")
        ->type_name("DATE");
    command->add_option("--format", flags->format, "md (default), html or json")->type_name("FORMAT");
    command->add_option("-o,--output", flags->output, "File to write (standard output without it, or with -)")
        ->type_name("FILE");
    command->add_flag("--force", flags->force, "Replace FILE when it exists");
    add_index_options(*command, flags->store, flags->database);
    command->footer(
        "The same index and flags (with --now) give the same bytes. What each section holds: README.md.\n"
        "Exit codes: 0 ok, 1 no index, 2 bad query or option (or FILE exists without --force), 74 I/O error.");
    return {command, [flags] { return quiet_on_closed_stdout([&] { return run_summarize(*flags); }); }};
}

}  // namespace ldn::cli
