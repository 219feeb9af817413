// `ldn refresh`: the nightly job of issue 7. Crawl, index, check the saved searches, report; quiet
// in cron apart from warnings and one summary line, progress bars on a terminal.

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "query/cli/commands.hpp"
#include "query/cli/crawl_options.hpp"
#include "query/cli/locations.hpp"
#include "query/cli/messages.hpp"
#include "query/cli/progress.hpp"
#include "query/refresh/refresh_job.hpp"
#include "query/watch/alert_lines.hpp"

namespace ldn::cli {

namespace {

struct RefreshFlags {
    CrawlFlags crawl;
    std::string notify_command;
    bool allow_withdrawals = false;
};

std::string summary_line(const RefreshOutcome& outcome) {
    const IndexCounts& index = outcome.index;
    std::string line = fmt::format(
        "refresh {} ({}{}): {} identified, {} fetched, {} new, {} updated, {} unchanged, {} deleted, "
        "{} newly retracted, {} failed; {} records; {} requests, {} retries",
        outcome.run_id, outcome.mode.empty() ? "crawl failed" : outcome.mode, outcome.resumed ? ", resumed" : "",
        outcome.crawl.identified, outcome.crawl.fetched, index.added, index.updated, index.unchanged, index.deleted,
        index.newly_retracted, outcome.crawl.failed + index.failed, outcome.documents, outcome.crawl.requests,
        outcome.crawl.retries.total());
    if (outcome.watches.watches > 0) line += fmt::format("; {} new watch matches", outcome.watches.new_records());
    return line + fmt::format("; {:.1f} s", outcome.seconds);
}

ExitCode run_refresh(const RefreshFlags& flags) {
    // Off a terminal the log needs times, unless it goes to the journal, which stamps every line.
    if (!stderr_is_terminal() && std::getenv("JOURNAL_STREAM") == nullptr) set_message_timestamps(true);
    RefreshRequest request;
    request.crawl = resolve_crawl_request(flags.crawl);
    if (flags.allow_withdrawals) request.crawl.max_withdrawn_fraction = 1.0;
    request.vocab = data_folder() / "vocab";
    request.notify_command = flags.notify_command;
    if (request.crawl.eutils.email.empty() && !flags.crawl.quiet) {
        print_warning("NCBI_EMAIL is not set: NCBI asks every E-utilities user for a contact address");
    }

    ProgressLine crawl_progress("crawl");
    ProgressLine index_progress("index");
    RefreshObserver observer;
    observer.warning = [&](const std::string& line) {
        crawl_progress.clear();
        index_progress.clear();
        print_warning(line);
    };
    observer.crawl.progress = [&](std::size_t done, std::size_t total) { crawl_progress.update(done, total); };
    observer.crawl.warning = observer.warning;
    if (flags.crawl.verbose) {
        observer.crawl.log = [&](const std::string& line) {
            crawl_progress.clear();
            print_note(line);
        };
    }
    observer.index_begun = [&] { crawl_progress.clear(); };
    observer.index.progress = [&](const IndexProgress& at) { index_progress.update(at.steps_done, at.steps_total); };
    observer.index.record_issue = [&](const RecordIssue& issue) { observer.warning(issue.to_string()); };

    RefreshOutcome outcome = refresh(request, observer);
    crawl_progress.clear();
    index_progress.clear();

    const std::string lines = alert_lines(outcome.watches.alerts);
    std::fwrite(lines.data(), 1, lines.size(), stdout);
    std::fflush(stdout);
    if (!flags.crawl.quiet) print_note(summary_line(outcome));
    if (!outcome.error.empty()) print_error(outcome.error);
    return outcome.code;
}

}  // namespace

Command add_refresh_command(CLI::App& app) {
    auto flags = std::make_shared<RefreshFlags>();
    CLI::App* command = app.add_subcommand(
        "refresh", "Crawl what changed, index it and check the saved searches: the nightly job");
    command->add_flag("--full", flags->crawl.full,
                      "Crawl the topic's whole window again, not only what changed since the last success");
    command->add_option("--notify-cmd", flags->notify_command,
                        "Run CMD (through /bin/sh) with the alert file's path when a watch has new records")
        ->type_name("CMD");
    command->add_flag("--allow-withdrawals", flags->allow_withdrawals,
                      "Remove records that left the topic even when more than a tenth leave at once");
    command->add_option("--today", flags->crawl.today, "Take DATE as today (reproducing a run; tests)")
        ->type_name("DATE");
    add_crawl_options(*command, flags->crawl);
    command->footer(
        std::string(crawl_environment_help) +
        "\nOutput: alert lines on stdout ('watch NAME: PMID YEAR DESIGN TITLE'); a summary line on stderr\n"
        "(not with --quiet); progress bars on a terminal; UTC timestamps on stderr lines elsewhere.\n"
        "Exit codes: 0 ok, 2 usage, 65 bad topic file or unreadable records (the rest is indexed),\n"
        "69 NCBI unavailable after retries (what was fetched is indexed; the next run resumes),\n"
        "74 I/O error, 75 another run holds the store (exits at once).");
    return {command, [flags] { return run_refresh(*flags); }};
}

}  // namespace ldn::cli
