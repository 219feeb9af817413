// Topic files are edited by users: each mistake names the file and the key.
#include <catch2/catch.hpp>

#include <fstream>

#include "crawler/errors.hpp"
#include "crawler/topic.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/process.hpp"

namespace {

std::filesystem::path write_topic(const ldn::test::TempDir& dir, const std::string& text) {
    auto path = dir.path() / "topic.json";
    std::ofstream(path) << text;
    return path;
}

}  // namespace

TEST_CASE("the bundled topic loads and ANDs its blocks of OR-ed synonyms", "[topic]") {
    ldn::Topic topic = ldn::load_topic(std::filesystem::path(LDN_FIXTURES_DIR) / ".." / ".." / "data" / "topics" /
                                       "ldn-rheum.json");
    CHECK(topic.name == "ldn-rheum");
    CHECK(topic.datetype == "pdat");
    CHECK(topic.years == 10);
    REQUIRE(topic.blocks.size() == 2);
    std::string query = topic.query();
    CHECK(query.starts_with("(\"Naltrexone\"[MeSH Terms] OR naltrexone[tiab]"));
    CHECK(query.find(") AND (") != std::string::npos);
    CHECK(query.find("\"Fibromyalgia\"[MeSH Terms]") != std::string::npos);
}

TEST_CASE("a topic with a mistake is refused naming the key", "[topic]") {
    ldn::test::TempDir dir;
    struct Row {
        const char* text;
        const char* key;
    };
    const Row rows[] = {
        {R"({"blocks": [{"name": "a", "terms": ["x"]}]})", "'name' is missing"},
        {R"({"name": "t"})", "'blocks' is missing"},
        {R"({"name": "t", "blocks": []})", "'blocks' must be a non-empty array"},
        {R"({"name": "t", "blocks": [{"name": "a"}]})", "'blocks[0].terms' is missing"},
        {R"({"name": "t", "blocks": [{"name": "a", "terms": ["x", 3]}]})", "'blocks[0].terms[1]'"},
        {R"({"name": "t", "window": {"datetype": "xdat"}, "blocks": [{"name": "a", "terms": ["x"]}]})",
         "'window.datetype'"},
        {R"({"name": "t", "window": {"years": 0}, "blocks": [{"name": "a", "terms": ["x"]}]})", "'window.years'"},
        {R"({"name": "t", "blocks": [)", "not valid JSON"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        auto path = write_topic(dir, row.text);
        try {
            ldn::load_topic(path);
            FAIL("accepted a bad topic");
        } catch (const ldn::Error& error) {
            CHECK(error.code() == ldn::ExitCode::data_error);
            CHECK_THAT(error.what(), Catch::Contains(row.key) && Catch::Contains(path.string()));
        }
    }
}

TEST_CASE("a missing topic file is an I/O error", "[topic]") {
    try {
        ldn::load_topic("/nonexistent/topic.json");
        FAIL("loaded a missing file");
    } catch (const ldn::Error& error) {
        CHECK(error.code() == ldn::ExitCode::io_error);
    }
}
