// `ldn runs` and `ldn status` through the real binary, as a person and a monitoring script use them.
// The run reports are written by hand with the keys each command really writes (crawl: crawler/crawl.cpp;
// index and ingest: query/cli/index_session.cpp; refresh: issue 7), so every kind of line is covered
// without running a crawl; the index is the search corpus (30 records, one retracted).

#include <catch2/catch.hpp>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "crawler/store_lock.hpp"
#include "index/schema.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/process.hpp"
#include "tests/support/search_index.hpp"

using ldn::test::ProcessResult;
using ldn::test::run_process;
using ldn::test::TempDir;
using nlohmann::ordered_json;
namespace fs = std::filesystem;

namespace {

ProcessResult run_ldn(std::vector<std::string> args, const fs::path& store) {
    args.push_back("--store");
    args.push_back(store.string());
    return run_process(ldn::test::ldn_binary(), args);
}

std::string describe(const ProcessResult& result) {
    return "exit " + std::to_string(result.exit_code) + "\n--- stderr ---\n" + result.err + "--- stdout ---\n" +
           result.out;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

void write_text(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

void write_report(const fs::path& store, const ordered_json& report) {
    write_text(store / "runs" / (report.at("run_id").get<std::string>() + ".json"), report.dump(1) + "\n");
}

ordered_json crawl_report(const std::string& run_id, int exit_code = 0, const std::string& error = "") {
    return {{"run_id", run_id},
            {"command", "crawl"},
            {"topic", "ldn-rheum"},
            {"term", "(naltrexone[tiab]) AND (fibromyalgia[tiab])"},
            {"mode", "full"},
            {"resumed", false},
            {"started", "2026-11-20T02:00:00Z"},
            {"finished", "2026-11-20T02:00:02Z"},
            {"duration_seconds", 1.9},
            {"windows", ordered_json::array({{{"datetype", "pdat"},
                                              {"mindate", "2016-11-20"},
                                              {"maxdate", "2026-11-20"},
                                              {"count", 412},
                                              {"query_translation", "naltrexone[tiab]"}}})},
            {"counts", {{"identified", 412}, {"fetched", 412}, {"failed", 0}, {"batches", 3}}},
            {"requests", 4},
            {"retries", {{"http_429", 0}, {"http_5xx", 0}, {"timeout", 0}}},
            {"exit_code", exit_code},
            {"error", error}};
}

ordered_json index_report(const std::string& run_id, const std::string& command = "index") {
    return {{"run_id", run_id},
            {"command", command},
            {"started", "2026-11-20T02:05:00Z"},
            {"finished", "2026-11-20T02:05:41Z"},
            {"inputs", {{"batches", ordered_json::array({"20261120T020000Z/0001.xml.gz"})}}},
            {"counts",
             {{"added", 412}, {"updated", 0}, {"unchanged", 0}, {"deleted", 0}, {"newly_retracted", 0}, {"failed", 0}}},
            {"documents", 412},
            {"failures", ordered_json::array()},
            {"exit_code", 0}};
}

struct RefreshFigures {
    int added = 12, updated = 3, deleted = 1, newly_retracted = 0, failed = 0, new_matches = 0;
};

ordered_json refresh_report(const std::string& run_id, RefreshFigures figures = {}, int exit_code = 0,
                            const std::string& error = "") {
    return {{"run_id", run_id},
            {"command", "refresh"},
            {"topic", "ldn-rheum"},
            {"term", "(naltrexone[tiab]) AND (fibromyalgia[tiab])"},
            {"mode", "incremental"},
            {"resumed", false},
            {"started", "2026-11-26T02:00:00Z"},
            {"finished", "2026-11-26T02:03:12Z"},
            {"duration_seconds", {{"crawl", 150.5}, {"index", 40.0}, {"watches", 1.5}, {"total", 192.0}}},
            {"windows",
             ordered_json::array({{{"datetype", "edat"}, {"mindate", "2026-11-23"}, {"maxdate", "2026-11-26"}},
                                  {{"datetype", "mdat"}, {"mindate", "2026-11-23"}, {"maxdate", "2026-11-26"}}})},
            {"counts",
             {{"identified", 16},
              {"fetched", 16},
              {"new", figures.added},
              {"updated", figures.updated},
              {"unchanged", 0},
              {"deleted", figures.deleted},
              {"newly_retracted", figures.newly_retracted},
              {"failed", figures.failed}}},
            {"requests", 5},
            {"retries", {{"http_429", 1}, {"http_5xx", 0}}},
            {"documents", 430},
            {"alerts", {{"file", "alerts/" + run_id + ".json"}, {"new_matches", figures.new_matches}}},
            {"exit_code", exit_code},
            {"error", error}};
}

// The column at which the n-th field (0-based, fields separated by two or more spaces) of a line starts.
std::size_t field_column(const std::string& line, int field) {
    std::size_t at = 0;
    for (int i = 0; i < field; ++i) {
        at = line.find("  ", at);
        if (at == std::string::npos) return at;
        at = line.find_first_not_of(' ', at);
    }
    return at;
}

std::string iso_hours_ago(double hours) {
    const auto then = std::chrono::system_clock::now() - std::chrono::seconds(static_cast<long long>(hours * 3600));
    const std::time_t seconds = std::chrono::system_clock::to_time_t(then);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

// The search corpus indexed into `store`, and the refresh metadata `ldn refresh` commits with it.
void index_corpus(const fs::path& store, const std::string& last_refresh = "", const std::string& run_id = "") {
    Xapian::WritableDatabase database(ldn::test::build_search_index(store).string());
    if (!last_refresh.empty()) database.set_metadata(ldn::schema::metadata::last_refresh, last_refresh);
    if (!run_id.empty()) database.set_metadata(ldn::schema::metadata::last_refresh_run, run_id);
    database.commit();
}

std::uintmax_t bytes_under(const fs::path& folder) {
    std::uintmax_t total = 0;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        if (entry.is_regular_file()) total += entry.file_size();
    }
    return total;
}

ordered_json status_json(const fs::path& store, std::vector<std::string> args = {}, int expected_exit = 0) {
    args.insert(args.begin(), "status");
    args.push_back("--format");
    args.push_back("json");
    const ProcessResult result = run_ldn(args, store);
    INFO(describe(result));
    REQUIRE(result.exit_code == expected_exit);
    ordered_json status;
    REQUIRE_NOTHROW(status = ordered_json::parse(result.out));
    return status;
}

}  // namespace

// ---------------------------------------------------------------------------------------------- runs

TEST_CASE("runs lists every command's runs newest first, one aligned line each", "[runs]") {
    TempDir store;
    write_report(store.path(), crawl_report("20261120T020000Z"));
    write_report(store.path(), index_report("20261120T020500Z"));
    write_report(store.path(), refresh_report("20261126T020000Z"));
    write_report(store.path(), refresh_report("20261127T020000Z", {0, 0, 0, 0, 16, 0}, 69,
                                              "efetch batch 12: HTTP 502 after 6 attempts"));

    const ProcessResult result = run_ldn({"runs"}, store.path());
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.empty());
    const std::vector<std::string> lines = lines_of(result.out);
    REQUIRE(lines.size() == 4);
    CHECK_THAT(lines[0], Catch::StartsWith("20261127T020000Z  refresh  69 failed") &&
                             Catch::Contains("0 new, 0 updated, 0 deleted, 16 failed") &&
                             Catch::EndsWith("error: efetch batch 12: HTTP 502 after 6 attempts"));
    CHECK_THAT(lines[1], Catch::StartsWith("20261126T020000Z  refresh  0 ok") && Catch::Contains("3 min 12 s") &&
                             Catch::EndsWith("12 new, 3 updated, 1 deleted, 0 failed"));
    CHECK_THAT(lines[2], Catch::StartsWith("20261120T020500Z  index") && Catch::Contains("41 s") &&
                             Catch::EndsWith("added=412 updated=0 unchanged=0 deleted=0 newly_retracted=0 failed=0"));
    CHECK_THAT(lines[3], Catch::StartsWith("20261120T020000Z  crawl") && Catch::Contains("1.9 s") &&
                             Catch::EndsWith("identified=412 fetched=412 failed=0 batches=3"));
    for (int field : {1, 2, 4}) {  // the duration (3) is aligned on the right: where the counts begin
        INFO("field " << field);
        for (const std::string& line : lines) CHECK(field_column(line, field) == field_column(lines[0], field));
    }
    for (const std::string& line : lines) CHECK_FALSE(line.ends_with(" "));
}

TEST_CASE("runs mentions newly retracted papers and new watch matches of a refresh only when there are some",
          "[runs]") {
    TempDir store;
    write_report(store.path(), refresh_report("20261126T020000Z", {2, 0, 0, 1, 0, 3}));
    write_report(store.path(), refresh_report("20261125T020000Z", {1, 0, 0, 0, 0, 1}));
    const std::vector<std::string> lines = lines_of(run_ldn({"runs"}, store.path()).out);
    REQUIRE(lines.size() == 2);
    CHECK_THAT(lines[0],
               Catch::EndsWith("2 new, 0 updated, 0 deleted, 1 newly retracted, 0 failed; 3 new watch matches"));
    CHECK_THAT(lines[1], Catch::EndsWith("1 new, 0 updated, 0 deleted, 0 failed; 1 new watch match"));
}

TEST_CASE("runs puts a second run of the same second after the first, and run -10 after run -9", "[runs]") {
    TempDir store;
    for (const char* id : {"20261126T020000Z-10", "20261126T020000Z", "20261126T020000Z-9", "20261126T020000Z-2",
                           "20261125T235959Z-3"}) {
        write_report(store.path(), index_report(id, "ingest"));
    }
    const ProcessResult result = run_ldn({"runs", "--format", "json"}, store.path());
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    std::vector<std::string> ids;
    for (const auto& report : ordered_json::parse(result.out)) ids.push_back(report.at("run_id"));
    CHECK(ids == std::vector<std::string>{"20261126T020000Z-10", "20261126T020000Z-9", "20261126T020000Z-2",
                                          "20261126T020000Z", "20261125T235959Z-3"});
}

TEST_CASE("runs --limit keeps the newest N, 20 by default, and 0 lists them all", "[runs]") {
    TempDir store;
    for (int day = 1; day <= 25; ++day) {
        write_report(store.path(),
                     refresh_report("202611" + std::string(day < 10 ? "0" : "") + std::to_string(day) + "T020000Z"));
    }
    const std::vector<std::string> by_default = lines_of(run_ldn({"runs"}, store.path()).out);
    REQUIRE(by_default.size() == 20);
    CHECK_THAT(by_default.front(), Catch::StartsWith("20261125T020000Z"));
    CHECK_THAT(by_default.back(), Catch::StartsWith("20261106T020000Z"));
    const std::vector<std::string> three = lines_of(run_ldn({"runs", "--limit", "3"}, store.path()).out);
    REQUIRE(three.size() == 3);
    CHECK_THAT(three.back(), Catch::StartsWith("20261123T020000Z"));
    CHECK(lines_of(run_ldn({"runs", "--limit", "0"}, store.path()).out).size() == 25);
}

TEST_CASE("runs --format json prints the reports as stored, newest first, in one array", "[runs]") {
    TempDir store;
    const ordered_json older = crawl_report("20261120T020000Z");
    const ordered_json newer = refresh_report("20261126T020000Z", {}, 69, "efetch batch 12: HTTP 502 after 6 attempts");
    write_report(store.path(), older);
    write_report(store.path(), newer);
    const ProcessResult result = run_ldn({"runs", "--format", "json"}, store.path());
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.empty());
    const ordered_json reports = ordered_json::parse(result.out);
    REQUIRE(reports.is_array());
    REQUIRE(reports.size() == 2);
    CHECK(reports[0] == newer);  // ordered_json: the keys in their stored order too
    CHECK(reports[1] == older);
    CHECK(lines_of(result.out).size() == 4);  // "[", one report a line, "]"
}

