// `ldn summarize` through the binary, on the store ingested from the search corpus
// (tests/fixtures/search/README.md), with --now fixed so every report is reproducible.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "index/schema.hpp"
#include "tests/integration/search_cli_support.hpp"
#include "tests/support/search_index.hpp"

using namespace ldn::test;

namespace {

std::string file_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("summarize prints a markdown report of the past ten years by default", "[summarize-cli]") {
    const auto result = ldn_on_corpus({"summarize", "--now", "2026-01-01"});
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.empty());
    CHECK(result.out.starts_with("# Evidence summary\n"));
    CHECK(result.out.find("- **Publication dates:** 2016-01-01 to 2026-01-01\n") != std::string::npos);
    CHECK(result.out.find("- **Records identified** (matching the query and filters, any date): 30\n") !=
          std::string::npos);
    CHECK(result.out.find("- **Records included** (in the window, human, neither retracted nor corrected): 23\n") != std::string::npos);
    CHECK(result.out.find("| fibromyalgia | 2 | 3 | 1 | 1 | 0 | 1 | 8 |\n") != std::string::npos);
    CHECK(result.out.find("## 8. Gaps\n") != std::string::npos);
}

TEST_CASE("summarize gives the same bytes twice for the same --now", "[summarize-cli]") {
    for (const char* format : {"md", "json", "html"}) {
        INFO(format);
        const auto first = ldn_on_corpus({"summarize", "--now", "2026-01-01", "--years", "20", "--format", format});
        const auto second = ldn_on_corpus({"summarize", "--now", "2026-01-01", "--years", "20", "--format", format});
        INFO(describe(first));
        REQUIRE(first.exit_code == 0);
        CHECK(!first.out.empty());
        CHECK(first.out == second.out);
    }
}

TEST_CASE("summarize json agrees with search facets for the same window and filters", "[summarize-cli]") {
    const auto summary = ldn_on_corpus({"summarize", "condition:fibromyalgia OR condition:crps", "--since",
                                        "2018-01-01", "--now", "2026-01-01", "--format", "json"});
    const auto facets =
        ldn_on_corpus({"search", "condition:fibromyalgia OR condition:crps", "--since", "2018-01-01", "--until",
                       "2026-01-01", "--limit", "0", "--facets", "condition,design,year", "--format", "json"});
    INFO(describe(summary) << describe(facets));
    REQUIRE(summary.exit_code == 0);
    REQUIRE(facets.exit_code == 0);
    const auto report = nlohmann::json::parse(summary.out);
    const auto counts = nlohmann::json::parse(facets.out);
    // No record of this window is retracted or non-human, so every match is included.
    CHECK(report["scope"]["excluded"]["retracted"] == 0);
    CHECK(report["scope"]["included"] == counts["total"]);

    std::map<std::string, std::size_t> per_condition;
    for (const auto& [condition, designs] : report["evidence_map"].items()) {
        for (const auto& [design, count] : designs.items()) per_condition[condition] += count.get<std::size_t>();
    }
    std::map<std::string, std::size_t> per_design;
    std::map<std::string, std::size_t> per_year;
    for (const auto& [year, designs] : report["timeline"].items()) {
        for (const auto& [design, count] : designs.items()) {
            per_design[design] += count.get<std::size_t>();
            per_year[year] += count.get<std::size_t>();
        }
    }
    CHECK(per_condition == counts["facets"]["condition"].get<std::map<std::string, std::size_t>>());
    CHECK(per_design == counts["facets"]["design"].get<std::map<std::string, std::size_t>>());
    CHECK(per_year == counts["facets"]["year"].get<std::map<std::string, std::size_t>>());
}

