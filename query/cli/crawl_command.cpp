// `ldn crawl`: the topic's PubMed records into the raw store (issue 3).

#include <fmt/format.h>

#include <memory>
#include <string>

#include "crawler/crawl.hpp"
#include "crawler/store_layout.hpp"
#include "query/cli/commands.hpp"
#include "query/cli/crawl_options.hpp"
#include "query/cli/messages.hpp"
#include "query/cli/progress.hpp"

namespace ldn::cli {

namespace {

ExitCode run_crawl(const CrawlFlags& flags) {
    CrawlRequest request = resolve_crawl_request(flags);
    if (request.eutils.email.empty() && !flags.quiet) {
        print_warning("NCBI_EMAIL is not set: NCBI asks every E-utilities user for a contact address");
    }
    ProgressLine progress("crawl");
    CrawlObserver observer;
    observer.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
    observer.warning = [&](const std::string& line) {
        progress.clear();
        print_warning(line);
    };
    if (flags.verbose) {
        observer.log = [&](const std::string& line) {
            progress.clear();
            print_note(line);
        };
    }
    CrawlSummary summary = crawl(request, observer);
    progress.clear();
    if (!flags.quiet) {
        print_note(fmt::format("crawl {} ({}{}): {} identified, {} fetched, {} failed; {} batches, {} requests, "
                               "{} retries, {:.1f} s",
                               summary.run_id, summary.mode, summary.resumed ? ", resumed" : "", summary.identified,
                               summary.fetched, summary.failed, summary.batches, summary.requests,
                               summary.retries.total(), summary.seconds));
    }
    return summary.failed > 0 ? ExitCode::unavailable : ExitCode::ok;
}

}  // namespace

Command add_crawl_command(CLI::App& app) {
    auto flags = std::make_shared<CrawlFlags>();
    CLI::App* command = app.add_subcommand("crawl", "Fetch the topic's PubMed records into the raw store");
    command->add_option("--years", flags->years, "Window: the past N years (default: the topic's, 10)")->type_name("N");
    command->add_option("--since", flags->since, "Window start, YYYY-MM-DD")->type_name("DATE");
    command->add_option("--until", flags->until, "Window end, YYYY-MM-DD (default: today)")->type_name("DATE");
    command->add_flag("--full", flags->full, "Crawl the whole window, not only what changed since the last success");
    add_crawl_options(*command, *flags);
    command->footer(std::string(crawl_environment_help) +
        "\nExit codes: 0 ok, 2 usage, 65 bad topic file, 69 NCBI unavailable after retries (what was\n"
        "fetched is kept; the next run resumes), 74 I/O error, 75 store in use by another run.");
    return {command, [flags] { return run_crawl(*flags); }};
}

}  // namespace ldn::cli
