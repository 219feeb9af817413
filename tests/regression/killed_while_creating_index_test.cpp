// Regression: an ingest killed while Xapian was creating the database left a folder without a revision
// file, and every later run failed with "Failed to open glass revision file" (exit 74).
#include <catch2/catch.hpp>

#include <fstream>

#include "index/annotator.hpp"
#include "index/index_writer.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/process.hpp"

TEST_CASE("an index folder that was never committed is made again, not refused", "[index][regression]") {
    ldn::test::TempDir dir;
    auto index = dir.path() / "index";
    std::filesystem::create_directories(index);
    std::ofstream(index / "flintlock");  // what Xapian leaves behind when killed before its first commit
    ldn::Annotator annotator(std::filesystem::path(LDN_FIXTURES_DIR) / ".." / ".." / "data" / "vocab");
    ldn::IndexWriter writer(index, annotator);
    ldn::Article article;
    article.pmid = "1";
    article.title = "A record.";
    writer.put(article);
    writer.commit();
    CHECK(writer.documents() == 1);
}
