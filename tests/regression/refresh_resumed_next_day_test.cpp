// Regression: a refresh that stopped part-way (killed, or NCBI gave out) was resumed by the next
// night's run, which finished the old night's plan and recorded today as covered. The records revised
// in between were never fetched: the next incremental window starts two days before today. Here a
// record fetched on day 1 before the stop (98000023, which gets its MeSH headings on day 2) kept its
// day-1 version for good. Now a run planned on another day is not resumed: a new one searches today's
// window (the stopped run's batches stay and are indexed first).
#include <catch2/catch.hpp>

#include <memory>

#include "tests/fake_eutils/fake_eutils_server.hpp"
#include "tests/support/index_snapshot.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/process.hpp"

namespace fake = ldn::fake;
using ldn::test::index_snapshot;
using ldn::test::run_process;

namespace {

std::shared_ptr<fake::Corpus> refresh_corpus(std::initializer_list<const char*> files) {
    auto corpus = std::make_shared<fake::Corpus>();
    for (const char* file : files) corpus->load_file(ldn::test::fixture(std::string("refresh/") + file));
    return corpus;
}

ldn::test::ProcessResult refresh(const std::filesystem::path& store, const fake::FakeEutilsServer& server,
                                 const char* today, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"refresh", "--store", store.string(), "--eutils-url", server.base_url(),
                                  "--today", today,     "--backoff",    "0.01"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_process(ldn::test::ldn_binary(), args, {"NCBI_API_KEY=RESUME-TEST-KEY", "NCBI_EMAIL=t@example.org"});
}

}  // namespace

TEST_CASE("a refresh stopped on day 1 is not resumed on day 2: the records revised since are fetched",
          "[regression][refresh][hardening]") {
    ldn::test::TempDir dir;
    const auto store = dir.path() / "store";
    fake::FakeEutilsOptions options;
    // The search and the first batch (98000024 down to 98000015) go through; the second batch fails.
    options.faults.scripted = {{3, fake::FaultKind::bad_gateway}, {4, fake::FaultKind::bad_gateway}};
    fake::FakeEutilsServer server(refresh_corpus({"day1.xml"}), options);
    server.start();
    auto stopped = refresh(store, server, "2026-01-10", {"--batch", "10", "--max-attempts", "2"});
    REQUIRE(stopped.exit_code == 69);

    server.set_faults({});
    server.corpus().load_file(ldn::test::fixture("refresh/day2.xml"));
    auto next_day = refresh(store, server, "2026-01-20");
    CAPTURE(next_day.err);
    CHECK(next_day.exit_code == 0);
    CHECK_THAT(next_day.err, Catch::Contains("did not finish") && !Catch::Contains("resumed"));

    ldn::test::TempDir fresh;
    REQUIRE(refresh(fresh.path() / "store", server, "2026-01-20").exit_code == 0);
    CHECK(index_snapshot(store / "index") == index_snapshot(fresh.path() / "store" / "index"));
}
