// `ldn parse FILE...`: PubMed XML in, Article JSON Lines out (DESIGN.md, "The Article model").

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "crawler/article_json.hpp"
#include "crawler/pubmed_reader.hpp"
#include "query/cli/commands.hpp"
#include "query/cli/messages.hpp"

namespace ldn::cli {

namespace {

struct ParseOptions {
    std::vector<std::string> files;
};

void write_line(const std::string& line) {
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
}

ExitCode run_parse(const ParseOptions& options) {
    ExitCode worst = ExitCode::ok;
    auto note = [&](ExitCode code) {
        if (static_cast<int>(code) > static_cast<int>(worst)) worst = code;
    };
    for (const std::string& file : options.files) {
        try {
            auto source = file == "-" ? stdin_source() : open_file_source(file);
            read_pubmed(
                *source,
                [](Article&& article) {
                    // Invalid UTF-8 in a record becomes U+FFFD rather than aborting the output.
                    write_line(article_json_text(article));
                },
                [&](const RecordIssue& issue) {
                    print_warning(issue.to_string());
                    note(ExitCode::data_error);
                });
        } catch (const Error& error) {
            print_error(error.what());
            note(error.code());
        }
    }
    if (std::fflush(stdout) != 0) {
        print_error("cannot write to standard output");
        note(ExitCode::io_error);
    }
    return worst;
}

}  // namespace

Command add_parse_command(CLI::App& app) {
    auto options = std::make_shared<ParseOptions>();
    CLI::App* command = app.add_subcommand(
        "parse", "Read PubMed XML files (plain or .gz) and print one Article JSON object per record");
    command->add_option("files", options->files, "PubMed XML files; - reads standard input")
        ->required()
        ->type_name("FILE");
    command->footer(
        "Malformed records are reported on stderr and skipped; the exit code is then 65.\n"
        "Exit codes: 0 ok, 65 bad input data, 74 unreadable file.");
    return {command, [options] { return run_parse(*options); }};
}

}  // namespace ldn::cli