TEST_CASE("runs skips a damaged report with a warning naming its file and lists the others", "[runs]") {
    TempDir store;
    const fs::path runs = store.path() / "runs";
    write_report(store.path(), refresh_report("20261120T020000Z"));
    write_text(runs / "20261121T020000Z.json", "{\"run_id\": \"20261121T020000Z\", \"command\": \"refr");  // cut short
    write_text(runs / "20261122T020000Z.json", "");
    write_text(runs / "20261123T020000Z.json", "[1, 2, 3]");
    write_text(runs / "20261124T020000Z.json",
               "{\"run_id\": \"20261124T020000Z\", \"started\": \"2026-11-24T02:00:00Z\"}");
    write_text(runs / "20261125T020000Z.json.tmp.4242", "{");  // an atomic write in progress: not a report yet
    write_report(store.path(), index_report("20261126T020000Z"));

    const ProcessResult result = run_ldn({"runs", "--limit", "2"}, store.path());
    INFO(describe(result));
    CHECK(result.exit_code == 0);
    const std::vector<std::string> lines = lines_of(result.out);
    REQUIRE(lines.size() == 2);  // the damaged files do not count towards the limit
    CHECK_THAT(lines[0], Catch::StartsWith("20261126T020000Z  index"));
    CHECK_THAT(lines[1], Catch::StartsWith("20261120T020000Z  refresh"));
    const std::vector<std::string> warnings = lines_of(result.err);
    REQUIRE(warnings.size() == 4);
    CHECK_THAT(warnings[0], Catch::StartsWith("ldn: warning: " + (runs / "20261124T020000Z.json").string() + ": ") &&
                                Catch::EndsWith("(no \"command\"); skipped"));
    CHECK_THAT(warnings[1],
               Catch::Contains((runs / "20261123T020000Z.json").string()) && Catch::Contains("not a JSON object"));
    CHECK_THAT(warnings[2],
               Catch::Contains((runs / "20261122T020000Z.json").string()) && Catch::Contains("not valid JSON"));
    CHECK_THAT(warnings[3],
               Catch::Contains((runs / "20261121T020000Z.json").string()) && Catch::Contains("not valid JSON"));
    CHECK_THAT(result.err, !Catch::Contains("tmp.4242"));
}

