// watches.json: names, the file's exact form, and what a damaged file is refused with.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <tuple>

#include "crawler/errors.hpp"
#include "query/watch/watch_list.hpp"
#include "tests/support/process.hpp"

using ldn::Watch;
using ldn::WatchList;

namespace {

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void write(const std::filesystem::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

ldn::ExitCode code_of_load(const std::filesystem::path& file, std::string& message) {
    try {
        WatchList::load(file);
    } catch (const ldn::Error& error) {
        message = error.what();
        return error.code();
    }
    return ldn::ExitCode::ok;
}

}  // namespace

TEST_CASE("watch names are 1 to 64 letters, digits, dots, underscores and hyphens", "[watch]") {
    const std::string longest(64, 'a');
    for (const std::string& good : {std::string("fm"), std::string("FM-rct_2.0"), std::string("7"), longest}) {
        INFO(good);
        CHECK(ldn::watch_name_problem(good).empty());
    }
    const auto [name, problem] = GENERATE(table<std::string, std::string>({
        {"", "it is empty"},
        {std::string(65, 'a'), "it is longer than 64 characters"},
        {"low back", "use letters, digits, '.', '_' and '-' only"},
        {"a/b", "use letters, digits, '.', '_' and '-' only"},
        {"sjögren", "use letters, digits, '.', '_' and '-' only"},
    }));
    INFO(name);
    CHECK(ldn::watch_name_problem(name) == "'" + name + "' is not a watch name: " + problem);
}

TEST_CASE("PMIDs order by number, not by text", "[watch]") {
    CHECK(ldn::pmid_less("9", "10"));
    CHECK_FALSE(ldn::pmid_less("10", "9"));
    CHECK(ldn::pmid_less("90000001", "90000002"));
    CHECK_FALSE(ldn::pmid_less("5", "5"));
}

TEST_CASE("a store without watches.json has no watches", "[watch]") {
    ldn::test::TempDir dir;
    CHECK(WatchList::load(dir.path() / "watches.json").watches().empty());
}

TEST_CASE("watches.json is saved in name order with matched PMIDs in numeric order, null before a first check",
          "[watch]") {
    ldn::test::TempDir dir;
    const auto file = dir.path() / "watches.json";
    WatchList list;
    list.add(Watch{"rct", "design:rct", "2026-11-26T08:41:00Z", std::vector<std::string>{"9", "10"}}, false);
    list.add(Watch{"fm", "condition:fibromyalgia", "2026-11-25T07:00:00Z", std::nullopt}, false);
    list.save(file);
    CHECK(slurp(file) ==
          "{\n"
          " \"watches\": [\n"
          "  {\n"
          "   \"name\": \"fm\",\n"
          "   \"query\": \"condition:fibromyalgia\",\n"
          "   \"added\": \"2026-11-25T07:00:00Z\",\n"
          "   \"matched\": null\n"
          "  },\n"
          "  {\n"
          "   \"name\": \"rct\",\n"
          "   \"query\": \"design:rct\",\n"
          "   \"added\": \"2026-11-26T08:41:00Z\",\n"
          "   \"matched\": [\n"
          "    \"9\",\n"
          "    \"10\"\n"
          "   ]\n"
          "  }\n"
          " ]\n"
          "}\n");
    const WatchList loaded = WatchList::load(file);
    CHECK(loaded.watches() == list.watches());
}

TEST_CASE("matched PMIDs edited by hand out of order or twice are read sorted and once", "[watch]") {
    ldn::test::TempDir dir;
    const auto file = dir.path() / "watches.json";
    write(file, R"({"watches": [{"name": "b", "query": "x", "added": "", "matched": ["10", "9", "10"]},
                                {"name": "a", "query": "y", "added": "", "matched": []}]})");
    const WatchList list = WatchList::load(file);
    REQUIRE(list.watches().size() == 2);
    CHECK(list.watches()[0].name == "a");
    CHECK(list.watches()[1].matched == std::vector<std::string>{"9", "10"});
}

TEST_CASE("adding a taken watch name is refused unless replacing, and removing an unknown one says so", "[watch]") {
    WatchList list;
    list.add(Watch{"fm", "fibromyalgia", "2026-01-01T00:00:00Z", std::nullopt}, false);
    try {
        list.add(Watch{"fm", "lupus", "2026-01-02T00:00:00Z", std::nullopt}, false);
        FAIL("a taken name was accepted");
    } catch (const ldn::Error& error) {
        CHECK(error.code() == ldn::ExitCode::usage);
        CHECK(std::string(error.what()) == "a watch named 'fm' exists; add --replace to replace it");
    }
    CHECK(list.find("fm")->query == "fibromyalgia");
    list.add(Watch{"fm", "lupus", "2026-01-02T00:00:00Z", std::nullopt}, true);
    CHECK(list.watches().size() == 1);
    CHECK(list.find("fm")->query == "lupus");
    CHECK_THROWS_AS(list.add(Watch{"no good", "x", "", std::nullopt}, false), ldn::Error);
    CHECK_FALSE(list.remove("lupus"));
    CHECK(list.remove("fm"));
    CHECK(list.find("fm") == nullptr);
}

TEST_CASE("a damaged watches.json is refused with exit 65 naming the file and the fault", "[watch]") {
    const auto [text, fault] = GENERATE(table<std::string, std::string>({
        {"{\"watches\": [", "parse error"},
        {"{}", "key 'watches' not found"},
        {"{\"watches\": {}}", "'watches' is not an array"},
        {R"({"watches": [{"name": "a", "added": "", "matched": null}]})", "key 'query' not found"},
        {R"({"watches": [{"name": "a b", "query": "x", "added": "", "matched": null}]})",
         "watches[0]: 'a b' is not a watch name"},
        {R"({"watches": [{"name": "a", "query": "x", "added": "", "matched": null},
                         {"name": "a", "query": "y", "added": "", "matched": null}]})",
         "the name 'a' is used twice"},
        {R"({"watches": [{"name": "a", "query": "x", "added": "", "matched": ["12a"]}]})",
         "watches[0].matched holds '12a', which is not a PMID"},
    }));
    ldn::test::TempDir dir;
    const auto file = dir.path() / "watches.json";
    write(file, text);
    std::string message;
    INFO(text);
    CHECK(code_of_load(file, message) == ldn::ExitCode::data_error);
    CHECK_THAT(message, Catch::StartsWith(file.string() + ": damaged watch list: "));
    CHECK_THAT(message, Catch::Contains(fault));
}
