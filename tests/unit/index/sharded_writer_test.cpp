// IndexWriter over shards: every record in the shard its PMID hashes to and in no other, metadata in
// every shard, a batch done only when every shard says so, a shard thread's failure reaching the caller.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <atomic>
#include <set>
#include <stdexcept>

#include "crawler/errors.hpp"
#include "index/annotator.hpp"
#include "index/index_layout.hpp"
#include "index/index_writer.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/process.hpp"

namespace {

const ldn::Annotator& annotator() {
    static const ldn::Annotator loaded(std::filesystem::path(LDN_FIXTURES_DIR) / ".." / ".." / "data" / "vocab");
    return loaded;
}

ldn::Article record(int number) {
    ldn::Article article;
    article.pmid = std::to_string(31000000 + number);
    article.title = "Low-dose naltrexone in fibromyalgia, report " + std::to_string(number) + ".";
    article.abstract = {{"", "", "Patients with fibromyalgia took 4.5 mg naltrexone for 12 weeks."}};
    article.year = 2020;
    article.pubdate = "2020-01-01";
    article.languages = {"eng"};
    return article;
}

std::set<std::string> pmids_in(const std::filesystem::path& database) {
    Xapian::Database opened(database.string());
    std::set<std::string> pmids;
    for (auto term = opened.allterms_begin("Q"); term != opened.allterms_end("Q"); ++term) pmids.insert((*term).substr(1));
    return pmids;
}

}  // namespace

TEST_CASE("a sharded index holds each record once, in the shard its PMID hashes to", "[index][shards]") {
    ldn::test::TempDir dir;
    const auto index = dir.path() / "index";
    {
        ldn::IndexWriter writer(index, annotator(), 3);
        CHECK(writer.shards() == 3);
        for (int number = 0; number < 60; ++number) writer.put(record(number));
        for (int number = 0; number < 10; ++number) writer.put(record(number));  // again: unchanged
        ldn::Article gone = record(5);
        gone.deleted = true;
        writer.put(gone);
        writer.set_metadata("ldn.topic", "ldn-rheumatology");
        writer.commit();
        CHECK(writer.counts().added == 60);
        CHECK(writer.counts().unchanged == 10);
        CHECK(writer.counts().deleted == 1);
        CHECK(writer.documents() == 59);
    }
    REQUIRE(ldn::existing_shards(index) == 3);
    std::set<std::string> seen;
    for (std::size_t shard = 0; shard < 3; ++shard) {
        const auto path = ldn::shard_paths(index, 3)[shard];
        const std::set<std::string> pmids = pmids_in(path);
        CHECK(pmids.size() > 10);  // 59 records over 3 shards: none is left empty
        for (const std::string& pmid : pmids) {
            CAPTURE(pmid);
            CHECK(ldn::shard_of(pmid, 3) == shard);
            CHECK(seen.insert(pmid).second);
        }
        CHECK(Xapian::Database(path.string()).get_metadata("ldn.topic") == "ldn-rheumatology");
    }
    CHECK(seen.size() == 59);
    CHECK(seen.count(record(5).pmid) == 0);
    CHECK(Xapian::Database(index.string()).get_doccount() == 59);  // the folder opens as all of its shards
}

TEST_CASE("an existing index keeps its shard count, and asking for another is refused", "[index][shards]") {
    ldn::test::TempDir dir;
    const auto index = dir.path() / "index";
    { ldn::IndexWriter(index, annotator(), 2).commit(); }
    {
        ldn::IndexWriter reopened(index, annotator());
        CHECK(reopened.shards() == 2);
    }
    try {
        ldn::IndexWriter(index, annotator(), 4);
        FAIL("a second shard count was accepted");
    } catch (const ldn::Error& error) {
        CHECK(error.code() == ldn::ExitCode::usage);
        CHECK_THAT(error.what(), Catch::Contains("has 2 shards") && Catch::Contains("--rebuild --shards 4"));
    }
    CHECK_THROWS_WITH(ldn::IndexWriter(dir.path() / "other", annotator(), 0), Catch::Contains("1 to 64"));
}

TEST_CASE("a batch is done only once every shard has committed its mark", "[index][shards]") {
    ldn::test::TempDir dir;
    const auto index = dir.path() / "index";
    {
        ldn::IndexWriter writer(index, annotator(), 2);
        for (int number = 0; number < 20; ++number) writer.put(record(number));
        writer.mark_batch_done("run/0001.xml.gz", 20);
        writer.commit();
        CHECK(writer.batch_done("run/0001.xml.gz"));
    }
    // The second shard's commit lost, as when the process is killed between the two.
    {
        Xapian::WritableDatabase second(ldn::shard_paths(index, 2)[1].string());
        second.set_metadata("ldn.indexed:run/0001.xml.gz", "");
        second.commit();
    }
    ldn::IndexWriter writer(index, annotator());
    CHECK_FALSE(writer.batch_done("run/0001.xml.gz"));
}

TEST_CASE("a failure on a shard's thread reaches the caller, and the shard takes no more changes",
          "[index][shards]") {
    ldn::test::TempDir dir;
    ldn::IndexWriter writer(dir.path() / "index", annotator(), 2);
    writer.put(record(1));
    // Only the first shard to run the change fails; the other stays healthy.
    std::atomic<int> runs{0};
    writer.change_every_shard([&runs](Xapian::WritableDatabase&) {
        if (runs++ == 0) throw ldn::io_error("index shard: cannot write: disk full");
    });
    CHECK_THROWS_WITH(writer.commit(), "index shard: cannot write: disk full");
    CHECK(runs == 2);
    // Records for either shard are refused: the writer as a whole has failed.
    std::set<std::size_t> shards_tried;
    for (int number = 2; number < 12; ++number) {
        CAPTURE(number);
        shards_tried.insert(ldn::shard_of(record(number).pmid, 2));
        CHECK_THROWS_WITH(writer.put(record(number)), "index shard: cannot write: disk full");
    }
    CHECK(shards_tried.size() == 2);
    CHECK_THROWS_WITH(writer.documents(), "index shard: cannot write: disk full");
}

TEST_CASE("shards holding records but missing their stub are refused, never cleared", "[index][shards]") {
    ldn::test::TempDir dir;
    const auto index = dir.path() / "index";
    {
        ldn::IndexWriter writer(index, annotator(), 2);
        for (int number = 0; number < 4; ++number) writer.put(record(number));
        writer.commit();
    }
    std::filesystem::remove(index / "XAPIANDB");
    CHECK_THROWS_WITH(ldn::IndexWriter(index, annotator()), Catch::Contains("holds shards") && Catch::Contains("no XAPIANDB"));
    CHECK(pmids_in(index / "shard-1").size() + pmids_in(index / "shard-2").size() == 4);
}

TEST_CASE("shards made but never committed nor listed (a run killed at its start) are cleared", "[index][shards]") {
    ldn::test::TempDir dir;
    const auto index = dir.path() / "index";
    { ldn::IndexWriter(index, annotator(), 2).commit(); }
    std::filesystem::remove(index / "XAPIANDB");
    ldn::IndexWriter writer(index, annotator(), 3);
    CHECK(writer.shards() == 3);
    CHECK(ldn::existing_shards(index) == 3);
}
