// `ldn crawl` as a user or a scheduler runs it: exit codes, messages, and the API key kept secret.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <thread>

#include <signal.h>
#include <sys/wait.h>

#include "crawler/store_lock.hpp"
#include "tests/fake_eutils/fake_eutils_server.hpp"
#include "tests/support/crawl_fixture.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/process.hpp"
#include "tests/support/topic_file.hpp"

namespace fake = ldn::fake;
using ldn::test::run_process;
using ldn::test::write_topic_file;

namespace {

const std::string recognisable_key = "SECRET-KEY-5f2a9c7e1d";

// Every byte of every file under `folder`, gzip members decompressed by reading them as PubMed.
bool folder_contains(const std::filesystem::path& folder, const std::string& needle) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        if (bytes.str().find(needle) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("ldn crawl stores the corpus and prints one summary line", "[crawl][cli]") {
    ldn::test::TempDir dir;
    fake::FakeEutilsServer server(ldn::test::synthetic_corpus(25));
    server.start();
    auto result = run_process(ldn::test::ldn_binary(),
                              {"crawl", "--topic", write_topic_file(dir.path()), "--store",
                               (dir.path() / "store").string(), "--eutils-url", server.base_url(), "--batch", "10"},
                              {"NCBI_EMAIL=cli-tests@example.org"});
    CHECK(result.exit_code == 0);
    CHECK(result.out.empty());
    CHECK_THAT(result.err, Catch::StartsWith("ldn: crawl ") && Catch::Contains("25 identified, 25 fetched, 0 failed"));
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
    CHECK(ldn::test::stored_pmids(dir.path() / "store").size() == 25);
}

TEST_CASE("the API key appears nowhere: not in output, logs, errors, manifests, reports or the store",
          "[crawl][cli][secrets]") {
    ldn::test::TempDir dir;
    fake::FakeEutilsOptions options;
    options.faults.scripted = {{2, fake::FaultKind::bad_gateway}, {3, fake::FaultKind::error_body}};
    fake::FakeEutilsServer server(ldn::test::synthetic_corpus(25), options);
    server.start();
    auto store = dir.path() / "store";
    auto ok = run_process(ldn::test::ldn_binary(),
                          {"crawl", "--verbose", "--topic", write_topic_file(dir.path()), "--store",
                           store.string(), "--eutils-url", server.base_url(), "--batch", "10", "--backoff", "0.01"},
                          {"NCBI_API_KEY=" + recognisable_key});
    CHECK(ok.exit_code == 0);
    CHECK_THAT(ok.err, Catch::Contains("api_key=***"));  // verbose logs show that a key was sent…
    // …and the server received it.
    CHECK(server.requests().front().param("api_key") == recognisable_key);

    server.stop();  // now every request fails: the error path must not leak it either
    auto failed = run_process(ldn::test::ldn_binary(),
                              {"crawl", "--full", "--verbose", "--topic", write_topic_file(dir.path()), "--store",
                               store.string(), "--eutils-url", server.base_url(), "--max-attempts", "2", "--backoff",
                               "0.01"},
                              {"NCBI_API_KEY=" + recognisable_key});
    CHECK(failed.exit_code == 69);
    for (const auto& text : {ok.out, ok.err, failed.out, failed.err}) {
        CHECK(text.find(recognisable_key) == std::string::npos);
    }
    CHECK_FALSE(folder_contains(store, recognisable_key));
}

TEST_CASE("an unreachable server exits 69 quickly with a message naming the request", "[crawl][cli]") {
    ldn::test::TempDir dir;
    auto started = std::chrono::steady_clock::now();
    // Port 9 (discard) on loopback has no listener here: connections are refused at once.
    auto result = run_process(ldn::test::ldn_binary(),
                              {"crawl", "--topic", write_topic_file(dir.path()), "--store",
                               (dir.path() / "store").string(), "--eutils-url", "http://127.0.0.1:9/", "--max-attempts",
                               "3", "--backoff", "0.05"});
    CHECK(result.exit_code == 69);
    CHECK_THAT(result.err, Catch::Contains("ldn: error: esearch pdat") && Catch::Contains("after 3 attempts"));
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(30));
}

TEST_CASE("a crawl on a store another run holds exits 75 naming the holder", "[crawl][cli][lock]") {
    ldn::test::TempDir dir;
    auto store = dir.path() / "store";
    auto held = ldn::StoreLock::acquire(store);
    auto result = run_process(ldn::test::ldn_binary(), {"crawl", "--topic", write_topic_file(dir.path()), "--store",
                                                        store.string(), "--eutils-url", "http://127.0.0.1:9/"});
    CHECK(result.exit_code == 75);
    CHECK_THAT(result.err, Catch::Contains("PID " + std::to_string(::getpid())));
}

TEST_CASE("crawl options are validated before anything is fetched", "[crawl][cli]") {
    ldn::test::TempDir dir;
    struct Row {
        std::vector<std::string> args;
        int exit_code;
        const char* message;
    };
    const std::string topic = write_topic_file(dir.path());
    const Row rows[] = {
        {{"--years", "5", "--since", "2020-01-01"}, 2, "--years and --since exclude each other"},
        {{"--since", "2020-13-01"}, 2, "--since wants a date as YYYY-MM-DD"},
        {{"--since", "2021-01-01", "--until", "2020-01-01"}, 2, "is after --until"},
        {{"--batch", "0"}, 2, "--batch wants a number from 1 to 10000"},
        {{"--eutils-url", "ftp://example.org/"}, 2, "--eutils-url wants an http:// or https:// URL"},
        {{"--years", "abc"}, 2, "--years"},
        {{"--no-such-flag"}, 2, "unknown option '--no-such-flag'"},
    };
    for (const Row& row : rows) {
        std::vector<std::string> args{"crawl", "--topic", topic, "--store", (dir.path() / "store").string()};
        args.insert(args.end(), row.args.begin(), row.args.end());
        CAPTURE(row.args);
        auto result = run_process(ldn::test::ldn_binary(), args);
        CHECK(result.exit_code == row.exit_code);
        CHECK_THAT(result.err, Catch::StartsWith("ldn: error: ") && Catch::Contains(row.message));
    }
}

TEST_CASE("a topic file with a mistake exits 65 naming the key", "[crawl][cli][topic]") {
    ldn::test::TempDir dir;
    auto topic = dir.path() / "bad.json";
    std::ofstream(topic) << R"({"name": "x", "blocks": [{"name": "a", "terms": []}]})";
    auto result = run_process(ldn::test::ldn_binary(), {"crawl", "--topic", topic.string(), "--store",
                                                        (dir.path() / "store").string()});
    CHECK(result.exit_code == 65);
    CHECK_THAT(result.err, Catch::Contains("'blocks[0].terms'") && Catch::Contains(topic.string()));
}

TEST_CASE("a crawl killed at any moment resumes without refetching or duplicating", "[crawl][cli][resume]") {
    ldn::test::TempDir dir;
    auto corpus = ldn::test::synthetic_corpus(60);
    fake::FakeEutilsServer server(corpus);
    server.start();
    auto store = dir.path() / "store";
    const std::vector<std::string> args{"crawl", "--topic", write_topic_file(dir.path()), "--store", store.string(),
                                        "--eutils-url", server.base_url(), "--batch", "5", "--quiet"};
    // Each new process starts with an empty rate window, so a restart right after a kill can meet a
    // 429 (then retried): only the efetches the server answered count as fetches.
    auto served_efetches = [&] {
        std::size_t count = 0;
        for (const auto& request : server.requests()) {
            if (request.path.ends_with("efetch.fcgi") && request.status == 200) ++count;
        }
        return count;
    };
    // Without a key the crawl paces itself at 3 requests a second: 13 requests take about 4 s. Each
    // kill comes once two more batches were served, however slowly the machine runs (a sanitized
    // build under load may not reach its first efetch within a fixed delay).
    for (std::size_t served_before_kill : {2u, 4u}) {
        pid_t pid = ldn::test::spawn_process(ldn::test::ldn_binary(), args);
        for (int wait = 0; wait < 600 && served_efetches() < served_before_kill; ++wait) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
    }
    std::size_t before_final = served_efetches();
    auto finished = run_process(ldn::test::ldn_binary(), args);
    CHECK(finished.exit_code == 0);
    CHECK(ldn::test::stored_pmids(store) == ldn::test::expected_once(*corpus));
    // Every batch was fetched once, whichever run fetched it (a batch in flight at a kill may repeat).
    CHECK(served_efetches() <= 12 + 2);
    CHECK(served_efetches() - before_final < 12);
}
