// Proof that real tools read our BibTeX and CSL-JSON: pandoc converts both to CSL-JSON, and the
// names, title, journal, date, pages and identifiers come through. Skipped with a WARN when pandoc is
// not installed (scripts/setup installs it).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "query/export/export_format.hpp"
#include "tests/support/process.hpp"
#include "tests/unit/query/export_test_records.hpp"

using namespace ldn;
using namespace ldn::test;
using Json = nlohmann::json;

namespace {

std::optional<std::filesystem::path> pandoc_on_path() {
    const char* path = std::getenv("PATH");
    if (path == nullptr) return std::nullopt;
    std::stringstream folders(path);
    for (std::string folder; std::getline(folders, folder, ':');) {
        const std::filesystem::path candidate = std::filesystem::path(folder) / "pandoc";
        if (!folder.empty() && std::filesystem::exists(candidate)) return candidate;
    }
    return std::nullopt;
}

// pandoc's CSL-JSON for `text` read as `from`.
Json through_pandoc(const std::filesystem::path& pandoc, const std::string& from, const std::string& text) {
    const TempDir dir;
    const std::filesystem::path input = dir.path() / ("input." + from);
    std::ofstream(input, std::ios::binary) << text;
    const ProcessResult result = run_process(pandoc, {"-f", from, "-t", "csljson", input.string()});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return Json::parse(result.out);
}

// The item of `items` whose id ends with `pmid` (BibTeX keys are "pmidN", CSL ids "pmid:N").
const Json& item_for(const Json& items, const std::string& pmid) {
    for (const Json& item : items)
        if (item.value("PMID", "") == pmid) return item;
    FAIL("no item with PMID " << pmid);
    return items;
}

}  // namespace

TEST_CASE("pandoc reads the BibTeX and CSL-JSON exports", "[export][pandoc]") {
    const std::optional<std::filesystem::path> pandoc = pandoc_on_path();
    if (!pandoc) {
        WARN("skipped: pandoc is not installed (apt-get install pandoc)");
        return;
    }
    const std::vector<ExportRecord> records = {
        full_record(), hostile_record(), retracted_record(),
        with_authors({group("Pain and Sleep Group"), person("Doe", "", "JF"), person("李", "华", "")})};
    // The last three share small_record's PMID; give each its own so the items can be told apart.
    std::vector<ExportRecord> distinct = records;
    distinct[1].article.pmid = "30000002";
    distinct[2].article.pmid = "30000003";
    distinct[3].article.pmid = "30000004";

    for (const char* from : {"bibtex", "csljson"}) {
        CAPTURE(from);
        const ExportFormat format = std::string(from) == "bibtex" ? ExportFormat::bibtex : ExportFormat::csl_json;
        const Json items = through_pandoc(*pandoc, from, format_records(format, distinct));
        REQUIRE(items.size() == 4);

        const Json& full = item_for(items, "31234567");
        CHECK(full["type"] == "article-journal");
        CHECK(full["title"] == "Low-dose naltrexone for fibromyalgia: a randomized, placebo-controlled trial");
        CHECK(full["container-title"] == "The New England journal of medicine");
        CHECK(full["author"] == Json::parse(R"([{"family": "Doe", "given": "John F", "suffix": "Jr"},
                                                {"family": "Müller", "given": "Jörg"},
                                                {"family": "Zhang", "given": "Wei"}])"));
        CHECK(full["issued"]["date-parts"][0][0] == 2020);
        CHECK(full["issued"]["date-parts"][0][1] == 3);
        CHECK(full["page"] == "1865-1876");
        CHECK(full["volume"] == "12");
        CHECK(full["issue"] == "3");
        CHECK(full["DOI"] == "10.1000/ldn.2020.12");

        const Json& hostile = item_for(items, "30000002");
        // pandoc typesets straight apostrophes as typographic ones (its "smart" reading); the text is ours.
        CHECK(hostile["title"] == "=cmd|\u2019 /C calc\u2019!A0");

        const Json& retracted = item_for(items, "30000003");
        CHECK(retracted["note"] == "Retracted publication");

        const Json& names = item_for(items, "30000004");
        CHECK(names["author"][0] == Json::parse(R"({"literal": "Pain and Sleep Group"})"));
        CHECK(names["author"][1]["family"] == "Doe");
        CHECK(names["author"][2] == Json::parse(R"({"family": "李", "given": "华"})"));
    }
}