TEST_CASE("runs shows what a report lacks as unknown instead of refusing it", "[runs]") {
    TempDir store;
    write_text(store.path() / "runs" / "20261126T020000Z.json", R"({"command": "refresh", "exit_code": 1})");
    const ProcessResult result = run_ldn({"runs"}, store.path());
    INFO(describe(result));
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    CHECK(result.out == "20261126T020000Z  refresh  1 failed  ?  -\n");
}

TEST_CASE("runs on a store without runs says so on stderr and exits 0", "[runs]") {
    TempDir dir;
    for (const fs::path& store : {dir.path() / "absent", dir.path()}) {
        const ProcessResult text = run_ldn({"runs"}, store);
        INFO(describe(text));
        CHECK(text.exit_code == 0);
        CHECK(text.out.empty());
        CHECK_THAT(text.err, Catch::StartsWith("ldn: no runs yet in "));
        const ProcessResult json = run_ldn({"runs", "--format", "json"}, store);
        CHECK(json.exit_code == 0);
        CHECK(json.out == "[]\n");
    }
    CHECK_FALSE(fs::exists(dir.path() / "absent"));
}

TEST_CASE("runs refuses an unknown --format and a negative --limit with exit 2", "[runs]") {
    TempDir store;
    const ProcessResult format = run_ldn({"runs", "--format", "yaml"}, store.path());
    CHECK(format.exit_code == 2);
    CHECK_THAT(format.err, Catch::Contains("--format: unknown format 'yaml' (formats: text, json)"));
    const ProcessResult limit = run_ldn({"runs", "--limit", "-1"}, store.path());
    CHECK(limit.exit_code == 2);
    CHECK_THAT(limit.err, Catch::Contains("--limit"));
}

