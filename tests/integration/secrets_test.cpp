// Secrets: NCBI_API_KEY is sent to E-utilities and nowhere else. With a recognisable key, the real
// `ldn` runs what a deployment runs (crawl, refresh with --verbose, with faults that cause retries,
// with a run that fails, with a --notify-cmd that fails, then runs, status, watch list, search and
// summarize) against the fake E-utilities server; the key must then be found in no output and in no
// file of the store (gzip files read decompressed, the Xapian index read through Xapian, since its
// tables may hold compressed text).
#include <catch2/catch.hpp>

// Debian's cpp-httplib is built with OpenSSL (its pkg-config Cflags define this).
#ifndef CPPHTTPLIB_OPENSSL_SUPPORT
#define CPPHTTPLIB_OPENSSL_SUPPORT
#endif
#include <httplib.h>
#include <xapian.h>
#include <zlib.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/fake_eutils/fake_eutils_server.hpp"
#include "tests/support/index_snapshot.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/process.hpp"

namespace fake = ldn::fake;
using ldn::test::ProcessResult;
using ldn::test::run_process;

namespace {

// Shaped like a real key (36 hex digits), so that nothing treats it differently from one.
const std::string secret_key = "5ec7e7ab1e0ddba11c0ffee0000fa11ed123";

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// A file's bytes, decompressed when it is gzip (every member).
std::string readable_bytes(const std::filesystem::path& path) {
    std::string raw = slurp(path);
    if (raw.size() < 2 || static_cast<unsigned char>(raw[0]) != 0x1f || static_cast<unsigned char>(raw[1]) != 0x8b) {
        return raw;
    }
    gzFile file = gzopen(path.c_str(), "rb");
    REQUIRE(file != nullptr);
    std::string text;
    char buffer[1 << 16];
    for (int got; (got = gzread(file, buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(got));
    gzclose(file);
    return text;
}

// What the index holds, as Xapian returns it: every document (data, terms, values) and every
// metadata entry.
std::string index_text(const std::filesystem::path& index) {
    std::string text;
    for (const auto& [pmid, document] : ldn::test::index_snapshot(index)) text += pmid + "\n" + document;
    Xapian::Database database(index.string());
    for (auto key = database.metadata_keys_begin(); key != database.metadata_keys_end(); ++key) {
        text += *key + " = " + database.get_metadata(*key) + "\n";
    }
    return text;
}

std::shared_ptr<fake::Corpus> refresh_corpus(std::initializer_list<const char*> days) {
    auto corpus = std::make_shared<fake::Corpus>();
    for (const char* day : days) corpus->load_file(ldn::test::fixture(std::string("refresh/") + day));
    return corpus;
}

}  // namespace

TEST_CASE("the API key is in no output, log, report, alert, index or raw file after a deployment's commands",
          "[hardening][secrets]") {
    ldn::test::TempDir dir;
    const auto store = dir.path() / "store";
    const auto mailbox = dir.path() / "mailbox";
    std::filesystem::create_directory(mailbox);

    fake::FakeEutilsOptions options;
    // Retries of every kind on the way: a 502, an <ERROR> body, a reset, a 429, a maintenance page.
    options.faults.scripted = {{2, fake::FaultKind::bad_gateway},      {3, fake::FaultKind::error_body},
                               {5, fake::FaultKind::connection_reset}, {7, fake::FaultKind::too_many_requests},
                               {9, fake::FaultKind::maintenance_page}, {12, fake::FaultKind::server_error_json}};
    fake::FakeEutilsServer server(refresh_corpus({"day1.xml"}), options);
    server.start();

    const std::vector<std::string> environment{"NCBI_API_KEY=" + secret_key, "NCBI_EMAIL=secrets-tests@example.org",
                                               "LDN_STORE=" + store.string()};
    std::vector<std::pair<std::string, ProcessResult>> outputs;
    auto ldn = [&](std::vector<std::string> args) {
        std::string line;
        for (const auto& arg : args) line += arg + " ";
        outputs.emplace_back(line, run_process(ldn::test::ldn_binary(), args, environment));
        return outputs.back().second;
    };
    const std::vector<std::string> network{"--eutils-url", server.base_url(), "--backoff", "0.01", "--batch", "10"};
    auto with_network = [&](std::vector<std::string> args) {
        args.insert(args.end(), network.begin(), network.end());
        return args;
    };

    // Its own store: the refreshes below take earlier days as today.
    auto crawled = ldn(with_network({"crawl", "--verbose", "--store", (dir.path() / "crawl-store").string()}));
    CHECK(crawled.exit_code == 0);
    CHECK_THAT(crawled.err, Catch::Contains("api_key=***"));  // the key was sent, and shown redacted
    REQUIRE_FALSE(server.requests().empty());
    CHECK(server.requests().front().param("api_key") == secret_key);  // …and the server got it

    CHECK(ldn({"watch", "add", "fm", "condition:fibromyalgia"}).exit_code == 0);
    // A notify command that prints its whole environment (its output reaches ldn's stderr, as it
    // would reach cron mail), then fails; it gets the alert file and keeps a copy.
    const std::vector<std::string> failing_hook{
        "--notify-cmd", "cp \"$1\" " + mailbox.string() + "/; env; echo notify ran; exit 3 #"};
    auto first = ldn(with_network({"refresh", "--verbose", "--today", "2026-01-10"}));
    CHECK(first.exit_code == 0);

    server.corpus().load_file(ldn::test::fixture("refresh/day2.xml"));
    std::vector<std::string> second_args = with_network({"refresh", "--verbose", "--today", "2026-01-20"});
    second_args.insert(second_args.end(), failing_hook.begin(), failing_hook.end());
    auto second = ldn(second_args);
    CHECK(second.exit_code == 0);
    CHECK_THAT(second.err, Catch::Contains("notify ran") && Catch::Contains("--notify-cmd exited with status 3"));
    CHECK_THAT(second.err, Catch::Contains("LDN_ALERT_FILE="));  // the environment was printed…
    CHECK(second.err.find("NCBI_API_KEY") == std::string::npos);  // …without the key's variable
    CHECK_FALSE(std::filesystem::is_empty(mailbox));

    // A run that fails: every efetch answers 502 until the attempts run out.
    fake::FaultPlan failing;
    failing.probability[fake::FaultKind::bad_gateway] = 1.0;
    server.set_faults(failing);
    auto failed = ldn(with_network({"refresh", "--verbose", "--full", "--today", "2026-01-21", "--max-attempts", "2"}));
    CHECK(failed.exit_code == 69);
    // And one that cannot connect at all.
    server.stop();
    auto unreachable = ldn(with_network({"refresh", "--verbose", "--today", "2026-01-22", "--max-attempts", "2"}));
    CHECK(unreachable.exit_code == 69);

    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"runs", "--limit", "0"},
                                               {"runs", "--limit", "0", "--format", "json"},
                                               {"status"},
                                               {"status", "--format", "json", "--max-age", "1"},
                                               {"watch", "list", "--format", "json"},
                                               {"search", "--format", "json"},
                                               {"summarize", "--now", "2026-01-22"},
                                               {"summarize", "--now", "2026-01-22", "--format", "json"}}) {
        ldn(args);
    }

    for (const auto& [command, result] : outputs) {
        CAPTURE(command);
        CHECK(result.out.find(secret_key) == std::string::npos);
        CHECK(result.err.find(secret_key) == std::string::npos);
    }
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.path())) {
        if (!entry.is_regular_file()) continue;
        ++files;
        CAPTURE(entry.path());
        CHECK(readable_bytes(entry.path()).find(secret_key) == std::string::npos);
    }
    CHECK(files > 10);  // raw batches, manifests, reports, state, alerts, watches, the index's files
    CHECK(index_text(store / "index").find(secret_key) == std::string::npos);
}

