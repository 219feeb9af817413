// `ldn ingest` and `ldn index` end to end: real files, a real Xapian database, the summary line and
// the run report.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <thread>

#include <signal.h>
#include <sys/wait.h>

#include "crawler/atomic_file.hpp"
#include "crawler/crawl.hpp"
#include "crawler/crawl_manifest.hpp"
#include "crawler/store_layout.hpp"
#include "index/schema.hpp"
#include "tests/fake_eutils/fake_eutils_server.hpp"
#include "tests/support/crawl_fixture.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/pubmed_expectations.hpp"
#include "tests/support/process.hpp"

using ldn::test::expected_pmids;
using ldn::test::run_process;

namespace {

std::set<std::string> indexed_pmids(const std::filesystem::path& index) {
    Xapian::Database database(index.string());
    std::set<std::string> pmids;
    for (auto term = database.allterms_begin("Q"); term != database.allterms_end("Q"); ++term) {
        pmids.insert((*term).substr(1));
    }
    return pmids;
}

}  // namespace

TEST_CASE("ingesting a baseline then its update applies versions and deletions in order", "[ingest]") {
    LDN_REQUIRE_SHARED_SAMPLE(baseline, "updates/baseline-pubmed22n1114.xml.gz");
    LDN_REQUIRE_SHARED_SAMPLE(update, "updates/update-pubmed22n1115.xml.gz");
    ldn::test::TempDir dir;
    auto result = run_process(ldn::test::ldn_binary(),
                              {"ingest", "--store", dir.path().string(), baseline.string(), update.string()});
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.err, Catch::StartsWith("ldn: ingest: "));
    CHECK(indexed_pmids(dir.path() / "index") == expected_pmids({baseline, update}));
}

TEST_CASE("ingesting the same file twice changes nothing", "[ingest]") {
    LDN_REQUIRE_SHARED_SAMPLE(sample, "medline16n0902.xml.gz");
    ldn::test::TempDir dir;
    auto first = run_process(ldn::test::ldn_binary(), {"ingest", "--store", dir.path().string(), sample.string()});
    CHECK(first.exit_code == 0);
    CHECK_THAT(first.err, Catch::Contains("604 added"));
    auto before = indexed_pmids(dir.path() / "index");
    CHECK(before.size() == 604);

    auto again = run_process(ldn::test::ldn_binary(), {"ingest", "--store", dir.path().string(), sample.string()});
    CHECK(again.exit_code == 0);
    CHECK_THAT(again.err, Catch::Contains("already ingested") && Catch::Contains("0 added, 0 updated"));
    auto forced = run_process(ldn::test::ldn_binary(),
                              {"ingest", "--force", "--store", dir.path().string(), sample.string()});
    CHECK_THAT(forced.err, Catch::Contains("0 added, 0 updated, 604 unchanged"));
    CHECK(indexed_pmids(dir.path() / "index") == before);
}

TEST_CASE("a malformed record is skipped with a located warning, counted failed and reported", "[ingest]") {
    ldn::test::TempDir dir;
    auto result = run_process(ldn::test::ldn_binary(),
                              {"ingest", "--store", dir.path().string(), ldn::test::fixture("malformed_middle.xml").string()});
    CHECK(result.exit_code == 65);
    CHECK_THAT(result.err, Catch::Contains("ldn: warning: ") && Catch::Contains("malformed_middle.xml: record 2") &&
                               Catch::Contains("1 failed"));
    bool reported = false;
    for (const auto& report : std::filesystem::directory_iterator(dir.path() / "runs")) {
        std::ifstream in(report.path());
        auto json = nlohmann::json::parse(in);
        reported = json.at("command") == "ingest" && json.at("failures").size() == 1 &&
                   json.at("counts").at("failed") == 1;
    }
    CHECK(reported);
}

TEST_CASE("ldn index indexes each crawled batch once, and a second run does nothing", "[ingest][index]") {
    ldn::test::TempDir dir;
    auto corpus = ldn::test::synthetic_corpus(45);
    ldn::fake::FakeEutilsServer server(corpus);
    server.start();
    ldn::crawl(ldn::test::crawl_request(server, dir.path(), 10), {});

    auto first = run_process(ldn::test::ldn_binary(), {"index", "--store", dir.path().string()});
    CHECK(first.exit_code == 0);
    CHECK_THAT(first.err, Catch::Contains("45 added") && Catch::Contains("45 records in the index"));
    CHECK(indexed_pmids(dir.path() / "index").size() == 45);

    auto second = run_process(ldn::test::ldn_binary(), {"index", "--store", dir.path().string()});
    CHECK_THAT(second.err, Catch::Contains("0 added, 0 updated, 0 unchanged, 0 deleted, 0 failed"));

    auto rebuilt = run_process(ldn::test::ldn_binary(), {"index", "--rebuild", "--store", dir.path().string()});
    CHECK_THAT(rebuilt.err, Catch::Contains("45 added"));
}

TEST_CASE("an ingest killed at any moment leaves an index that opens, and the next run completes it",
          "[ingest][crash]") {
    LDN_REQUIRE_SHARED_SAMPLE(sample, "medline16n0902.xml.gz");
    LDN_REQUIRE_SHARED_SAMPLE(update, "updates/update-pubmed20n1016.xml.gz");
    ldn::test::TempDir dir;
    const std::vector<std::string> args{"ingest", "--quiet", "--store", dir.path().string(), sample.string(),
                                        update.string()};
    for (int delay_ms : {20, 60, 150, 300}) {
        pid_t pid = ldn::test::spawn_process(ldn::test::ldn_binary(), args);
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
        if (std::filesystem::exists(dir.path() / "index" / "iamglass")) {
            CHECK_NOTHROW(Xapian::Database((dir.path() / "index").string()));
        }
    }
    auto finished = run_process(ldn::test::ldn_binary(), args);
    CHECK(finished.exit_code == 0);
    CHECK(indexed_pmids(dir.path() / "index") == expected_pmids({sample, update}));
}

TEST_CASE("a record that failed is not retried every run, only with --retry-failed", "[ingest][index]") {
    ldn::test::TempDir dir;
    ldn::StoreLayout store(dir.path());
    const std::string run = "20260101T000000Z";
    std::filesystem::create_directories(store.run_raw(run));
    std::ifstream fixture(ldn::test::fixture("malformed_middle.xml"), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(fixture)), std::istreambuf_iterator<char>());
    ldn::write_gzip_atomically(store.batch(run, 1), bytes);
    ldn::CrawlManifest manifest;
    manifest.run_id = run;
    manifest.complete = true;
    manifest.batches.push_back({"0001.xml.gz", {}, bytes.size()});
    manifest.save(store.manifest(run));

    auto first = run_process(ldn::test::ldn_binary(), {"index", "--store", dir.path().string()});
    CHECK(first.exit_code == 65);
    CHECK_THAT(first.err, Catch::Contains("2 added") && Catch::Contains("1 failed"));
    auto second = run_process(ldn::test::ldn_binary(), {"index", "--store", dir.path().string()});
    CHECK(second.exit_code == 0);
    CHECK_THAT(second.err, Catch::Contains("0 failed"));
    auto retried = run_process(ldn::test::ldn_binary(), {"index", "--retry-failed", "--store", dir.path().string()});
    CHECK(retried.exit_code == 65);
    CHECK_THAT(retried.err, Catch::Contains("2 unchanged") && Catch::Contains("1 failed"));
}
