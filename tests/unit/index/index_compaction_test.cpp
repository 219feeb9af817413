// Compacting an index: each database copied with 64 KiB blocks and swapped in, keeping every record
// under its document id, the metadata and the revision; a reader open meanwhile reads on; a killed
// run's leftover copy is cleared; no index is an error that says how to fill it.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <fstream>
#include <map>

#include "crawler/disk_usage.hpp"
#include "crawler/errors.hpp"
#include "index/annotator.hpp"
#include "index/index_compaction.hpp"
#include "index/index_layout.hpp"
#include "index/index_writer.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/process.hpp"

namespace {

namespace fs = std::filesystem;

const ldn::Annotator& annotator() {
    static const ldn::Annotator loaded(fs::path(LDN_FIXTURES_DIR) / ".." / ".." / "data" / "vocab");
    return loaded;
}

ldn::Article record(int number) {
    ldn::Article article;
    article.pmid = std::to_string(32000000 + number);
    article.title = "Low-dose naltrexone and sleep quality in fibromyalgia, report " + std::to_string(number) + ".";
    article.abstract = {{"", "", "Patients with fibromyalgia took 4.5 mg naltrexone for " + std::to_string(number % 20 + 4) +
                                     " weeks; sleep quality and pain improved."}};
    const int year = 2015 + number % 10;
    article.year = year;
    article.pubdate = std::to_string(year) + "-03-01";
    article.languages = {"eng"};
    return article;
}

// An index of `shards` databases whose document ids have gaps (deleted records), as refreshes leave,
// the first ones among them: a compaction that renumbered would then move every record.
void write_index(const fs::path& index, std::size_t shards) {
    ldn::IndexWriter writer(index, annotator(), shards);
    for (int number = 0; number < 120; ++number) writer.put(record(number));
    for (int number = 0; number < 20; ++number) {
        ldn::Article gone = record(number);
        gone.deleted = true;
        writer.put(gone);
    }
    writer.set_metadata("ldn.topic", "ldn-rheumatology");
    writer.commit();
}

struct DatabaseContents {
    std::map<Xapian::docid, std::string> pmid_of_docid;
    std::map<std::string, std::string> metadata;
    Xapian::rev revision = 0;
    std::vector<Xapian::docid> sleep_quality_ranking;
};

DatabaseContents contents_of(const fs::path& database_path) {
    const Xapian::Database database(database_path.string());
    DatabaseContents contents;
    for (auto term = database.allterms_begin("Q"); term != database.allterms_end("Q"); ++term) {
        contents.pmid_of_docid[*database.postlist_begin(*term)] = (*term).substr(1);
    }
    for (auto key = database.metadata_keys_begin(); key != database.metadata_keys_end(); ++key) {
        contents.metadata[*key] = database.get_metadata(*key);
    }
    contents.revision = database.get_revision();
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("Zsleep"), Xapian::Query("Zqualiti")));
    for (const Xapian::docid docid : enquire.get_mset(0, 200)) contents.sleep_quality_ranking.push_back(docid);
    return contents;
}

bool every_table_in_whole_blocks_of(const fs::path& database, std::uintmax_t block) {
    bool whole = true;
    for (const auto& entry : fs::directory_iterator(database)) {
        if (entry.path().extension() == ".glass") whole = whole && entry.file_size() % block == 0;
    }
    return whole;
}

}  // namespace

TEST_CASE("compacting keeps every record under its document id, the metadata and the revision, in 64 KiB blocks",
          "[index][compact]") {
    ldn::test::TempDir dir;
    const fs::path index = dir.path() / "index";
    write_index(index, 2);
    const std::vector<fs::path> shards = ldn::shard_paths(index, 2);
    std::vector<DatabaseContents> before;
    for (const fs::path& shard : shards) {
        before.push_back(contents_of(shard));
        REQUIRE_FALSE(every_table_in_whole_blocks_of(shard, ldn::compacted_block_size));  // written in 8 KiB blocks
    }
    REQUIRE(before[0].pmid_of_docid.size() + before[1].pmid_of_docid.size() == 100);
    REQUIRE(before[0].pmid_of_docid.begin()->first > 1);
    REQUIRE(before[1].pmid_of_docid.begin()->first > 1);
    REQUIRE_FALSE(before[0].sleep_quality_ranking.empty());

    std::vector<std::string> tables_told;
    const std::vector<ldn::CompactedDatabase> compacted =
        ldn::compact_index(index, [&](std::size_t database, std::size_t databases, const std::string& table) {
            CHECK(databases == 2);
            tables_told.push_back(std::to_string(database) + " " + table);
        });

    REQUIRE(compacted.size() == 2);
    for (std::size_t i = 0; i < shards.size(); ++i) {
        CAPTURE(i);
        CHECK(compacted[i].path == fs::absolute(shards[i]));
        // A database this small grows: each table takes at least one 64 KiB block.
        CHECK(compacted[i].bytes_after == ldn::bytes_under(shards[i]));
        const DatabaseContents after = contents_of(shards[i]);
        CHECK(after.pmid_of_docid == before[i].pmid_of_docid);
        CHECK(after.metadata == before[i].metadata);
        CHECK(after.revision == before[i].revision);
        CHECK(after.sleep_quality_ranking == before[i].sleep_quality_ranking);
        CHECK(every_table_in_whole_blocks_of(shards[i], ldn::compacted_block_size));
        CHECK_FALSE(fs::exists(fs::path(shards[i].string() + ".compacting")));
    }
    CHECK(std::count(tables_told.begin(), tables_told.end(), "1 postlist") == 1);
    CHECK(std::count(tables_told.begin(), tables_told.end(), "2 position") == 1);
    CHECK(ldn::existing_shards(index) == 2);
}

TEST_CASE("a reader open while the index is compacted reads on, and sees the next commit", "[index][compact]") {
    ldn::test::TempDir dir;
    const fs::path index = dir.path() / "index";
    write_index(index, 1);
    Xapian::Database reader(index.string());
    const DatabaseContents before = contents_of(index);

    ldn::compact_index(index, nullptr);

    CHECK(reader.get_doccount() == 100);
    for (const auto& [docid, pmid] : before.pmid_of_docid) {
        CAPTURE(docid);
        CHECK(reader.get_document(docid).get_data().find(pmid) != std::string::npos);
    }
    {
        ldn::IndexWriter writer(index, annotator());
        writer.put(record(500));
        writer.commit();
    }
    CHECK(reader.reopen());
    CHECK(reader.get_doccount() == 101);
    CHECK(reader.get_termfreq("Q32000500") == 1);
}

TEST_CASE("compacting clears the copy a killed run left, and the index stays whole", "[index][compact]") {
    ldn::test::TempDir dir;
    const fs::path index = dir.path() / "index";
    write_index(index, 1);
    const fs::path leftover = dir.path() / "index.compacting";
    fs::create_directories(leftover);
    std::ofstream(leftover / "postlist.glass") << "half a table";

    const auto compacted = ldn::compact_index(index, nullptr);

    CHECK(compacted.size() == 1);
    CHECK_FALSE(fs::exists(leftover));
    CHECK(Xapian::Database(index.string()).get_doccount() == 100);
}

TEST_CASE("compacting where there is no index fails with exit 1 and says how to fill it", "[index][compact]") {
    ldn::test::TempDir dir;
    try {
        ldn::compact_index(dir.path() / "index", nullptr);
        FAIL("no error");
    } catch (const ldn::Error& error) {
        CHECK(error.code() == ldn::ExitCode::failure);
        CHECK_THAT(error.what(), Catch::Contains("no index at") && Catch::Contains("ldn ingest"));
    }
}
