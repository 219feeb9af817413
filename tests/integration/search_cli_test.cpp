// `ldn search` and `ldn similar` through the real binary, against the search corpus
// (tests/fixtures/search/README.md lists each record's date, conditions and design).

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "crawler/calendar.hpp"
#include "query/cli/terminal.hpp"
#include "tests/integration/search_cli_support.hpp"

using ldn::test::corpus_pmid;
using ldn::test::corpus_pmids;
using ldn::test::describe;
using ldn::test::ldn_on_corpus;
using ldn::test::lines_of;
using ldn::test::result_pmids;
using nlohmann::json;

namespace {

// `ldn search ARGS... --format json`, checked to exit 0 with nothing on stderr.
json search_json(std::vector<std::string> args) {
    args.insert(args.begin(), "search");
    args.push_back("--format");
    args.push_back("json");
    const auto result = ldn_on_corpus(args);
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.empty());
    json output;
    REQUIRE_NOTHROW(output = json::parse(result.out));
    return output;
}

std::set<std::string> as_set(const std::vector<std::string>& pmids) { return {pmids.begin(), pmids.end()}; }

}  // namespace

TEST_CASE("search without a query finds every record and pages by --limit, 20 by default", "[search-cli]") {
    const json all = search_json({});
    CHECK(all.at("query") == "");
    CHECK(all.at("total") == 30);
    CHECK(all.at("results").size() == 20);
    CHECK(all.at("facets") == json::object());
    CHECK(all.at("suggestion").is_null());
    CHECK(search_json({"--limit", "100"}).at("results").size() == 30);
}

TEST_CASE("search json: a field query, a phrase across shell words, and a filter query", "[search-cli]") {
    const json by_pmid = search_json({"pmid:90000005"});
    CHECK(by_pmid.at("total") == 1);
    CHECK(result_pmids(by_pmid) == corpus_pmids({5}));

    const json words = search_json({"\"systematic", "review\"", "fibromyalgia"});
    CHECK(words.at("query") == "\"systematic review\" fibromyalgia");
    CHECK(as_set(result_pmids(words)) == as_set(corpus_pmids({4, 15})));

    const json lupus = search_json({"condition:lupus"});
    CHECK(lupus.at("total") == 3);
    CHECK(as_set(result_pmids(lupus)) == as_set(corpus_pmids({10, 16, 26})));
}

TEST_CASE("each json result is the stored record with its annotations and a score", "[search-cli]") {
    const json output = search_json({"pmid:90000001"});
    REQUIRE(output.at("results").size() == 1);
    const json& result = output.at("results")[0];
    CHECK(result.at("title") == "Low-dose naltrexone for fibromyalgia: a randomized, placebo-controlled crossover trial.");
    CHECK(result.at("annotations").at("design") == "rct");
    CHECK(result.at("annotations").at("conditions") == json::array({"fibromyalgia"}));
    CHECK(result.at("score").is_number());
    const auto result_line = ldn::test::lines_of(ldn_on_corpus({"search", "pmid:90000001", "--format", "json"}).out);
    REQUIRE(result_line.size() == 1);
    CHECK(result_line[0].starts_with("{\"query\":\"pmid:90000001\",\"total\":1,\"facets\":{},\"suggestion\":null,"
                                     "\"results\":[{\"pmid\":\"90000001\",\"deleted\":false,\"title\":"));
    CHECK(result_line[0].find("\"annotations\":{") < result_line[0].find("\"score\":"));
}

TEST_CASE("search --condition and --design filter, several values of one flag meaning any of them", "[search-cli]") {
    const json fibromyalgia = search_json({"--condition", "fibromyalgia", "--limit", "50"});
    CHECK(fibromyalgia.at("total") == 13);
    CHECK(as_set(result_pmids(fibromyalgia)) == as_set(corpus_pmids({1, 2, 3, 4, 5, 13, 14, 15, 18, 19, 23, 24, 30})));

    const json lupus_or_crps = search_json({"--condition", "lupus", "--condition", "crps"});
    CHECK(as_set(result_pmids(lupus_or_crps)) == as_set(corpus_pmids({10, 16, 26, 11, 15, 21})));
    CHECK(search_json({"--condition", "lupus,crps"}).at("total") == 6);

    const json reviews = search_json({"--design", "sr-ma"});
    CHECK(as_set(result_pmids(reviews)) == as_set(corpus_pmids({4, 15})));
    const json fibromyalgia_rcts = search_json({"--condition", "fibromyalgia", "--design", "rct", "naltrexone"});
    for (const auto& result : fibromyalgia_rcts.at("results")) CHECK(result.at("annotations").at("design") == "rct");
    CHECK(fibromyalgia_rcts.at("total") > 0);
}

