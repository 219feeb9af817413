// Crawl efficiency against the fake E-utilities server on loopback: requests used against the minimum
// (1 + ceil(N / batch)) and wall time against the rate limit's floor, with and without faults.
// Prints one table; nothing here is a pass/fail test.
//
//   build/bench/ldn-bench-crawl [--records N] [--batch B] [--fault-rate P] [--key]

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <random>

#include "crawler/crawl.hpp"
#include "tests/fake_eutils/fake_eutils_server.hpp"
#include "tests/fake_eutils/synthetic_records.hpp"

namespace {

struct Scenario {
    std::string name;
    double fault_rate = 0;
};

struct Figures {
    std::size_t requests = 0;
    std::size_t minimum = 0;
    std::size_t retries = 0;
    double seconds = 0;
    double floor_seconds = 0;
    std::size_t stored = 0;
    std::size_t max_in_window = 0;
};

Figures run(const Scenario& scenario, std::size_t records, std::size_t batch, bool with_key) {
    auto corpus = std::make_shared<ldn::fake::Corpus>();
    corpus->load_xml(ldn::fake::synthetic_article_set(ldn::fake::synthetic_records(records)));
    ldn::fake::FakeEutilsOptions options;
    options.faults.seed = 20261126;
    if (scenario.fault_rate > 0) {
        using ldn::fake::FaultKind;
        const FaultKind kinds[] = {FaultKind::too_many_requests, FaultKind::bad_gateway,  FaultKind::service_unavailable,
                                   FaultKind::connection_reset,  FaultKind::truncated_body, FaultKind::error_body,
                                   FaultKind::maintenance_page,  FaultKind::expired_webenv};
        for (FaultKind kind : kinds) options.faults.probability[kind] = scenario.fault_rate / std::size(kinds);
    }
    ldn::fake::FakeEutilsServer server(corpus, options);
    server.start();

    auto store = std::filesystem::temp_directory_path() / fmt::format("ldn-bench-crawl-{}", std::random_device{}());
    ldn::CrawlRequest request;
    request.topic.name = "bench";
    request.topic.years = 30;
    request.topic.blocks = {{"drug", "", {"naltrexone[tiab]"}}};
    request.store = store;
    request.batch = batch;
    request.today = *ldn::Day::parse("2026-11-26");
    request.eutils.base_url = server.base_url();
    request.eutils.email = "bench@example.org";
    if (with_key) request.eutils.api_key = "bench-key";
    request.eutils.retry.initial_backoff = std::chrono::milliseconds(500);
    request.eutils.retry.max_attempts = 8;
    request.eutils.http.user_agent = "ldn-bench";

    auto started = std::chrono::steady_clock::now();
    ldn::CrawlSummary summary = ldn::crawl(request, {});
    Figures figures;
    figures.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    figures.requests = server.request_count();
    figures.minimum = 1 + (records + batch - 1) / batch;
    figures.retries = summary.retries.total();
    int rate = with_key ? 10 : 3;
    // With at most `rate` starts in any second, request k (from 0) cannot start before k / rate seconds.
    figures.floor_seconds = static_cast<double>((figures.minimum - 1) / static_cast<std::size_t>(rate));
    figures.stored = summary.fetched;
    figures.max_in_window = server.max_requests_in_window();
    std::filesystem::remove_all(store);
    return figures;
}

}  // namespace

int main(int argc, char* argv[]) {
    CLI::App app{"Crawl efficiency against the fake E-utilities server"};
    std::size_t records = 2000;
    std::size_t batch = 200;
    double fault_rate = 0.2;
    bool with_key = false;
    app.add_option("--records", records, "Records in the corpus");
    app.add_option("--batch", batch, "Records per efetch");
    app.add_option("--fault-rate", fault_rate, "Share of requests that meet a fault in the faulty scenario");
    app.add_flag("--key", with_key, "Crawl with an API key (10 requests/s)");
    CLI11_PARSE(app, argc, argv);

    fmt::print("crawl of {} records, batch {}, {} (limit {} requests/s)\n", records, batch,
               with_key ? "with a key" : "without a key", with_key ? 10 : 3);
    fmt::print("{:<22} {:>8} {:>8} {:>7} {:>8} {:>9} {:>9} {:>7} {:>9}\n", "scenario", "requests", "minimum", "ratio",
               "retries", "wall s", "floor s", "ratio", "max/1s");
    for (const Scenario& scenario : {Scenario{"no faults", 0}, Scenario{fmt::format("{:.0f}% faults", fault_rate * 100), fault_rate}}) {
        Figures figures = run(scenario, records, batch, with_key);
        if (figures.stored != records) fmt::print(stderr, "warning: stored {} of {} records\n", figures.stored, records);
        fmt::print("{:<22} {:>8} {:>8} {:>7.2f} {:>8} {:>9.1f} {:>9.1f} {:>7.2f} {:>9}\n", scenario.name,
                   figures.requests, figures.minimum,
                   static_cast<double>(figures.requests) / static_cast<double>(figures.minimum), figures.retries,
                   figures.seconds, figures.floor_seconds,
                   figures.floor_seconds > 0 ? figures.seconds / figures.floor_seconds : 0.0, figures.max_in_window);
    }
    return 0;
}