TEST_CASE("summarize -o writes the file and refuses to replace it without --force", "[summarize-cli]") {
    TempDir dir;
    const auto file = dir.path() / "summary.md";
    const auto written = ldn_on_corpus({"summarize", "--now", "2026-01-01", "-o", file.string()});
    INFO(describe(written));
    REQUIRE(written.exit_code == 0);
    CHECK(written.out.empty());
    const std::string first = file_text(file);
    CHECK(first.starts_with("# Evidence summary\n"));

    const auto refused = ldn_on_corpus({"summarize", "--now", "2026-01-01", "--format", "json", "-o", file.string()});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err == "ldn: error: " + file.string() + " exists; add --force to replace it\n");
    CHECK(file_text(file) == first);

    const auto bad_query = ldn_on_corpus({"summarize", "(lupus", "-o", file.string(), "--force"});
    CHECK(bad_query.exit_code == 2);
    CHECK(file_text(file) == first);

    const auto forced =
        ldn_on_corpus({"summarize", "--now", "2026-01-01", "--format", "json", "-o", file.string(), "--force"});
    INFO(describe(forced));
    CHECK(forced.exit_code == 0);
    CHECK(nlohmann::json::parse(file_text(file))["scope"]["included"] == 23);
}

TEST_CASE("summarize rejects bad options with exit 2", "[summarize-cli]") {
    struct Row {
        std::vector<std::string> args;
        std::string message;
    };
    const std::vector<Row> rows{
        {{"summarize", "(lupus"}, ""},
        {{"summarize", "--format", "pdf"}, "ldn: error: --format: unknown format 'pdf' (formats: md, html, json)\n"},
        {{"summarize", "--years", "5", "--since", "2020-01-01"},
         "ldn: error: --years and --since exclude each other\n"},
        {{"summarize", "--now", "2026-02-30"}, "ldn: error: --now wants a date as YYYY-MM-DD, not '2026-02-30'\n"},
        {{"summarize", "--years", "0"}, "ldn: error: --years wants a number from 1 to 200, not 0\n"},
        {{"summarize", "--since", "2027-01-01", "--now", "2026-01-01"},
         "ldn: error: --since 2027-01-01 is after --now 2026-01-01\n"},
    };
    for (const Row& row : rows) {
        const auto result = ldn_on_corpus(row.args);
        INFO(describe(result));
        CHECK(result.exit_code == 2);
        CHECK(result.out.empty());
        if (!row.message.empty()) CHECK(result.err == row.message);
    }
}

TEST_CASE("summarize without an index exits 1 and says how to fill one", "[summarize-cli]") {
    TempDir empty_store;
    const auto result = run_process(ldn_binary(), {"summarize", "--store", empty_store.path().string()});
    INFO(describe(result));
    CHECK(result.exit_code == 1);
    CHECK(result.out.empty());
    CHECK(result.err.starts_with("ldn: error: "));
}

TEST_CASE("summarize --condition narrows the report to that condition", "[summarize-cli]") {
    const auto result = ldn_on_corpus({"summarize", "--condition", "crps", "--now", "2026-01-01", "--format", "json"});
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    const auto report = nlohmann::json::parse(result.out);
    CHECK(report["scope"]["conditions"] == nlohmann::json::array({"crps"}));
    CHECK(report["scope"]["identified"] == 3);
    CHECK(report["scope"]["included"] == 3);
    REQUIRE(report["conditions"].size() == 1);
    CHECK(report["conditions"][0]["condition"] == "crps");
    CHECK(report["gaps"]["conditions_without_rct"].empty());
}

TEST_CASE("summarize shows the search strategy and last refresh of a crawled index", "[summarize-cli]") {
    TempDir store;
    {
        // What `ldn index` after a crawl leaves: the topic's name and the time of the refresh.
        Xapian::WritableDatabase database(build_search_index(store.path()).string());
        database.set_metadata(ldn::schema::metadata::topic, "ldn-rheum");
        database.set_metadata(ldn::schema::metadata::last_refresh, "2025-12-31T02:00:00Z");
        database.commit();
    }
    const auto result =
        run_process(ldn_binary(), {"summarize", "--now", "2026-01-01", "--store", store.path().string()});
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.starts_with("# Evidence summary: ldn-rheum\n"));
    CHECK(result.out.find("- **Search strategy:** topic ldn-rheum, this PubMed query:\n\n  ```text\n  "
                          "(\"Naltrexone\"[MeSH Terms] OR ") != std::string::npos);
    CHECK(result.out.find("- **Last refresh of the index:** 2025-12-31T02:00:00Z\n") != std::string::npos);
}