// -------------------------------------------------------------------------------------------- status

TEST_CASE("status of a store that does not exist reports it, creates nothing, and is stale for --max-age", "[status]") {
    TempDir dir;
    const fs::path store = dir.path() / "absent";
    const ProcessResult text = run_ldn({"status"}, store);
    INFO(describe(text));
    CHECK(text.exit_code == 0);
    CHECK(text.err.empty());
    CHECK_THAT(text.out, Catch::Contains("store         " + store.string() + " (does not exist)\n") &&
                             Catch::Contains("last refresh  never\n") && Catch::Contains("newest run    none\n") &&
                             Catch::Contains("index         " + (store / "index").string() + ": none"));

    const ProcessResult monitored = run_ldn({"status", "--max-age", "36"}, store);
    CHECK(monitored.exit_code == 1);
    CHECK(monitored.err == "ldn: error: store " + store.string() +
                               " was never refreshed (no successful 'ldn refresh' recorded in its index)\n");
    CHECK_FALSE(fs::exists(store));
}

TEST_CASE("status of an index filled by ingest: records, retracted, size, and never refreshed", "[status]") {
    TempDir store;
    const ProcessResult ingest =
        run_ldn({"ingest", "--quiet", ldn::test::fixture("search/corpus.xml").string()}, store.path());
    REQUIRE(ingest.exit_code == 0);

    const ordered_json status = status_json(store.path());
    CHECK(status.at("store") == store.path().string());
    CHECK(status.at("store_exists") == true);
    CHECK(status.at("last_refresh").is_null());
    CHECK(status.at("index").at("present") == true);
    CHECK(status.at("index").at("documents") == 30);
    CHECK(status.at("index").at("retracted") == 1);
    CHECK(status.at("index").at("bytes") == bytes_under(store.path() / "index"));
    CHECK(status.at("index").at("schema_version") == std::to_string(ldn::schema::version));
    CHECK(status.at("newest_run").at("command") == "ingest");
    CHECK(status.at("newest_run").at("exit_code") == 0);
    CHECK(status.at("run_reports") == 1);

    const ProcessResult text = run_ldn({"status"}, store.path());
    CHECK(text.exit_code == 0);
    CHECK_THAT(text.out, Catch::Contains("last refresh  never\n") && Catch::Contains(": 30 records, 1 retracted, ") &&
                             Catch::Contains(" ingest: exit 0 (ok)"));
    CHECK(run_ldn({"status", "--max-age", "36"}, store.path()).exit_code == 1);
}

