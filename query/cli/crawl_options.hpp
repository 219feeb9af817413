#pragma once
// The options `ldn crawl`, `ldn refresh` and `ldn demo` share: the topic, the store and how to talk
// to E-utilities. Phase one collects them as typed; resolve() applies defaults < environment < flags.

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "crawler/crawl.hpp"

namespace ldn::cli {

struct CrawlFlags {
    std::string topic;
    std::optional<int> years;
    std::string since;
    std::string until;
    std::string today;
    bool full = false;
    std::string store;
    std::string eutils_url;
    std::size_t batch = 200;
    int rate = 0;
    int max_attempts = 6;
    double backoff_seconds = 2.0;
    double timeout_seconds = 180.0;
    bool verbose = false;
    bool quiet = false;
};

// --topic, --store, --eutils-url, --batch, --rate, --max-attempts, --backoff, --timeout, --verbose, --quiet.
void add_crawl_options(CLI::App& command, CrawlFlags& flags);

// Throws ldn::Error: 2 for a bad value, 65 for a bad topic file.
CrawlRequest resolve_crawl_request(const CrawlFlags& flags);

// The footer line about the environment, the same for every command that crawls.
extern const char* const crawl_environment_help;

}  // namespace ldn::cli
