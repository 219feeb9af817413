// `ldn watch add|list|rm` through the real binary, each test on a store of its own holding the
// search corpus (tests/fixtures/search/README.md: 13 fibromyalgia records, 3 lupus, 10 rct).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "crawler/store_lock.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/process.hpp"
#include "tests/support/search_index.hpp"

using ldn::test::ProcessResult;
using ldn::test::TempDir;
using nlohmann::json;

namespace {

// A store whose index holds the search corpus, and no watches yet.
struct CorpusStore {
    TempDir dir;
    CorpusStore() { ldn::test::build_search_index(dir.path()); }
    std::filesystem::path watches() const { return dir.path() / "watches.json"; }
};

// `ldn ARGS... --store STORE`.
ProcessResult ldn_in(const std::filesystem::path& store, std::vector<std::string> args) {
    args.push_back("--store");
    args.push_back(store.string());
    return ldn::test::run_process(ldn::test::ldn_binary(), args);
}

std::string describe(const ProcessResult& result) {
    return "exit " + std::to_string(result.exit_code) + "\n--- stderr ---\n" + result.err + "--- stdout ---\n" + result.out;
}

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

json listed(const std::filesystem::path& store) {
    const ProcessResult result = ldn_in(store, {"watch", "list", "--format", "json"});
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    json output;
    REQUIRE_NOTHROW(output = json::parse(result.out));
    return output;
}

std::vector<std::string> corpus_pmids(std::initializer_list<int> numbers) {
    std::vector<std::string> pmids;
    for (int number : numbers) pmids.push_back(std::to_string(90000000 + number));
    return pmids;
}

}  // namespace