TEST_CASE("status gives the last refresh's time, run and age, and --max-age passes or fails on it", "[status]") {
    TempDir store;
    const std::string ten_hours_ago = iso_hours_ago(10);
    index_corpus(store.path(), ten_hours_ago, "20261126T020000Z");

    const ordered_json status = status_json(store.path());
    const ordered_json& last = status.at("last_refresh");
    CHECK(last.at("time") == ten_hours_ago);
    CHECK(last.at("run_id") == "20261126T020000Z");
    CHECK(last.at("age_seconds").get<long long>() >= 10 * 3600);
    CHECK(last.at("age_hours").get<double>() == Approx(10.0).margin(0.1));

    const ProcessResult text = run_ldn({"status"}, store.path());
    CHECK_THAT(text.out, Catch::Contains("last refresh  " + ten_hours_ago + ", 10 h ") &&
                             Catch::Contains(" ago (run 20261126T020000Z)\n"));

    const ProcessResult fresh = run_ldn({"status", "--max-age", "12"}, store.path());
    INFO(describe(fresh));
    CHECK(fresh.exit_code == 0);
    CHECK(fresh.err.empty());
    CHECK(status_json(store.path(), {"--max-age", "12"}).at("stale") == false);

    const ProcessResult stale = run_ldn({"status", "--max-age", "8"}, store.path());
    INFO(describe(stale));
    CHECK(stale.exit_code == 1);
    CHECK_THAT(stale.err, Catch::StartsWith("ldn: error: last successful refresh " + ten_hours_ago +
                                            " (run 20261126T020000Z) is 10.") &&
                              Catch::EndsWith(" hours old (more than 8)\n"));
    CHECK_FALSE(stale.out.empty());  // the report is still printed: a check can log it
    const ordered_json stale_json = status_json(store.path(), {"--max-age", "8"}, 1);
    CHECK(stale_json.at("stale") == true);
    CHECK(stale_json.at("max_age_hours") == 8.0);
    CHECK(run_ldn({"status", "--max-age", "9.5"}, store.path()).exit_code == 1);
}

TEST_CASE("status shows the newest run of any command, so a failed night shows", "[status]") {
    TempDir store;
    index_corpus(store.path(), iso_hours_ago(30), "20261125T020000Z");
    write_report(store.path(), refresh_report("20261125T020000Z"));
    write_report(store.path(),
                 refresh_report("20261126T020000Z", {}, 69, "efetch batch 12: HTTP 502 after 6 attempts"));

    const ProcessResult text = run_ldn({"status"}, store.path());
    INFO(describe(text));
    CHECK(text.exit_code == 0);
    CHECK_THAT(text.out, Catch::Contains("newest run    20261126T020000Z refresh: exit 69 (failed), 3 min 12 s: "
                                         "efetch batch 12: HTTP 502 after 6 attempts\n") &&
                             Catch::Contains("run reports   2\n"));
    const ordered_json newest = status_json(store.path()).at("newest_run");
    CHECK(newest.at("run_id") == "20261126T020000Z");
    CHECK(newest.at("exit_code") == 69);
    CHECK(newest.at("ok") == false);
    CHECK(newest.at("duration_seconds") == 192.0);
    CHECK(newest.at("error") == "efetch batch 12: HTTP 502 after 6 attempts");
}

