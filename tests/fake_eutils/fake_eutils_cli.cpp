#include "tests/fake_eutils/fake_eutils_cli.hpp"

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <pthread.h>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "crawler/errors.hpp"
#include "tests/fake_eutils/fake_eutils_server.hpp"
#include "tests/fake_eutils/synthetic_records.hpp"

namespace ldn::fake {

namespace {

struct CliOptions {
    std::vector<std::string> corpus;
    std::size_t synthetic = 0;
    int port = 0;
    std::string bind = "127.0.0.1";
    int rate = 3;
    int key_rate = 10;
    std::uint64_t seed = 1;
    std::vector<std::string> faults;
    std::vector<std::string> scripted;
    int slow_ms = 2000;
    int retry_after = -1;
    double webenv_ttl = 0;
    std::size_t webenv_uses = 0;
};

// A folder stands for the PubMed files in it (*.xml, *.xml.gz), in name order like baseline files.
std::vector<std::filesystem::path> expand(const std::vector<std::string>& paths) {
    std::vector<std::filesystem::path> files;
    for (const std::string& text : paths) {
        const std::filesystem::path path(text);
        if (!std::filesystem::is_directory(path)) {
            files.push_back(path);
            continue;
        }
        std::vector<std::filesystem::path> inside;
        for (const auto& entry : std::filesystem::directory_iterator(path)) {
            const std::string name = entry.path().filename().string();
            if (entry.is_regular_file() &&
                (name.ends_with(".xml") || name.ends_with(".xml.gz")))
                inside.push_back(entry.path());
        }
        std::sort(inside.begin(), inside.end());
        files.insert(files.end(), inside.begin(), inside.end());
    }
    return files;
}

void print_summary(const FakeEutilsServer& server) {
    std::size_t refused = 0;
    std::map<std::string, std::size_t> faults;
    for (const RecordedRequest& request : server.requests()) {
        if (request.rate_limited) ++refused;
        if (request.fault) ++faults[std::string(fault_name(*request.fault))];
    }
    std::cerr << "fake-eutils: " << server.request_count() << " requests (esearch "
              << server.request_count("esearch") << ", efetch " << server.request_count("efetch")
              << ", epost " << server.request_count("epost") << "), " << refused
              << " refused by the rate limit, at most " << server.max_requests_in_window()
              << " in any one-second window\n";
    for (const auto& [name, count] : faults)
        std::cerr << "fake-eutils: fault " << name << ": " << count << "\n";
}

}  // namespace

int run_fake_eutils(int argc, char** argv) {
    CliOptions cli;
    CLI::App app{"A fake NCBI E-utilities server (esearch, efetch, epost) for tests and offline demos."};
    app.add_option("--corpus", cli.corpus, "PubMed XML files or folders (plain or .gz), loaded in order")
        ->check(CLI::ExistingPath);
    app.add_option("--synthetic", cli.synthetic, "Also serve N generated records (PMIDs from 10000001)");
    app.add_option("--port", cli.port, "Port to listen on; 0 picks a free one")->check(CLI::Range(0, 65535));
    app.add_option("--bind", cli.bind, "Address to listen on");
    app.add_option("--rate", cli.rate, "Requests per second without api_key before HTTP 429 (0: no limit)")
        ->check(CLI::NonNegativeNumber);
    app.add_option("--key-rate", cli.key_rate, "Requests per second with api_key (0: no limit)")
        ->check(CLI::NonNegativeNumber);
    app.add_option("--seed", cli.seed, "Seed for random faults and WebEnv names");
    app.add_option("--fault", cli.faults,
                   "CLASS=PROB: inject a fault class with this probability per esearch/efetch request; "
                   "classes: 429 400 500 500-json 502 503 reset partial truncated slow error maintenance "
                   "expired-webenv");
    app.add_option("--fault-at", cli.scripted, "K=CLASS: request number K (from 1) gets fault CLASS");
    app.add_option("--slow-ms", cli.slow_ms, "Delay of a 'slow' fault in milliseconds")
        ->check(CLI::NonNegativeNumber);
    app.add_option("--retry-after", cli.retry_after, "Send Retry-After: SECONDS with 429 and 503 answers")
        ->check(CLI::NonNegativeNumber);
    app.add_option("--webenv-ttl", cli.webenv_ttl, "WebEnvs expire after SECONDS")->check(CLI::PositiveNumber);
    app.add_option("--webenv-uses", cli.webenv_uses, "WebEnvs expire after N efetch requests")
        ->check(CLI::PositiveNumber);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        // --help is a success; every other parse problem is a usage error (sysexits-like 2).
        return app.exit(error) == 0 ? 0 : 2;
    }

    try {
        FakeEutilsOptions options;
        options.bind_address = cli.bind;
        options.port = cli.port;
        options.rate_limit = cli.rate;
        options.key_rate_limit = cli.key_rate;
        options.faults.seed = cli.seed;
        options.faults.slow_delay = std::chrono::milliseconds(cli.slow_ms);
        for (const std::string& spec : cli.faults) add_fault_probability(options.faults, spec);
        for (const std::string& spec : cli.scripted) add_scripted_fault(options.faults, spec);
        if (cli.retry_after >= 0) options.retry_after_seconds = cli.retry_after;
        if (cli.webenv_ttl > 0)
            options.webenv_limits.lifetime = std::chrono::milliseconds(static_cast<long long>(cli.webenv_ttl * 1000));
        if (cli.webenv_uses > 0) options.webenv_limits.max_uses = cli.webenv_uses;

        auto corpus = std::make_shared<Corpus>();
        for (const auto& file : expand(cli.corpus)) {
            const LoadReport report = corpus->load_file(file);
            for (const std::string& problem : report.problems)
                std::cerr << "fake-eutils: warning: " << problem << "\n";
        }
        if (cli.synthetic > 0) corpus->load_xml(synthetic_article_set(synthetic_records(cli.synthetic)));
        std::cerr << "fake-eutils: serving " << corpus->size() << " records\n";

        // Block the stop signals before any server thread exists, so that they all inherit the mask
        // and the signals reach sigwait() below instead of killing the process mid-request.
        sigset_t stop_signals;
        sigemptyset(&stop_signals);
        sigaddset(&stop_signals, SIGINT);
        sigaddset(&stop_signals, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

        FakeEutilsServer server(corpus, options);
        server.start();
        std::cout << "listening on " << server.base_url() << std::endl;

        int received = 0;
        sigwait(&stop_signals, &received);
        server.stop();
        print_summary(server);
        return 0;
    } catch (const ldn::Error& error) {
        std::cerr << "fake-eutils: error: " << error.what() << "\n";
        return static_cast<int>(error.code());
    } catch (const std::invalid_argument& error) {
        std::cerr << "fake-eutils: error: " << error.what() << "\n";
        return 2;
    } catch (const std::exception& error) {
        std::cerr << "fake-eutils: error: " << error.what() << "\n";
        return 1;
    }
}

}  // namespace ldn::fake
