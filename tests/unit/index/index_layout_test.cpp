// The shard layout of an index folder, and which shard a record goes to.
#include <catch2/catch.hpp>

#include <fstream>

#include "crawler/errors.hpp"
#include "index/index_layout.hpp"
#include "tests/support/process.hpp"

TEST_CASE("a record's shard is FNV-1a of its PMID, the same on every machine and every run", "[index][shards]") {
    // Pinned values: changing the hash would scatter the records of every sharded index already written.
    CHECK(ldn::shard_of("90000001", 2) == 1);
    CHECK(ldn::shard_of("90000002", 2) == 0);
    CHECK(ldn::shard_of("90000001", 3) == 2);
    CHECK(ldn::shard_of("12345678", 7) == 4);
    CHECK(ldn::shard_of("35000000", 7) == 1);
    CHECK(ldn::shard_of("anything", 1) == 0);
}

TEST_CASE("PMIDs in a row spread over the shards", "[index][shards]") {
    std::vector<int> per_shard(4);
    for (int pmid = 30000000; pmid < 30004000; ++pmid) ++per_shard[ldn::shard_of(std::to_string(pmid), 4)];
    for (int count : per_shard) {
        CHECK(count > 900);
        CHECK(count < 1100);
    }
}

TEST_CASE("an index folder's layout: none, one database, or the shards its stub lists", "[index][shards]") {
    ldn::test::TempDir dir;
    const auto index = dir.path() / "index";
    CHECK(ldn::existing_shards(index) == 0);
    std::filesystem::create_directories(index);
    CHECK(ldn::existing_shards(index) == 0);  // a folder a killed run left, nothing committed
    std::ofstream(index / "iamglass") << "";
    CHECK(ldn::existing_shards(index) == 1);
    CHECK(ldn::shard_paths(index, 1) == std::vector<std::filesystem::path>{index});

    const auto sharded = dir.path() / "sharded";
    std::filesystem::create_directories(sharded);
    ldn::write_shard_stub(sharded, 3);
    CHECK(ldn::existing_shards(sharded) == 3);
    CHECK(ldn::shard_paths(sharded, 3) ==
          std::vector<std::filesystem::path>{sharded / "shard-1", sharded / "shard-2", sharded / "shard-3"});
}

TEST_CASE("a stub ldn did not write is refused for writing, naming its line", "[index][shards]") {
    ldn::test::TempDir dir;
    std::ofstream(dir.path() / "XAPIANDB") << "remote 10.0.0.11:6431\n";
    try {
        ldn::existing_shards(dir.path());
        FAIL("a foreign stub was accepted");
    } catch (const ldn::Error& error) {
        CHECK(error.code() == ldn::ExitCode::data_error);
        CHECK_THAT(error.what(), Catch::Contains("XAPIANDB: line 'remote 10.0.0.11:6431'"));
    }
    std::ofstream(dir.path() / "XAPIANDB") << "# nothing\n";
    CHECK_THROWS_WITH(ldn::existing_shards(dir.path()), Catch::Contains("lists no shard"));
}