TEST_CASE("search --since and --until bound the publication date, --years counts back from today", "[search-cli]") {
    CHECK(as_set(result_pmids(search_json({"--since", "2024-01-01"}))) == as_set(corpus_pmids({7, 15, 21, 23})));
    const json in_2019 = search_json({"--since", "2019-01-01", "--until", "2019-12-31"});
    CHECK(as_set(result_pmids(in_2019)) == as_set(corpus_pmids({16, 19, 20, 30})));

    const std::string eight_years_ago = ldn::Day::today_utc().minus_years(8).iso();
    const json by_years = search_json({"--years", "8", "--limit", "50"});
    const json by_since = search_json({"--since", eight_years_ago, "--limit", "50"});
    CHECK(by_years.at("total") == by_since.at("total"));
    CHECK(as_set(result_pmids(by_years)) == as_set(result_pmids(by_since)));
    CHECK(by_years.at("total") > 0);
    CHECK(by_years.at("total") < 30);
}

TEST_CASE("search --sort date is newest first, --offset and --limit page through it", "[search-cli]") {
    CHECK(result_pmids(search_json({"--sort", "date", "--limit", "3"})) == corpus_pmids({23, 15, 7}));
    const json page = search_json({"--sort", "date", "--offset", "5", "--limit", "5"});
    CHECK(page.at("total") == 30);
    CHECK(result_pmids(page) == corpus_pmids({12, 5, 26, 22, 4}));
    CHECK(search_json({"--offset", "40"}).at("results").empty());
}

TEST_CASE("search --sort evidence puts systematic reviews first, then trials", "[search-cli]") {
    const json output = search_json({"naltrexone", "--sort", "evidence", "--limit", "30"});
    std::vector<int> levels;
    for (const auto& result : output.at("results")) levels.push_back(result.at("annotations").at("evidence_level"));
    REQUIRE(levels.size() >= 3);
    CHECK(std::is_sorted(levels.begin(), levels.end()));
    CHECK(levels.front() == 1);
}

TEST_CASE("search --facets counts every match, only the facets asked for, in the order asked", "[search-cli]") {
    const json output = search_json({"--facets", "design,condition", "--limit", "0"});
    CHECK(output.at("total") == 30);
    CHECK(output.at("results").empty());
    std::vector<std::string> keys;
    const auto ordered = nlohmann::ordered_json::parse(ldn_on_corpus({"search", "--facets", "design,condition", "--limit", "0",
                                                                      "--format", "json"}).out);
    for (const auto& item : ordered.at("facets").items()) keys.push_back(item.key());
    CHECK(keys == std::vector<std::string>{"design", "condition"});
    const json& design = output.at("facets").at("design");
    CHECK(design == json{{"rct", 10}, {"observational", 6}, {"review", 4}, {"non-randomized-trial", 3},
                         {"case-report", 3}, {"sr-ma", 2}, {"case-series", 1}, {"other", 1}});
    const json& condition = output.at("facets").at("condition");
    CHECK(condition.at("fibromyalgia") == 13);
    CHECK(condition.at("rheumatoid-arthritis") == 4);
    CHECK(condition.at("chronic-pain") == 1);

    const json years = search_json({"--facets", "year", "--condition", "fibromyalgia", "--limit", "1"});
    CHECK(years.at("total") == 13);
    CHECK(years.at("results").size() == 1);
    CHECK(years.at("facets").at("year").at("2019") == 2);
    CHECK(years.at("facets").at("year").at("2025") == 2);
}

