#pragma once
// Each subcommand is one file that adds itself to the CLI11 app (phase one: raw flags into a plain
// options struct) and returns the action that validates those options and does the work.

#include <CLI/CLI.hpp>

#include <functional>

#include "crawler/errors.hpp"

namespace ldn::cli {

struct Command {
    CLI::App* parser;                 // the CLI11 subcommand, to know whether it was chosen
    std::function<ExitCode()> action;  // validates the options, then does the work
};

Command add_parse_command(CLI::App& app);
Command add_crawl_command(CLI::App& app);
Command add_index_command(CLI::App& app);
Command add_ingest_command(CLI::App& app);
Command add_compact_command(CLI::App& app);
Command add_search_command(CLI::App& app);
Command add_show_command(CLI::App& app);
Command add_cite_command(CLI::App& app);
Command add_export_command(CLI::App& app);
Command add_similar_command(CLI::App& app);
Command add_summarize_command(CLI::App& app);
Command add_refresh_command(CLI::App& app);
Command add_runs_command(CLI::App& app);
Command add_status_command(CLI::App& app);
Command add_watch_command(CLI::App& app);
Command add_demo_command(CLI::App& app);
Command add_serve_command(CLI::App& app);

}  // namespace ldn::cli