// A server that answers every request as NCBI answers an unknown key (HTTP 400, JSON naming the key
// it was sent): the body becomes part of the error message, so the key's value must be taken out of
// messages, not only an "api_key=" pattern.
TEST_CASE("an error body that echoes the key does not carry it into the message or the run report",
          "[hardening][secrets]") {
    ldn::test::TempDir dir;
    httplib::Server server;
    auto answer = [](const httplib::Request& request, httplib::Response& response) {
        response.status = 400;
        response.set_content(R"({"error":"API key invalid","api-key":")" + request.get_param_value("api_key") +
                                 R"(","type":"api-key","status":"unknown"})",
                             "application/json");
    };
    server.Get(".*", answer);
    server.Post(".*", answer);
    const int port = server.bind_to_any_port("127.0.0.1");
    REQUIRE(port > 0);
    std::thread serving([&] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));

    const auto store = dir.path() / "store";
    auto result = run_process(ldn::test::ldn_binary(),
                              {"crawl", "--verbose", "--store", store.string(), "--eutils-url",
                               "http://127.0.0.1:" + std::to_string(port) + "/", "--max-attempts", "2", "--backoff",
                               "0.01"},
                              {"NCBI_API_KEY=" + secret_key, "NCBI_EMAIL=secrets-tests@example.org"});
    server.stop();
    serving.join();
    INFO(result.err);
    CHECK(result.exit_code == 69);
    CHECK_THAT(result.err, Catch::Contains("HTTP 400") && Catch::Contains("API key invalid"));
    CHECK(result.err.find(secret_key) == std::string::npos);
    for (const auto& entry : std::filesystem::recursive_directory_iterator(store)) {
        if (!entry.is_regular_file()) continue;
        CAPTURE(entry.path());
        CHECK(readable_bytes(entry.path()).find(secret_key) == std::string::npos);
    }
}
