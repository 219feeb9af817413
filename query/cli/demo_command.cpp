// `ldn demo`: the whole pipeline offline (issue 7). The fake E-utilities server serves the fictional
// corpus of data/demo on loopback; a store in a temporary folder is refreshed from it; then a search
// and the evidence summary are printed, exactly as the commands print them.

#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "crawler/errors.hpp"
#include "query/cli/app.hpp"
#include "query/cli/commands.hpp"
#include "query/cli/demo_server.hpp"
#include "query/cli/locations.hpp"
#include "query/cli/messages.hpp"
#include "query/cli/terminal.hpp"

namespace ldn::cli {

namespace {

// The corpus was written as of this day: the crawl window and the summary's ten years end here, so
// the demo shows the same records whatever the date.
constexpr const char* demo_today = "2026-10-31";

struct DemoFlags {
    std::string keep;
};

// A fresh folder under $TMPDIR, removed when the demo ends unless the store is to be kept.
class DemoFolder {
public:
    explicit DemoFolder(const std::string& keep) {
        if (!keep.empty()) {
            path_ = keep;
            kept_ = true;
            return;
        }
        const char* tmp = std::getenv("TMPDIR");
        std::string pattern = std::string(tmp != nullptr && tmp[0] != '\0' ? tmp : "/tmp") + "/ldn-demo.XXXXXX";
        if (::mkdtemp(pattern.data()) == nullptr) throw io_error(pattern + ": cannot create a temporary folder");
        path_ = pattern;
    }
    ~DemoFolder() {
        std::error_code ignored;
        if (!kept_) std::filesystem::remove_all(path_, ignored);
    }
    DemoFolder(const DemoFolder&) = delete;
    DemoFolder& operator=(const DemoFolder&) = delete;

    std::filesystem::path store() const { return kept_ ? path_ : path_ / "store"; }
    bool kept() const { return kept_; }

private:
    std::filesystem::path path_;
    bool kept_ = false;
};

// Runs one ldn command line in this process, as a user would type it, after showing it.
int run_step(const std::vector<std::string>& words) {
    std::string shown = "\n$ ldn";
    for (const std::string& word : words) {
        if (word.starts_with("--store") || word.starts_with("--eutils-url")) break;
        shown += " " + word;
    }
    write_stdout(shown + "\n\n");
    std::vector<std::string> args{"ldn"};
    args.insert(args.end(), words.begin(), words.end());
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    return run(static_cast<int>(args.size()), argv.data());
}

ExitCode run_demo(const DemoFlags& flags) {
    const std::filesystem::path corpus = data_folder() / "demo" / "corpus.xml";
    if (!std::filesystem::is_regular_file(corpus)) throw io_error(corpus.string() + ": the demo corpus is missing");
    // The demo never talks to NCBI: no key goes anywhere, and the contact address is not needed.
    ::unsetenv("NCBI_API_KEY");
    ::setenv("NCBI_EMAIL", "demo@localhost.invalid", 1);

    DemoFolder folder(flags.keep);
    DemoServer server(fake_eutils_program(), corpus);
    const std::string store = folder.store().string();
    write_stdout("ldn demo: the whole pipeline offline, on a fictional corpus made for trying the tool\n"
                 "(every record says so in its title and journal). A fake E-utilities server serves it on " +
                 server.url() + "; the store is " + store + (folder.kept() ? "" : " (removed at the end)") +
                 "; today is taken as " + demo_today + ".\n");

    const std::vector<std::vector<std::string>> steps{
        {"refresh", "--today", demo_today, "--store", store, "--eutils-url", server.url()},
        {"search", "--sort", "evidence", "--limit", "10", "--format", "table", "fibromyalgia", "--store", store},
        {"summarize", "--now", demo_today, "--store", store},
    };
    for (const auto& step : steps) {
        int code = run_step(step);
        if (code != 0) {
            print_error("demo: 'ldn " + step.front() + "' failed with exit code " + std::to_string(code));
            return static_cast<ExitCode>(code);
        }
    }
    if (folder.kept()) {
        write_stdout("\nThe store is kept in " + store + ": try 'ldn search --store " + store + " …'.\n");
    }
    return ExitCode::ok;
}

}  // namespace

Command add_demo_command(CLI::App& app) {
    auto flags = std::make_shared<DemoFlags>();
    CLI::App* command = app.add_subcommand(
        "demo", "Run the whole pipeline offline on the bundled fictional corpus: refresh, search, summarize");
    command->add_option("--keep", flags->keep, "Keep the demo's store in DIR instead of a temporary folder")
        ->type_name("DIR");
    command->footer("Needs no network: the fake E-utilities server (built with ldn as fake-eutils) serves\n"
                    "data/demo/corpus.xml on loopback. Exit codes: as the commands it runs; 1 when the server\n"
                    "cannot start.");
    return {command, [flags] { return run_demo(*flags); }};
}

}  // namespace ldn::cli