TEST_CASE("jsonl prints one result a line and nothing else", "[search-cli]") {
    const auto result = ldn_on_corpus({"search", "--condition", "lupus", "--format", "jsonl"});
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    const auto lines = lines_of(result.out);
    REQUIRE(lines.size() == 3);
    for (const std::string& line : lines) {
        const json object = json::parse(line);
        CHECK(object.contains("annotations"));
        CHECK(object.contains("score"));
        CHECK_FALSE(object.contains("total"));
    }
}

TEST_CASE("search writes every export format", "[search-cli]") {
    std::string format;
    std::string start;
    std::tie(format, start) = GENERATE(table<std::string, std::string>({
        {"csv", "pmid,"},
        {"ris", "TY  - JOUR\r\n"},
        {"bibtex", "@article{pmid90000001,"},
        {"csl-json", "["},
        {"nbib", "PMID- 90000001\n"},
        {"ama", "N\u00fa\u00f1ez M, Kj\u00e6r S, Lef\u00e8vre Z. Low-dose naltrexone"},
        {"vancouver", "N\u00fa\u00f1ez M, Kj\u00e6r S, Lef\u00e8vre Z. Low-dose naltrexone"},
        {"apa", "N\u00fa\u00f1ez, M., Kj\u00e6r, S., & Lef\u00e8vre, Z. (2013)."},
    }));
    INFO("format " << format);
    const auto result = ldn_on_corpus({"search", "pmid:90000001", "--format", format});
    INFO(describe(result));
    CHECK(result.exit_code == 0);
    CHECK(result.out.starts_with(start));
}

TEST_CASE("the table lists the page, the count, the facets, and marks a retracted record", "[search-cli]") {
    const auto result =
        ldn_on_corpus({"search", "--condition", "fibromyalgia", "--sort", "date", "--limit", "13", "--facets", "design",
                       "--format", "table"},
                      {"COLUMNS=120"});
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    const auto lines = lines_of(result.out);
    REQUIRE(lines.size() == 16);
    CHECK(lines[0].starts_with("PMID      Year  Design"));
    CHECK(lines[1].starts_with(corpus_pmid(23) + "  2025  rct"));
    CHECK(lines[13].starts_with(corpus_pmid(2) + "  2009"));
    CHECK(lines[14] == "Showing 1\u201313 of 13 records.");
    CHECK(lines[15].starts_with("design: rct 5 \u00b7 "));
    bool retracted_marked = false;
    for (const std::string& line : lines) {
        if (line.starts_with(corpus_pmid(14))) retracted_marked = line.find("[RETRACTED] Low-dose naltrexone") != std::string::npos;
        CHECK(ldn::cli::display_width(line) <= 120);
    }
    CHECK(retracted_marked);
}

TEST_CASE("the table counts a topic-sized result exactly, as json and a bare count do", "[search-cli]") {
    auto with = [](const char* limit, const char* format) {
        return ldn_on_corpus({"search", "naltrexone AND condition:fibromyalgia", "--limit", limit, "--format", format},
                             {"COLUMNS=120"});
    };
    const auto json = with("1", "json");
    INFO(describe(json));
    REQUIRE(json.exit_code == 0);
    const std::size_t exact = nlohmann::json::parse(json.out).at("total").get<std::size_t>();
    REQUIRE(exact > 2);

    const auto table = with("1", "table");
    INFO(describe(table));
    REQUIRE(table.exit_code == 0);
    CHECK(lines_of(table.out).back() == "Showing 1 of " + std::to_string(exact) + " records.");

    const auto count_only = with("0", "table");
    INFO(describe(count_only));
    CHECK(count_only.out == std::to_string(exact) + " records match.\n");
}

TEST_CASE("a query with a syntax error exits 2 naming the problem and its column", "[search-cli]") {
    const auto result = ldn_on_corpus({"search", "(fibromyalgia", "AND", "naltrexone"});
    INFO(describe(result));
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err.starts_with("ldn: error: query: "));
    CHECK(result.err.find(" at column ") != std::string::npos);
    CHECK(lines_of(result.err).size() == 1);
}

