// `ldn compact` end to end: the real binary compacts a sharded store, which then answers every
// search as before; the store lock keeps it from running beside a writer; no index says how to fill it.
#include <catch2/catch.hpp>

#include "crawler/store_lock.hpp"
#include "index/index_layout.hpp"
#include "tests/integration/shard_comparison.hpp"

using namespace ldn::test;

namespace {

ProcessResult ldn_run(const std::vector<std::string>& args) { return run_process(ldn_binary(), args); }

}  // namespace

TEST_CASE("ldn compact rewrites every shard, and the store answers every search as before", "[compact][shards]") {
    TempDir dir;
    const std::string store = (dir.path() / "store").string();
    const ProcessResult ingested = ldn_run({"ingest", "--shards", "2", "--store", store, fixture("search/corpus.xml").string()});
    INFO(describe(ingested));
    REQUIRE(ingested.exit_code == 0);

    const ProcessResult compacted = ldn_run({"compact", "--store", store});
    INFO(describe(compacted));
    REQUIRE(compacted.exit_code == 0);
    CHECK(compacted.out.empty());
    CHECK_THAT(compacted.err, Catch::Matches("ldn: compact: 2 databases, .* -> .* in .*\n"));
    CHECK(ldn::existing_shards(dir.path() / "store" / "index") == 2);
    same_answers_as_one_index({"--store", store}, searches_compared_over_shards);

    const ProcessResult again = ldn_run({"compact", "--quiet", "--store", store});
    CHECK(again.exit_code == 0);
    CHECK(again.err.empty());
}

TEST_CASE("ldn compact waits for no writer: a held store lock exits 75", "[compact]") {
    TempDir dir;
    const auto store = dir.path() / "store";
    REQUIRE(ldn_run({"ingest", "--store", store.string(), fixture("search/corpus.xml").string()}).exit_code == 0);
    const ldn::StoreLock held = ldn::StoreLock::acquire(store);

    const ProcessResult result = ldn_run({"compact", "--store", store.string()});

    CHECK(result.exit_code == 75);
    CHECK_THAT(result.err, Catch::StartsWith("ldn: error:"));
}

TEST_CASE("ldn compact on a store without an index exits 1, says how to fill it, and creates nothing", "[compact]") {
    TempDir dir;
    const ProcessResult result = ldn_run({"compact", "--store", (dir.path() / "store").string()});
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Catch::Contains("no index at") && Catch::Contains("ldn ingest"));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "store"));
}
