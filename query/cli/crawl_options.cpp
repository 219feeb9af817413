#include "query/cli/crawl_options.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "crawler/errors.hpp"
#include "crawler/topic.hpp"
#include "query/cli/day_flag.hpp"
#include "query/cli/locations.hpp"

namespace ldn::cli {

const char* const crawl_environment_help =
    "Environment: NCBI_API_KEY (10 requests/s instead of 3; never printed or stored), NCBI_EMAIL,\n"
    "LDN_STORE, LDN_EUTILS_URL.";

namespace {

std::optional<std::string> environment(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || value[0] == '\0') return std::nullopt;
    return std::string(value);
}

}  // namespace

CrawlRequest resolve_crawl_request(const CrawlFlags& flags) {
    if (flags.years && (!flags.since.empty())) throw Error(ExitCode::usage, "--years and --since exclude each other");
    CrawlRequest request;
    std::filesystem::path topic = flags.topic.empty() ? data_folder() / "topics" / "ldn-rheum.json"
                                                      : std::filesystem::path(flags.topic);
    request.topic = load_topic(topic);
    if (flags.years) {
        if (*flags.years < 1 || *flags.years > 200) throw Error(ExitCode::usage, "--years wants a number from 1 to 200");
        request.years = flags.years;
    }
    if (!flags.since.empty()) request.since = parse_day_flag(flags.since, "--since");
    if (!flags.until.empty()) request.until = parse_day_flag(flags.until, "--until");
    if (!flags.today.empty()) request.today = parse_day_flag(flags.today, "--today");
    if (request.since && request.until && *request.since > *request.until) {
        throw Error(ExitCode::usage, "--since " + request.since->iso() + " is after --until " + request.until->iso());
    }
    request.full = flags.full;
    request.store = store_folder(flags.store);
    if (flags.batch < 1 || flags.batch > 10000) throw Error(ExitCode::usage, "--batch wants a number from 1 to 10000");
    request.batch = flags.batch;

    EutilsSettings& eutils = request.eutils;
    eutils.base_url = !flags.eutils_url.empty() ? flags.eutils_url
                                                : environment("LDN_EUTILS_URL").value_or(default_eutils_url);
    if (!eutils.base_url.starts_with("https://") && !eutils.base_url.starts_with("http://")) {
        throw Error(ExitCode::usage, "--eutils-url wants an http:// or https:// URL");
    }
    eutils.api_key = environment("NCBI_API_KEY").value_or("");
    eutils.email = environment("NCBI_EMAIL").value_or("");
    if (flags.rate < 0) throw Error(ExitCode::usage, "--rate wants a positive number of requests per second");
    eutils.max_requests_per_second = flags.rate;
    if (flags.max_attempts < 1 || flags.max_attempts > 100) {
        throw Error(ExitCode::usage, "--max-attempts wants a number from 1 to 100");
    }
    eutils.retry.max_attempts = flags.max_attempts;
    if (flags.backoff_seconds < 0 || flags.backoff_seconds > 3600) {
        throw Error(ExitCode::usage, "--backoff wants seconds from 0 to 3600");
    }
    eutils.retry.initial_backoff = std::chrono::milliseconds(static_cast<long long>(flags.backoff_seconds * 1000));
    if (flags.timeout_seconds <= 0 || flags.timeout_seconds > 3600) {
        throw Error(ExitCode::usage, "--timeout wants seconds from 0 to 3600");
    }
    eutils.http.total_timeout = std::chrono::milliseconds(static_cast<long long>(flags.timeout_seconds * 1000));
    eutils.http.connect_timeout = std::min(eutils.http.connect_timeout, eutils.http.total_timeout);
    eutils.http.user_agent = std::string("ldn/") + LDN_VERSION;
    return request;
}


void add_crawl_options(CLI::App& command, CrawlFlags& flags) {
    command.add_option("--topic", flags.topic, "Search strategy (default: data/topics/ldn-rheum.json)")
        ->type_name("FILE");
    add_store_option(command, flags.store);
    command.add_option("--eutils-url", flags.eutils_url, "E-utilities base URL (default: $LDN_EUTILS_URL, else NCBI)")
        ->type_name("URL");
    command.add_option("--batch", flags.batch, "Records per efetch request (default 200)")->type_name("N");
    command.add_option("--rate", flags.rate, "At most N requests per second (never above NCBI's 3, or 10 with a key)")
        ->type_name("N");
    command.add_option("--max-attempts", flags.max_attempts, "Tries per request before giving up (default 6)")
        ->type_name("N");
    command.add_option("--backoff", flags.backoff_seconds, "First wait before a retry, doubling after (default 2)")
        ->type_name("SECONDS");
    command.add_option("--timeout", flags.timeout_seconds, "Per-request time limit (default 180)")->type_name("SECONDS");
    command.add_flag("-v,--verbose", flags.verbose, "Log every request (the API key shows as ***)");
    command.add_flag("-q,--quiet", flags.quiet, "No summary line; warnings and errors only");
}

}  // namespace ldn::cli