TEST_CASE("watch add saves the query with what matches today, and list shows it", "[watch]") {
    CorpusStore store;
    const ProcessResult added = ldn_in(store.dir.path(), {"watch", "add", "fm", "condition:fibromyalgia"});
    INFO(describe(added));
    REQUIRE(added.exit_code == 0);
    CHECK(added.out.empty());
    CHECK(added.err == "ldn: watch fm added: 13 records match now; each refresh reports the new ones\n");

    const json saved = json::parse(slurp(store.watches()));
    REQUIRE(saved.at("watches").size() == 1);
    const json& watch = saved.at("watches")[0];
    CHECK(watch.at("name") == "fm");
    CHECK(watch.at("query") == "condition:fibromyalgia");
    CHECK(std::regex_match(watch.at("added").get<std::string>(), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
    CHECK(watch.at("matched").get<std::vector<std::string>>() ==
          corpus_pmids({1, 2, 3, 4, 5, 13, 14, 15, 18, 19, 23, 24, 30}));

    const json list = listed(store.dir.path());
    REQUIRE(list.at("watches").size() == 1);
    const json& entry = list.at("watches")[0];
    CHECK(entry.at("name") == "fm");
    CHECK(entry.at("query") == "condition:fibromyalgia");
    CHECK(entry.at("added") == watch.at("added"));
    CHECK(entry.at("matches") == 13);
    CHECK(entry.at("problem").is_null());
}

TEST_CASE("watch add joins the query's words as search does, and the table lists name, matches, day and query",
          "[watch]") {
    CorpusStore store;
    REQUIRE(ldn_in(store.dir.path(), {"watch", "add", "lupus", "condition:lupus"}).exit_code == 0);
    REQUIRE(ldn_in(store.dir.path(), {"watch", "add", "fm-rct", "condition:fibromyalgia", "design:rct"}).exit_code == 0);
    const ProcessResult table = ldn_in(store.dir.path(), {"watch", "list", "--format", "table"});
    INFO(describe(table));
    REQUIRE(table.exit_code == 0);
    const std::string day = json::parse(slurp(store.watches())).at("watches")[0].at("added").get<std::string>().substr(0, 10);
    CHECK(table.out == "Name    Matches  Added       Query\n"
                       "fm-rct        5  " + day + "  condition:fibromyalgia design:rct\n"
                       "lupus         3  " + day + "  condition:lupus\n");
}

TEST_CASE("watch add before the store has an index keeps no baseline, and list shows no count", "[watch]") {
    TempDir store;
    const ProcessResult added = ldn_in(store.path(), {"watch", "add", "fm", "fibro*"});
    INFO(describe(added));
    REQUIRE(added.exit_code == 0);
    CHECK(added.err == "ldn: watch fm added: the store has no index yet, so the first refresh records what it "
                       "matches and later ones report what is new\n");
    CHECK(json::parse(slurp(store.path() / "watches.json")).at("watches")[0].at("matched").is_null());
    const json list = listed(store.path());
    CHECK(list.at("watches")[0].at("matches").is_null());
    const ProcessResult table = ldn_in(store.path(), {"watch", "list", "--format", "table"});
    CHECK_THAT(table.out, Catch::Contains("\nfm          -  "));
}

TEST_CASE("watch add refuses a name in use with exit 2 unless --replace", "[watch]") {
    CorpusStore store;
    REQUIRE(ldn_in(store.dir.path(), {"watch", "add", "fm", "condition:fibromyalgia"}).exit_code == 0);
    const std::string before = slurp(store.watches());
    const ProcessResult taken = ldn_in(store.dir.path(), {"watch", "add", "fm", "condition:lupus"});
    CHECK(taken.exit_code == 2);
    CHECK(taken.err == "ldn: error: a watch named 'fm' exists; add --replace to replace it\n");
    CHECK(slurp(store.watches()) == before);

    const ProcessResult replaced = ldn_in(store.dir.path(), {"watch", "add", "fm", "condition:lupus", "--replace"});
    INFO(describe(replaced));
    CHECK(replaced.exit_code == 0);
    CHECK(replaced.err == "ldn: watch fm replaced: 3 records match now; each refresh reports the new ones\n");
    const json watch = json::parse(slurp(store.watches())).at("watches")[0];
    CHECK(watch.at("query") == "condition:lupus");
    CHECK(watch.at("matched").get<std::vector<std::string>>() == corpus_pmids({10, 16, 26}));
}

TEST_CASE("watch add refuses a bad name with exit 2 and saves nothing", "[watch]") {
    CorpusStore store;
    const auto [name, problem] = GENERATE(table<std::string, std::string>({
        {"low back", "use letters, digits, '.', '_' and '-' only"},
        {"a/b", "use letters, digits, '.', '_' and '-' only"},
        {"", "it is empty"},
        {std::string(65, 'x'), "it is longer than 64 characters"},
    }));
    const ProcessResult result = ldn_in(store.dir.path(), {"watch", "add", name, "lupus"});
    INFO(describe(result));
    CHECK(result.exit_code == 2);
    CHECK(result.err == "ldn: error: '" + name + "' is not a watch name: " + problem + "\n");
    CHECK_FALSE(std::filesystem::exists(store.watches()));
}

TEST_CASE("watch add reports a bad query exactly as search does, with its column, exit 2", "[watch]") {
    CorpusStore store;
    for (const std::string query : {"(fibromyalgia AND naltrexone", "titel:pain", "lupus AND"}) {
        const ProcessResult watch = ldn_in(store.dir.path(), {"watch", "add", "w", query});
        const ProcessResult search = ldn_in(store.dir.path(), {"search", query});
        INFO(describe(watch));
        CHECK(watch.exit_code == 2);
        CHECK(search.exit_code == 2);
        CHECK_THAT(watch.err, Catch::StartsWith("ldn: error: query: ") && Catch::Contains(" at column "));
        CHECK(watch.err == search.err);
    }
    CHECK_FALSE(std::filesystem::exists(store.watches()));
}

TEST_CASE("watch rm deletes a watch, and an unknown name exits 1 naming the watches there are", "[watch]") {
    CorpusStore store;
    REQUIRE(ldn_in(store.dir.path(), {"watch", "add", "fm", "fibromyalgia"}).exit_code == 0);
    REQUIRE(ldn_in(store.dir.path(), {"watch", "add", "lupus", "lupus"}).exit_code == 0);

    const ProcessResult unknown = ldn_in(store.dir.path(), {"watch", "rm", "crps"});
    CHECK(unknown.exit_code == 1);
    CHECK(unknown.err == "ldn: error: no watch named 'crps' (watches: fm, lupus)\n");

    const ProcessResult removed = ldn_in(store.dir.path(), {"watch", "rm", "fm"});
    INFO(describe(removed));
    CHECK(removed.exit_code == 0);
    CHECK(removed.err == "ldn: watch fm removed\n");
    const json list = listed(store.dir.path());
    REQUIRE(list.at("watches").size() == 1);
    CHECK(list.at("watches")[0].at("name") == "lupus");

    REQUIRE(ldn_in(store.dir.path(), {"watch", "rm", "lupus"}).exit_code == 0);
    CHECK(ldn_in(store.dir.path(), {"watch", "rm", "lupus"}).err == "ldn: error: no watch named 'lupus' (watches: none)\n");
}

TEST_CASE("watch add and rm exit 75 naming the holder while a run holds the store, list still reads", "[watch]") {
    CorpusStore store;
    REQUIRE(ldn_in(store.dir.path(), {"watch", "add", "fm", "fibromyalgia"}).exit_code == 0);
    const std::string before = slurp(store.watches());
    const ldn::StoreLock held = ldn::StoreLock::acquire(store.dir.path());
    const std::string holder = "PID " + std::to_string(::getpid());

    const ProcessResult add = ldn_in(store.dir.path(), {"watch", "add", "lupus", "lupus"});
    CHECK(add.exit_code == 75);
    CHECK_THAT(add.err, Catch::Contains(holder));
    const ProcessResult remove = ldn_in(store.dir.path(), {"watch", "rm", "fm"});
    CHECK(remove.exit_code == 75);
    CHECK_THAT(remove.err, Catch::Contains(holder));
    CHECK(slurp(store.watches()) == before);

    CHECK(listed(store.dir.path()).at("watches").size() == 1);
}

TEST_CASE("watch list of a store without watches is an empty json list, or a note instead of a table", "[watch]") {
    CorpusStore store;
    CHECK(listed(store.dir.path()) == json{{"watches", json::array()}});
    const ProcessResult table = ldn_in(store.dir.path(), {"watch", "list", "--format", "table"});
    CHECK(table.exit_code == 0);
    CHECK(table.out.empty());
    CHECK(table.err == "ldn: no watches yet; add one with 'ldn watch add NAME QUERY'\n");
}

TEST_CASE("watch list flags a saved query that no longer parses, with a warning, and still lists the rest",
          "[watch]") {
    CorpusStore store;
    std::ofstream(store.watches()) << R"({"watches": [
        {"name": "broken", "query": "titel:pain", "added": "2026-01-01T00:00:00Z", "matched": []},
        {"name": "lupus", "query": "condition:lupus", "added": "2026-01-01T00:00:00Z", "matched": []}]})";
    const ProcessResult result = ldn_in(store.dir.path(), {"watch", "list", "--format", "json"});
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    CHECK_THAT(result.err, Catch::StartsWith("ldn: warning: watch broken: query: unknown field 'titel:'"));
    const json list = json::parse(result.out);
    CHECK(list.at("watches")[0].at("matches").is_null());
    CHECK_THAT(list.at("watches")[0].at("problem").get<std::string>(), Catch::Contains("at column 1"));
    CHECK(list.at("watches")[1].at("matches") == 3);
}

TEST_CASE("watch usage errors exit 2: no subcommand, an unknown list format", "[watch]") {
    CorpusStore store;
    CHECK(ldn_in(store.dir.path(), {"watch"}).exit_code == 2);
    const ProcessResult format = ldn_in(store.dir.path(), {"watch", "list", "--format", "csv"});
    CHECK(format.exit_code == 2);
    CHECK(format.err == "ldn: error: --format wants table or json, not 'csv'\n");
}

TEST_CASE("a damaged watches.json stops watch list and add with exit 65 naming the file", "[watch]") {
    CorpusStore store;
    std::ofstream(store.watches()) << "{\"watches\": [";
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"watch", "list"}, std::vector<std::string>{"watch", "add", "fm", "fibromyalgia"}}) {
        const ProcessResult result = ldn_in(store.dir.path(), args);
        INFO(describe(result));
        CHECK(result.exit_code == 65);
        CHECK_THAT(result.err, Catch::StartsWith("ldn: error: " + store.watches().string() + ": damaged watch list: "));
    }
}
