// `ldn refresh` against the fake E-utilities server, over three days of a changing corpus
// (tests/fixtures/refresh, whose README derives every expected figure by hand): exact counts, the
// index equal to one built from scratch, a quiet third day, kills at random moments, searches
// during a refresh, and one writer at a time.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <thread>

#include "crawler/store_layout.hpp"
#include "tests/fake_eutils/fake_eutils_server.hpp"
#include "tests/support/index_snapshot.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/process.hpp"

namespace fake = ldn::fake;
using ldn::test::index_snapshot;
using ldn::test::ProcessResult;
using ldn::test::run_process;

namespace {

constexpr const char* day_one = "2026-01-10";
constexpr const char* day_two = "2026-01-20";
constexpr const char* day_three = "2026-01-30";

std::shared_ptr<fake::Corpus> corpus_of(std::initializer_list<const char*> files) {
    auto corpus = std::make_shared<fake::Corpus>();
    for (const char* file : files) corpus->load_file(ldn::test::fixture(std::string("refresh/") + file));
    return corpus;
}

std::vector<std::string> refresh_args(const std::filesystem::path& store, const fake::FakeEutilsServer& server,
                                      const char* today, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"refresh",      "--store",  store.string(), "--eutils-url", server.base_url(),
                                  "--today",      today,      "--backoff",    "0.01"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

// As cron runs it, with a key (10 requests/s) and a contact address.
ProcessResult refresh(const std::filesystem::path& store, const fake::FakeEutilsServer& server, const char* today,
                      std::vector<std::string> extra = {}) {
    return run_process(ldn::test::ldn_binary(), refresh_args(store, server, today, std::move(extra)),
                       {"NCBI_API_KEY=REFRESH-TEST-KEY", "NCBI_EMAIL=refresh-tests@example.org"});
}

nlohmann::json newest_report(const std::filesystem::path& store) {
    std::filesystem::path newest;
    for (const auto& entry : std::filesystem::directory_iterator(store / "runs")) {
        if (newest.empty() || ldn::run_id_before(newest.stem().string(), entry.path().stem().string())) {
            newest = entry.path();
        }
    }
    std::ifstream in(newest);
    return nlohmann::json::parse(in);
}

struct Figures {
    std::size_t identified, fetched, added, updated, unchanged, deleted, newly_retracted, failed;
};

void check_counts(const nlohmann::json& report, const Figures& expected) {
    const auto& counts = report.at("counts");
    CHECK(counts.at("identified") == expected.identified);
    CHECK(counts.at("fetched") == expected.fetched);
    CHECK(counts.at("new") == expected.added);
    CHECK(counts.at("updated") == expected.updated);
    CHECK(counts.at("unchanged") == expected.unchanged);
    CHECK(counts.at("deleted") == expected.deleted);
    CHECK(counts.at("newly_retracted") == expected.newly_retracted);
    CHECK(counts.at("failed") == expected.failed);
}

// The index a fresh store gets from one refresh of the day-2 corpus.
std::map<std::string, std::string> reference_index() {
    ldn::test::TempDir dir;
    fake::FakeEutilsServer server(corpus_of({"day1.xml", "day2.xml"}));
    server.start();
    auto result = refresh(dir.path() / "store", server, day_two);
    REQUIRE(result.exit_code == 0);
    return index_snapshot(dir.path() / "store" / "index");
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("three days of refreshes: exact counts, the index of a fresh crawl, a quiet third day", "[refresh]") {
    ldn::test::TempDir dir;
    const auto store = dir.path() / "store";
    fake::FakeEutilsServer server(corpus_of({"day1.xml"}));
    server.start();

    auto first = refresh(store, server, day_one);
    REQUIRE(first.exit_code == 0);
    auto report = newest_report(store);
    CHECK(report.at("command") == "refresh");
    CHECK(report.at("mode") == "full");
    check_counts(report, {24, 24, 24, 0, 0, 0, 0, 0});
    CHECK(report.at("documents") == 24);
    CHECK(report.at("exit_code") == 0);

    // Saved searches before day 2: the retraction and the new fibromyalgia study are news.
    for (auto [name, query] : {std::pair{"retracted", "retracted:yes"}, {"fm", "condition:fibromyalgia"}}) {
        REQUIRE(run_process(ldn::test::ldn_binary(), {"watch", "add", name, query, "--store", store.string()})
                    .exit_code == 0);
    }

    server.corpus().load_file(ldn::test::fixture("refresh/day2.xml"));
    // The hook gets the alert file's path as its last argument (and in LDN_ALERT_FILE).
    const auto mailbox = dir.path() / "mailbox";
    std::filesystem::create_directory(mailbox);
    auto second = refresh(store, server, day_two, {"--notify-cmd", "cp -t " + mailbox.string()});
    REQUIRE(second.exit_code == 0);
    report = newest_report(store);
    CHECK(report.at("mode") == "incremental");
    check_counts(report, {8, 8, 4, 3, 1, 1, 1, 0});
    CHECK(report.at("documents") == 27);
    const auto before_day_three = index_snapshot(store / "index");
    CHECK(before_day_three == reference_index());

    // The alerts: on stdout, in alerts/<run-id>.json, and handed to the notify command.
    CHECK_THAT(second.out, Catch::Contains("watch retracted: 98000007 ") && Catch::Contains("watch fm: 98000028 "));
    const auto alert_file = store / "alerts" / (report.at("run_id").get<std::string>() + ".json");
    REQUIRE(std::filesystem::exists(alert_file));
    CHECK(report.at("alerts").at("file") == "alerts/" + report.at("run_id").get<std::string>() + ".json");
    CHECK(read_file(mailbox / alert_file.filename()) == read_file(alert_file));

    server.clear_requests();
    auto third = refresh(store, server, day_three);
    REQUIRE(third.exit_code == 0);
    CHECK(server.request_count() <= 3);
    CHECK(server.request_count("efetch") == 0);
    report = newest_report(store);
    check_counts(report, {0, 0, 0, 0, 0, 0, 0, 0});
    CHECK(third.out.empty());  // no watch has anything new
    CHECK_FALSE(std::filesystem::exists(store / "alerts" / (report.at("run_id").get<std::string>() + ".json")));
    CHECK(index_snapshot(store / "index") == before_day_three);

    // The withdrawals are part of the raw store's history: a rebuild replays them.
    REQUIRE(run_process(ldn::test::ldn_binary(), {"index", "--rebuild", "--store", store.string()}).exit_code == 0);
    CHECK(index_snapshot(store / "index") == before_day_three);
}

TEST_CASE("a refresh on a pipe prints one timestamped summary line, and nothing with --quiet", "[refresh][cli]") {
    ldn::test::TempDir dir;
    fake::FakeEutilsServer server(corpus_of({"day1.xml"}));
    server.start();
    auto loud = refresh(dir.path() / "store", server, day_one);
    REQUIRE(loud.exit_code == 0);
    CHECK(loud.out.empty());
    const std::regex summary(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ ldn: refresh \S+ \(full\): 24 identified, 24 fetched, 24 new, .*\n)");
    CHECK(std::regex_match(loud.err, summary));

    auto quiet = refresh(dir.path() / "store", server, day_one, {"--quiet"});
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.err.empty());
    CHECK(quiet.out.empty());
}

TEST_CASE("when NCBI gives out, what was fetched is indexed, the run exits 69, and the next one completes",
          "[refresh]") {
    ldn::test::TempDir dir;
    const auto store = dir.path() / "store";
    fake::FakeEutilsOptions options;
    // The search and the first batch go through; the second batch fails on both attempts.
    options.faults.scripted = {{3, fake::FaultKind::bad_gateway}, {4, fake::FaultKind::bad_gateway}};
    fake::FakeEutilsServer server(corpus_of({"day1.xml"}), options);
    server.start();
    auto failed = refresh(store, server, day_one, {"--batch", "10", "--max-attempts", "2"});
    CHECK(failed.exit_code == 69);
    CHECK_THAT(failed.err, Catch::Contains("ldn: error: efetch batch 2: HTTP 502"));
    auto report = newest_report(store);
    CHECK(report.at("command") == "refresh");
    CHECK(report.at("exit_code") == 69);
    CHECK(report.at("counts").at("new") == 10);
    CHECK(index_snapshot(store / "index").size() == 10);

    server.set_faults({});
    auto completed = refresh(store, server, day_one, {"--batch", "10"});
    CHECK(completed.exit_code == 0);
    report = newest_report(store);
    CHECK(report.at("resumed") == true);
    CHECK(report.at("counts").at("new") == 14);
    CHECK(index_snapshot(store / "index").size() == 24);
}

TEST_CASE("killed at random moments 20 times, one uninterrupted refresh later the index is the reference",
          "[refresh][kill]") {
    ldn::test::TempDir dir;
    const auto store = dir.path() / "store";
    fake::FakeEutilsServer server(corpus_of({"day1.xml"}));
    server.start();
    REQUIRE(refresh(store, server, day_one).exit_code == 0);
    server.corpus().load_file(ldn::test::fixture("refresh/day2.xml"));

    // Without a key and one record a batch, a day-2 refresh takes a few seconds at 3 requests/s:
    // kills land in its searches, its fetches, its indexing and in later no-op runs.
    std::mt19937 random(20261126);
    std::uniform_int_distribution<int> delay_ms(0, 1500);
    const auto args = refresh_args(store, server, day_two, {"--batch", "1"});
    for (int kill = 0; kill < 20; ++kill) {
        pid_t pid = ldn::test::spawn_process(ldn::test::ldn_binary(), args);
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(random)));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        CAPTURE(kill);
        // After every kill the store opens and holds each record at most once.
        CHECK_NOTHROW(index_snapshot(store / "index"));
    }
    auto last = refresh(store, server, day_two);
    CHECK(last.exit_code == 0);
    CHECK(index_snapshot(store / "index") == reference_index());
}