TEST_CASE("bad option values exit 2 with a message naming the value", "[search-cli]") {
    std::vector<std::string> args;
    std::string named;
    std::tie(args, named) = GENERATE(table<std::vector<std::string>, std::string>({
        {{"--years", "2", "--since", "2020-01-01"}, "--years and --since/--until exclude each other"},
        {{"--years", "3", "--until", "2020-01-01"}, "--years and --since/--until exclude each other"},
        {{"--since", "2020-13-01"}, "'2020-13-01'"},
        {{"--until", "yesterday"}, "'yesterday'"},
        {{"--since", "2021-01-01", "--until", "2020-01-01"}, "--since 2021-01-01 is after --until 2020-01-01"},
        {{"--sort", "newest"}, "'newest'"},
        {{"--facets", "year,author"}, "'author'"},
        {{"--format", "xml"}, "'xml'"},
        {{"--years", "0"}, "--years"},
        {{"--limit", "-1"}, "--limit wants a number from 0 up, not -1"},
        {{"--offset", "-5"}, "--offset wants a number from 0 up, not -5"},
    }));
    std::vector<std::string> command{"search", "naltrexone"};
    command.insert(command.end(), args.begin(), args.end());
    const auto result = ldn_on_corpus(command);
    INFO(describe(result));
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err.starts_with("ldn: error: "));
    CHECK(result.err.find(named) != std::string::npos);
}

TEST_CASE("search without an index exits 1 and says how to fill it", "[search-cli]") {
    ldn::test::TempDir empty_store;
    const auto result =
        ldn::test::run_process(ldn::test::ldn_binary(), {"search", "naltrexone", "--store", empty_store.path().string()});
    INFO(describe(result));
    CHECK(result.exit_code == 1);
    CHECK(result.out.empty());
    CHECK(result.err.starts_with("ldn: error: no index at "));
    CHECK(result.err.find("ldn ingest") != std::string::npos);
}

TEST_CASE("a reader that closes the pipe early ends the search quietly", "[search-cli]") {
    // With SIGPIPE ignored (as some schedulers and shells leave it), writes fail with EPIPE instead
    // of killing the process: that must still end quietly, with exit 0.
    ldn::test::TempDir dir;
    const auto err_file = dir.path() / "stderr";
    const std::string script = "trap '' PIPE; \"$0\" search --format jsonl --limit 30 --store \"$1\" 2>\"$2\" "
                               "| head -c 1 >/dev/null; echo \"${PIPESTATUS[0]}\"";
    const auto result = ldn::test::run_process("/bin/bash", {"-c", script, ldn::test::ldn_binary().string(),
                                                             ldn::test::corpus_store().string(), err_file.string()});
    INFO(describe(result));
    CHECK(result.out == "0\n");
    CHECK(std::filesystem::file_size(err_file) == 0);
}

TEST_CASE("similar lists related records, never the record itself", "[search-cli]") {
    const auto result = ldn_on_corpus({"similar", "90000001", "--format", "json"});
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    const json output = json::parse(result.out);
    CHECK(output.at("query") == "similar:90000001");
    const auto pmids = result_pmids(output);
    CHECK(output.at("total") == pmids.size());
    CHECK_FALSE(pmids.empty());
    CHECK(pmids.size() <= 10);
    CHECK(std::find(pmids.begin(), pmids.end(), corpus_pmid(1)) == pmids.end());

    const auto three = ldn_on_corpus({"similar", "90000001", "--limit", "3", "--format", "jsonl"});
    CHECK(lines_of(three.out).size() == 3);
    const auto cited = ldn_on_corpus({"similar", "90000001", "--limit", "2", "--format", "ama"});
    CHECK(lines_of(cited.out).size() == 2);
}

TEST_CASE("similar on a PMID the index lacks exits 1, on one that is not a PMID exits 2", "[search-cli]") {
    const auto unknown = ldn_on_corpus({"similar", "123", "--format", "json"});
    INFO(describe(unknown));
    CHECK(unknown.exit_code == 1);
    CHECK(unknown.err.starts_with("ldn: error: "));
    CHECK(unknown.err.find("123") != std::string::npos);
    const auto bad = ldn_on_corpus({"similar", "PMC123"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("'PMC123' is not a PMID") != std::string::npos);
    const auto negative = ldn_on_corpus({"similar", "90000001", "--limit", "-3"});
    CHECK(negative.exit_code == 2);
    CHECK(negative.err.find("--limit wants a number from 0 up") != std::string::npos);
}
