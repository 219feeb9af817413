// The store's safety: one writer at a time, atomic files, manifests that read back exactly.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "crawler/atomic_file.hpp"
#include "crawler/byte_source.hpp"
#include "crawler/crawl_manifest.hpp"
#include "crawler/crawl_state.hpp"
#include "crawler/errors.hpp"
#include "crawler/store_lock.hpp"
#include "tests/support/process.hpp"

namespace {

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("a second writer on the same store is refused with exit 75 naming the holder", "[store]") {
    ldn::test::TempDir dir;
    ldn::StoreLock held = ldn::StoreLock::acquire(dir.path());
    try {
        ldn::StoreLock::acquire(dir.path());
        FAIL("took a held lock");
    } catch (const ldn::Error& error) {
        CHECK(error.code() == ldn::ExitCode::temporary);
        CHECK_THAT(error.what(), Catch::Contains("PID " + std::to_string(::getpid())));
    }
}

TEST_CASE("a released lock can be taken again", "[store]") {
    ldn::test::TempDir dir;
    { ldn::StoreLock first = ldn::StoreLock::acquire(dir.path()); }
    CHECK_NOTHROW(ldn::StoreLock::acquire(dir.path()));
}

TEST_CASE("atomic writes leave the final file whole and no temporary behind", "[store]") {
    ldn::test::TempDir dir;
    auto path = dir.path() / "batch.xml.gz";
    ldn::write_file_atomically(path, "first");
    ldn::write_gzip_atomically(path, "<PubmedArticleSet></PubmedArticleSet>");
    auto source = ldn::open_file_source(path);
    std::string text(100, '\0');
    text.resize(source->read(text.data(), text.size()));
    CHECK(text == "<PubmedArticleSet></PubmedArticleSet>");
    int files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) ++files;
    CHECK(files == 1);
}

TEST_CASE("a streamed atomic file appears whole on commit and not at all without it", "[store]") {
    ldn::test::TempDir dir;
    auto path = dir.path() / "export.ris";
    ldn::write_file_atomically(path, "old");
    {
        ldn::AtomicFileWriter file(path);
        file.append("TY  - JOUR\n");
        file.append("ER  - \n");
        // Abandoned, as when the export fails half-way: the old file stays, the temporary goes.
    }
    CHECK(slurp(path) == "old");
    {
        ldn::AtomicFileWriter file(path);
        file.append("TY  - JOUR\n");
        file.append("ER  - \n");
        file.commit();
    }
    CHECK(slurp(path) == "TY  - JOUR\nER  - \n");
    int files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) ++files;
    CHECK(files == 1);
}

TEST_CASE("writing into a folder that does not exist is an I/O error naming the path", "[store]") {
    ldn::test::TempDir dir;
    auto path = dir.path() / "missing" / "file";
    try {
        ldn::write_file_atomically(path, "x");
        FAIL("wrote into a missing folder");
    } catch (const ldn::Error& error) {
        CHECK(error.code() == ldn::ExitCode::io_error);
        CHECK_THAT(error.what(), Catch::Contains((dir.path() / "missing").string()));
    }
}

TEST_CASE("a crawl manifest reads back exactly what was saved", "[store]") {
    ldn::test::TempDir dir;
    ldn::CrawlManifest manifest;
    manifest.run_id = "20261126T000000Z";
    manifest.topic = "t";
    manifest.term = "naltrexone AND fibromyalgia";
    manifest.mode = "full";
    manifest.request = "default";
    manifest.started = "2026-11-26T00:00:00Z";
    manifest.planned = true;
    manifest.windows.push_back(
        {{"pdat", *ldn::Day::parse("2016-01-01"), *ldn::Day::parse("2026-11-26")}, 3, {"3", "2", "1"}, "naltrexone[All Fields]"});
    manifest.batches.push_back({"0001.xml.gz", {"3", "2"}, 1234});
    manifest.failed = {"1"};
    manifest.save(dir.path() / "manifest.json");
    ldn::CrawlManifest loaded = ldn::CrawlManifest::load(dir.path() / "manifest.json");
    CHECK(loaded.run_id == manifest.run_id);
    CHECK(loaded.term == manifest.term);
    CHECK(loaded.planned);
    CHECK_FALSE(loaded.complete);
    REQUIRE(loaded.windows.size() == 1);
    CHECK(loaded.windows[0].window.label() == "pdat 2016-01-01..2026-11-26");
    CHECK(loaded.windows[0].ids == std::vector<std::string>{"3", "2", "1"});
    REQUIRE(loaded.batches.size() == 1);
    CHECK(loaded.batches[0].pmids == std::vector<std::string>{"3", "2"});
    CHECK(loaded.batches[0].bytes == 1234);
    CHECK(loaded.failed == std::vector<std::string>{"1"});
}

TEST_CASE("a damaged manifest or state file is reported, not trusted", "[store]") {
    ldn::test::TempDir dir;
    std::ofstream(dir.path() / "manifest.json") << "{\"run_id\": 3}";
    CHECK_THROWS_AS(ldn::CrawlManifest::load(dir.path() / "manifest.json"), ldn::Error);
    std::ofstream(dir.path() / "state.json") << "{\"last_success\": {}}";
    CHECK_THROWS_AS(ldn::CrawlState::load(dir.path() / "state.json"), ldn::Error);
    CHECK_FALSE(ldn::CrawlState::load(dir.path() / "absent.json"));
    CHECK(slurp(dir.path() / "manifest.json") == "{\"run_id\": 3}");
}
