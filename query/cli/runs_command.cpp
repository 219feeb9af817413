// `ldn runs`: the recent runs of every store-writing command, newest first, from their reports in
// runs/<run-id>.json (issue 7).

#include <memory>
#include <string>
#include <vector>

#include "crawler/store_layout.hpp"
#include "query/cli/commands.hpp"
#include "query/cli/locations.hpp"
#include "query/cli/messages.hpp"
#include "query/cli/run_history.hpp"
#include "query/cli/terminal.hpp"

namespace ldn::cli {

namespace {

// Phase one: the flags as typed.
struct RunsFlags {
    long long limit = 20;
    std::string format = "text";
    std::string store;
};

enum class RunsFormat { text, json };

// Phase two: validated.
struct RunsRequest {
    std::size_t limit = 20;  // 0: every run
    RunsFormat format = RunsFormat::text;
    StoreLayout store{""};
};

RunsRequest resolve(const RunsFlags& flags) {
    RunsRequest request;
    if (flags.limit < 0) throw Error(ExitCode::usage, "--limit wants a number of runs (0: all of them)");
    request.limit = static_cast<std::size_t>(flags.limit);
    if (flags.format == "text") {
        request.format = RunsFormat::text;
    } else if (flags.format == "json") {
        request.format = RunsFormat::json;
    } else {
        throw Error(ExitCode::usage, "--format: unknown format '" + flags.format + "' (formats: text, json)");
    }
    request.store = StoreLayout(store_folder(flags.store));
    return request;
}

// A JSON array with one stored report a line, so that it reads with jq and with grep alike.
std::string runs_as_json(const std::vector<StoredRun>& runs) {
    if (runs.empty()) return "[]\n";
    std::string text = "[\n";
    for (std::size_t i = 0; i < runs.size(); ++i) {
        text += runs[i].report.dump();
        text += i + 1 < runs.size() ? ",\n" : "\n";
    }
    return text + "]\n";
}

ExitCode run_runs(const RunsFlags& flags) {
    const RunsRequest request = resolve(flags);
    const std::vector<StoredRun> runs =
        recent_runs(request.store, request.limit, [](const std::string& line) { print_warning(line); });
    // People get a sentence instead of nothing; JSON readers still get an array, empty.
    if (runs.empty()) print_note("no runs yet in " + request.store.runs().string());
    if (request.format == RunsFormat::json) {
        write_stdout(runs_as_json(runs));
    } else if (!runs.empty()) {
        write_stdout(format_run_table(runs));
    }
    return ExitCode::ok;
}

}  // namespace

Command add_runs_command(CLI::App& app) {
    auto flags = std::make_shared<RunsFlags>();
    CLI::App* command =
        app.add_subcommand("runs", "List recent runs (crawl, index, ingest, refresh) from their reports");
    command->add_option("--limit", flags->limit, "The newest N runs (default 20; 0: all)")->type_name("N");
    command
        ->add_option("--format", flags->format,
                     "text (default: one aligned line a run) or json (the reports as stored)")
        ->type_name("FORMAT");
    add_store_option(*command, flags->store);
    command->footer(
        "Each line: run id (its UTC start), command, exit code, duration, counts, and the error of a failed run.\n"
        "A report that cannot be read is skipped with a warning naming its file.\n"
        "Exit codes: 0 ok (also with no runs yet), 2 bad option, 74 runs/ cannot be listed.");
    return {command, [flags] { return quiet_on_closed_stdout([&] { return run_runs(*flags); }); }};
}

}  // namespace ldn::cli