TEST_CASE("ldn search in a loop during a refresh never fails", "[refresh][search]") {
    ldn::test::TempDir dir;
    const auto store = dir.path() / "store";
    fake::FakeEutilsServer server(corpus_of({"day1.xml"}));
    server.start();
    REQUIRE(refresh(store, server, day_one).exit_code == 0);
    server.corpus().load_file(ldn::test::fixture("refresh/day2.xml"));

    pid_t refreshing =
        ldn::test::spawn_process(ldn::test::ldn_binary(), refresh_args(store, server, day_two, {"--batch", "1"}));
    int searches = 0;
    int status = 0;
    while (::waitpid(refreshing, &status, WNOHANG) == 0) {
        auto result = run_process(ldn::test::ldn_binary(),
                                  {"search", "--store", store.string(), "--format", "json", "--facets", "design",
                                   "naltrexone"});
        ++searches;
        CAPTURE(searches, result.err);
        REQUIRE(result.exit_code == 0);
        auto parsed = nlohmann::json::parse(result.out);
        CHECK(parsed.at("total").get<int>() >= 24);
    }
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(searches >= 2);
}

TEST_CASE("a second refresh while one runs exits 75 at once, naming the first", "[refresh][lock]") {
    ldn::test::TempDir dir;
    const auto store = dir.path() / "store";
    fake::FakeEutilsServer server(corpus_of({"day1.xml"}));
    server.start();
    // One record a batch without a key: the first refresh runs for about eight seconds.
    pid_t first = ldn::test::spawn_process(ldn::test::ldn_binary(),
                                           refresh_args(store, server, day_one, {"--batch", "1"}));
    // It holds the lock once its run folder exists.
    for (int wait = 0; wait < 200 && server.request_count() == 0; ++wait) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    auto second = refresh(store, server, day_one);
    ::kill(first, SIGKILL);
    ::waitpid(first, nullptr, 0);
    CHECK(second.exit_code == 75);
    CHECK_THAT(second.err, Catch::Contains("PID " + std::to_string(first)));
}

TEST_CASE("a refresh store rebuilt as two shards keeps refreshing into them, to the same index", "[refresh][shards]") {
    ldn::test::TempDir dir;
    const auto store = dir.path() / "store";
    fake::FakeEutilsServer server(corpus_of({"day1.xml"}));
    server.start();
    REQUIRE(refresh(store, server, day_one).exit_code == 0);
    const ProcessResult resharded =
        run_process(ldn::test::ldn_binary(), {"index", "--rebuild", "--shards", "2", "--store", store.string()});
    INFO(resharded.err);
    REQUIRE(resharded.exit_code == 0);
    CHECK_THAT(resharded.err, Catch::Contains("24 added"));

    server.corpus().load_file(ldn::test::fixture("refresh/day2.xml"));
    auto second = refresh(store, server, day_two);
    REQUIRE(second.exit_code == 0);
    const auto report = newest_report(store);
    check_counts(report, {8, 8, 4, 3, 1, 1, 1, 0});
    CHECK(std::filesystem::exists(store / "index" / "XAPIANDB"));
    CHECK(index_snapshot(store / "index") == reference_index());
}
