// `ldn status`: is the store current? The last successful refresh and its age, the newest run of any
// command, the index and the raw store; `--max-age` turns it into a monitoring check (issue 7).

#include <chrono>
#include <cmath>
#include <memory>
#include <optional>
#include <string>

#include "crawler/store_layout.hpp"
#include "query/cli/commands.hpp"
#include "query/cli/locations.hpp"
#include "query/cli/messages.hpp"
#include "query/cli/store_status.hpp"
#include "query/cli/terminal.hpp"

namespace ldn::cli {

namespace {

// Phase one: the flags as typed.
struct StatusFlags {
    std::optional<double> max_age_hours;
    std::string format = "text";
    std::string store;
};

enum class StatusFormat { text, json };

// Phase two: validated.
struct StatusRequest {
    std::optional<double> max_age_hours;
    StatusFormat format = StatusFormat::text;
    StoreLayout store{""};
};

StatusRequest resolve(const StatusFlags& flags) {
    StatusRequest request;
    if (flags.max_age_hours && !(std::isfinite(*flags.max_age_hours) && *flags.max_age_hours > 0)) {
        throw Error(ExitCode::usage, "--max-age wants a number of hours above 0, such as 36");
    }
    request.max_age_hours = flags.max_age_hours;
    if (flags.format == "text") {
        request.format = StatusFormat::text;
    } else if (flags.format == "json") {
        request.format = StatusFormat::json;
    } else {
        throw Error(ExitCode::usage, "--format: unknown format '" + flags.format + "' (formats: text, json)");
    }
    request.store = StoreLayout(store_folder(flags.store));
    return request;
}

ExitCode run_status(const StatusFlags& flags) {
    const StatusRequest request = resolve(flags);
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const StoreStatus status =
        read_store_status(request.store, now, [](const std::string& line) { print_warning(line); });
    for (const std::string& problem : status.problems) print_warning(problem);
    if (request.format == StatusFormat::json) {
        write_stdout(status_json(status, request.max_age_hours).dump(2) + "\n");
    } else {
        write_stdout(format_status_text(status));
    }
    // Staleness first: it is what a monitoring check asks. A store that cannot be read comes next.
    if (request.max_age_hours) {
        if (const std::optional<std::string> stale = staleness(status, *request.max_age_hours)) {
            print_error(*stale);
            return ExitCode::failure;
        }
    }
    if (!status.problems.empty()) return ExitCode::io_error;
    return ExitCode::ok;
}

}  // namespace

Command add_status_command(CLI::App& app) {
    auto flags = std::make_shared<StatusFlags>();
    CLI::App* command = app.add_subcommand(
        "status", "Is the store current? Last successful refresh, newest run, index and raw store sizes");
    command
        ->add_option("--max-age", flags->max_age_hours,
                     "Exit 1 when the last successful refresh is older than this, or never happened (monitoring)")
        ->type_name("HOURS");
    command->add_option("--format", flags->format, "text (default) or json")->type_name("FORMAT");
    add_store_option(*command, flags->store);
    command->footer(
        "Read-only: takes no lock and creates nothing, so it may run while a refresh writes.\n"
        "Monitoring (cron, Nagios-style): ldn status --max-age 36 >/dev/null\n"
        "Exit codes: 0 ok, 1 with --max-age: the last successful refresh is older or never happened,\n"
        "2 bad option, 74 part of the store cannot be read (named in a warning).");
    return {command, [flags] { return quiet_on_closed_stdout([&] { return run_status(*flags); }); }};
}

}  // namespace ldn::cli
