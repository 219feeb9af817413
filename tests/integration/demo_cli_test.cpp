// `ldn demo`: the whole pipeline offline, as a user without internet access runs it.
#include <catch2/catch.hpp>

#include <filesystem>

#include "tests/support/paths.hpp"
#include "tests/support/process.hpp"

using ldn::test::run_process;

TEST_CASE("ldn demo refreshes from the fake server, searches and summarizes, and cleans up", "[demo][cli]") {
    ldn::test::TempDir tmp;
    auto result = run_process(ldn::test::ldn_binary(), {"demo"}, {"TMPDIR=" + tmp.path().string()});
    CAPTURE(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK_THAT(result.out, Catch::Contains("fictional corpus"));
    CHECK_THAT(result.out, Catch::Contains("$ ldn refresh --today 2026-10-31"));
    CHECK_THAT(result.err, Catch::Contains("ldn: refresh ") && Catch::Contains("(full): 59 identified, 59 fetched"));
    // The search, as a table: the strongest evidence first.
    CHECK_THAT(result.out, Catch::Contains("$ ldn search --sort evidence --limit 10 --format table fibromyalgia"));
    CHECK_THAT(result.out, Catch::Contains("PMID      Year  Design") && Catch::Contains("of 26 records."));
    // The summary, with its report date fixed by the demo.
    CHECK_THAT(result.out, Catch::Contains("# Evidence summary: ldn-rheum"));
    CHECK_THAT(result.out, Catch::Contains("Report of 2026-10-31") && Catch::Contains("54 of 59 identified records"));
    // The temporary store is gone.
    CHECK(std::filesystem::is_empty(tmp.path()));
}

TEST_CASE("ldn demo --keep leaves a store that the other commands read", "[demo][cli]") {
    ldn::test::TempDir dir;
    const auto kept = dir.path() / "demo-store";
    REQUIRE(run_process(ldn::test::ldn_binary(), {"demo", "--keep", kept.string()}).exit_code == 0);
    auto search = run_process(ldn::test::ldn_binary(),
                              {"search", "--store", kept.string(), "--format", "json", "--limit", "0", "retracted:yes"});
    CHECK(search.exit_code == 0);
    CHECK_THAT(search.out, Catch::Contains("\"total\":1"));
    auto status = run_process(ldn::test::ldn_binary(), {"status", "--store", kept.string(), "--max-age", "1"});
    CHECK(status.exit_code == 0);
}
