#include "query/cli/app.hpp"

#include <CLI/CLI.hpp>
#include <xapian.h>

#include <csignal>
#include <exception>
#include <string>
#include <vector>

#include "crawler/errors.hpp"
#include "query/cli/commands.hpp"
#include "query/cli/messages.hpp"

namespace ldn::cli {

namespace {

std::string command_names(const CLI::App& app) {
    std::string names;
    for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
        if (!names.empty()) names += ", ";
        names += command->get_name();
    }
    return names;
}

// The innermost command the user reached, for a hint that points at the right --help.
const CLI::App* reached_command(const CLI::App& app) {
    for (const CLI::App* command : app.get_subcommands()) return reached_command(*command);
    return &app;
}

// "see 'ldn watch add --help'": the whole path down to the innermost command reached.
std::string help_hint(const CLI::App& app) {
    std::string path;
    for (const CLI::App* command = reached_command(app); command != &app; command = command->get_parent()) {
        path = " " + command->get_name() + path;
    }
    return "see 'ldn" + path + " --help'";
}

int usage_error(const CLI::App& app, const CLI::ParseError& error) {
    std::vector<std::string> extras = reached_command(app)->remaining();
    std::string message;
    if (!extras.empty() && reached_command(app) == &app && !extras.front().starts_with("-")) {
        message = "unknown command '" + extras.front() + "' (commands: " + command_names(app) + ")";
    } else if (!extras.empty() && extras.front().starts_with("-")) {
        message = "unknown option '" + extras.front() + "'";
    } else {
        message = error.what();
    }
    print_error(message + "; " + help_hint(app));
    return static_cast<int>(ExitCode::usage);
}

}  // namespace

int run(int argc, char* argv[]) {
    // Beyond a file-size limit (`ulimit -f`) the kernel sends SIGXFSZ, which kills without a word.
    // Ignored, the write fails with EFBIG ("File too large") instead, which is reported like a full
    // disk: exit 74, one error line, the store left as it was.
    std::signal(SIGXFSZ, SIG_IGN);
    CLI::App app{"ldn: evidence from PubMed on low-dose naltrexone for rheumatological pain", "ldn"};
    app.set_version_flag("--version", std::string("ldn ") + LDN_VERSION);
    app.footer("Run 'ldn COMMAND --help' for a command's options.");

    const std::vector<Command> commands{
        add_parse_command(app),
        add_crawl_command(app),
        add_index_command(app),
        add_ingest_command(app),
        add_compact_command(app),
        add_search_command(app),
        add_show_command(app),
        add_cite_command(app),
        add_export_command(app),
        add_similar_command(app),
        add_summarize_command(app),
        add_refresh_command(app),
        add_runs_command(app),
        add_status_command(app),
        add_watch_command(app),
        add_demo_command(app),
        add_serve_command(app),
    };

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& help) {
        return app.exit(help);
    } catch (const CLI::CallForAllHelp& help) {
        return app.exit(help);
    } catch (const CLI::CallForVersion& version) {
        return app.exit(version);
    } catch (const CLI::ParseError& error) {
        return usage_error(app, error);
    }

    try {
        for (const Command& command : commands) {
            if (command.parser->parsed()) return static_cast<int>(command.action());
        }
        std::fputs(app.help().c_str(), stderr);
        return static_cast<int>(ExitCode::usage);
    } catch (const Error& error) {
        print_error(error.what());
        return static_cast<int>(error.code());
    } catch (const Xapian::DatabaseModifiedError& error) {
        // A read that met a refresh's commits where no read_consistently guards it: worth a retry.
        print_error("index: " + error.get_description() + "; try again");
        return static_cast<int>(ExitCode::temporary);
    } catch (const Xapian::Error& error) {
        // Xapian's errors are not std::exceptions: unnamed, they would end the process without a word.
        print_error("index: " + error.get_description());
        return static_cast<int>(ExitCode::io_error);
    } catch (const std::exception& error) {
        print_error(std::string("unexpected failure: ") + error.what());
        return static_cast<int>(ExitCode::failure);
    }
}

}  // namespace ldn::cli
