// Vocabularies are edited by users: each mistake names the file and the key.
#include <catch2/catch.hpp>

#include <fstream>

#include "crawler/errors.hpp"
#include "tests/support/process.hpp"
#include "tests/unit/index/annotator_test_articles.hpp"

namespace {

// A copy of the bundled vocabularies with one file replaced.
std::filesystem::path vocabularies_with(const ldn::test::TempDir& dir, const std::string& file,
                                        const std::string& text) {
    std::filesystem::copy(ldn::test::bundled_vocabularies(), dir.path(),
                          std::filesystem::copy_options::recursive | std::filesystem::copy_options::overwrite_existing);
    std::ofstream(dir.path() / file) << text;
    return dir.path();
}

}  // namespace

TEST_CASE("the bundled vocabularies load", "[annotator][vocabulary]") {
    CHECK_NOTHROW(ldn::Annotator(ldn::test::bundled_vocabularies()));
}

TEST_CASE("a malformed vocabulary is refused naming the file and the key", "[annotator][vocabulary]") {
    struct Row {
        const char* file;
        const char* text;
        const char* key;
    };
    const Row rows[] = {
        {"conditions.json", R"({"conditions": [{"label": "x", "phrases": ["x"]}]})", "'conditions[0].id' is missing"},
        {"conditions.json", R"({"conditions": [{"id": "x", "label": "x", "mesh": [{"ui": "123", "name": "n"}]}]})",
         "'conditions[0].mesh[0].ui' must be a MeSH descriptor UI"},
        {"conditions.json", R"({"conditions": [{"id": "x", "label": "x", "mesh": [], "phrases": ["fib*romyalgia"]}]})",
         "'conditions[0].phrases[0]' may only have '*' at its end"},
        {"conditions.json", R"({"conditions": [{"id": "x", "label": "x", "mesh": []}]})",
         "'conditions[0]' needs at least one"},
        {"conditions.json", R"({"conditions": [)", "not valid JSON"},
        {"designs.json", R"({"designs": [{"id": "rct", "evidence_level": 7}]})", "'designs[0].evidence_level'"},
        {"doses.json", R"({"naltrexone_names": [], "units": ["mg"]})", "'naltrexone_names'"},
        {"durations.json", R"({"units": [{"unit": "week", "weeks": 0}]})", "'units[0].weeks' must be above 0"},
        {"subjects.json",
         R"({"human_mesh": [{"ui": "D006801", "name": "Humans"}], "animal_mesh": [{"ui": "D000818", "name": "Animals"}], "cues": [{"id": "human", "phrases": ["patients"]}]})",
         "'cues' needs a group with id 'animal'"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.file, row.text);
        ldn::test::TempDir dir;
        const auto folder = vocabularies_with(dir, row.file, row.text);
        try {
            ldn::Annotator annotator(folder);
            FAIL("accepted a bad vocabulary");
        } catch (const ldn::Error& error) {
            CHECK(error.code() == ldn::ExitCode::data_error);
            CHECK_THAT(error.what(),
                       Catch::Contains(row.key) && Catch::Contains("vocabulary " + (folder / row.file).string()));
        }
    }
}

TEST_CASE("a design rule naming an unknown design or cue is refused", "[annotator][vocabulary]") {
    ldn::test::TempDir dir;
    std::ifstream bundled(ldn::test::bundled_vocabularies() / "designs.json");
    nlohmann::json designs = nlohmann::json::parse(bundled);
    designs["text_rules"][0]["cue"] = "no-such-cue";
    const auto folder = vocabularies_with(dir, "designs.json", designs.dump());
    CHECK_THROWS_WITH(ldn::Annotator(folder),
                      Catch::Contains("'text_rules[0].cue' names the unknown cue group 'no-such-cue'"));
}

TEST_CASE("a missing vocabulary folder is an I/O error", "[annotator][vocabulary]") {
    try {
        ldn::Annotator annotator("/nonexistent/vocab");
        FAIL("loaded a missing folder");
    } catch (const ldn::Error& error) {
        CHECK(error.code() == ldn::ExitCode::io_error);
    }
}