TEST_CASE("status counts the raw store's runs, batches and bytes, and the watches", "[status]") {
    TempDir store;
    const fs::path raw = store.path() / "raw";
    write_text(raw / "20261120T020000Z" / "0001.xml.gz", std::string(1000, 'a'));
    write_text(raw / "20261120T020000Z" / "0002.xml.gz", std::string(500, 'b'));
    write_text(raw / "20261120T020000Z" / "manifest.json", "{}");
    write_text(raw / "20261126T020000Z" / "0001.xml.gz", std::string(20, 'c'));
    write_text(raw / "20261126T020000Z" / "0002.xml.gz.tmp.99", "partial");  // not a batch yet
    write_text(store.path() / "watches.json", R"({"watches": [{"name": "lupus rct"}, {"name": "crps"}]})");

    const ordered_json status = status_json(store.path());
    CHECK(status.at("raw") == ordered_json({{"runs", 2}, {"batches", 3}, {"bytes", bytes_under(raw)}}));
    CHECK(status.at("watches") == 2);
    CHECK(status.at("index").at("present") == false);
    const ProcessResult text = run_ldn({"status"}, store.path());
    CHECK_THAT(text.out, Catch::Contains("raw store     2 runs, 3 batches, 1.5 kB (1529 bytes)\n") &&
                             Catch::Contains("watches       2\n"));
}

TEST_CASE("status json has every key, in a fixed order", "[status]") {
    TempDir store;
    index_corpus(store.path(), iso_hours_ago(1), "20261126T020000Z");
    const ordered_json status = status_json(store.path(), {"--max-age", "36"});
    std::vector<std::string> keys;
    for (const auto& [key, value] : status.items()) keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"store", "store_exists", "now", "last_refresh", "newest_run", "index", "raw",
                                           "run_reports", "watches", "max_age_hours", "stale", "problems"});
    std::vector<std::string> index_keys;
    for (const auto& [key, value] : status.at("index").items()) index_keys.push_back(key);
    CHECK(index_keys ==
          std::vector<std::string>{"path", "present", "documents", "retracted", "shards", "bytes", "schema_version"});
    CHECK(status.at("problems") == ordered_json::array());
    CHECK(status.at("stale") == false);
}

TEST_CASE("status reads a store while another process holds its lock", "[status]") {
    TempDir store;
    index_corpus(store.path(), iso_hours_ago(2), "20261126T020000Z");
    const auto held = ldn::StoreLock::acquire(store.path());
    const ProcessResult result = run_ldn({"status", "--max-age", "36"}, store.path());
    INFO(describe(result));
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
}

TEST_CASE(
    "status exits 74 naming what it cannot read, and --max-age cannot call an unreadable index fresh or never "
    "refreshed",
    "[status]") {
    TempDir store;
    write_text(store.path() / "index" / "iamglass", "this is not a Xapian version file");
    write_text(store.path() / "watches.json", "{\"watches\": ");
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"status"}, std::vector<std::string>{"status", "--max-age", "36"}}) {
        const ProcessResult result = run_ldn(args, store.path());
        INFO(describe(result));
        CHECK(result.exit_code == 74);
        CHECK_THAT(result.err,
                   Catch::Contains("ldn: warning: index " + (store.path() / "index").string() + ": cannot open: ") &&
                       Catch::Contains("ldn: warning: " + (store.path() / "watches.json").string()));
        CHECK_THAT(result.err, !Catch::Contains("never refreshed"));
        CHECK_THAT(result.out, Catch::Contains(": cannot be opened") &&
                                   Catch::Contains("last refresh  unknown (the index cannot be opened)\n"));
    }
    CHECK(status_json(store.path(), {}, 74).at("problems").size() == 2);
}

TEST_CASE("status refuses a --max-age that is not a positive number of hours", "[status]") {
    TempDir store;
    for (const char* value : {"0", "-5", "soon"}) {
        INFO(value);
        const ProcessResult result = run_ldn({"status", "--max-age", value}, store.path());
        CHECK(result.exit_code == 2);
        CHECK_THAT(result.err, Catch::Contains("--max-age"));
    }
    CHECK(run_ldn({"status", "--format", "xml"}, store.path()).exit_code == 2);
}
