// Reading run reports back: run-id order, times, durations of each command's report, the counts in a
// few words, and the aligned table of `ldn runs`.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <string>
#include <tuple>
#include <vector>

#include "query/cli/run_history.hpp"

using ldn::cli::counts_summary;
using ldn::cli::format_duration;
using ldn::cli::format_run_table;
using ldn::cli::parse_utc_time;
using ldn::cli::run_duration_seconds;
using ldn::run_id_before;
using ldn::cli::StoredRun;
using nlohmann::ordered_json;

TEST_CASE("run ids order by time, then by the -N suffix of runs started in the same second", "[runs]") {
    using Row = std::tuple<const char*, const char*, bool>;
    const std::vector<Row> rows{
        {"20261125T020000Z", "20261126T020000Z", true},
        {"20261126T020000Z", "20261125T020000Z", false},
        {"20261126T020000Z", "20261126T020000Z-2", true},  // the first run of a second has no suffix
        {"20261126T020000Z-2", "20261126T020000Z", false},
        {"20261126T020000Z-9", "20261126T020000Z-10", true},  // by number, not by text
        {"20261125T235959Z-10", "20261126T000000Z", true},    // the time decides before the suffix
        {"20261126T020000Z", "20261126T020000Z", false},
        {"20261126T020000Z-3", "20261126T020000Z-x", true},  // a suffix that is not a number comes last
    };
    for (const auto& [a, b, before] : rows) {
        INFO(a << " before " << b);
        CHECK(run_id_before(a, b) == before);
    }
}

TEST_CASE("UTC times are read exactly in the form the reports and the index metadata hold", "[runs]") {
    using std::chrono::sys_days;
    const auto parsed = parse_utc_time("2026-11-26T02:00:05Z");
    REQUIRE(parsed);
    CHECK(*parsed == sys_days(std::chrono::year(2026) / 11 / 26) + std::chrono::hours(2) + std::chrono::seconds(5));
    for (const char* text : {"", "2026-11-26", "2026-11-26T02:00:05", "2026-11-26 02:00:05Z", "2026-02-30T02:00:05Z",
                             "2026-11-26T24:00:00Z", "2026-11-26T02:00:05+01:00", "20261126T020005Z"}) {
        INFO(text);
        CHECK_FALSE(parse_utc_time(text));
    }
}

TEST_CASE("a run's duration comes from each command's report shape", "[runs]") {
    CHECK(run_duration_seconds({{"command", "crawl"}, {"duration_seconds", 1.9}}) == 1.9);
    CHECK(run_duration_seconds(
              {{"command", "refresh"},
               {"duration_seconds", {{"crawl", 150.5}, {"index", 40}, {"watches", 1.5}, {"total", 192}}}}) == 192.0);
    CHECK(run_duration_seconds(
              {{"command", "ingest"}, {"started", "2026-11-26T02:00:00Z"}, {"finished", "2026-11-26T02:03:12Z"}}) ==
          192.0);
    CHECK_FALSE(run_duration_seconds({{"command", "ingest"}}));
    CHECK_FALSE(run_duration_seconds({{"started", "2026-11-26T02:00:00Z"}, {"finished", "yesterday"}}));
    CHECK_FALSE(run_duration_seconds({{"started", "2026-11-26T02:00:00Z"}, {"finished", "2026-11-25T02:00:00Z"}}));
    CHECK_FALSE(run_duration_seconds({{"duration_seconds", "long"}}));
    CHECK_FALSE(run_duration_seconds(ordered_json::array()));
}

TEST_CASE("durations read at a glance, tenths only when measured", "[runs]") {
    const std::vector<std::pair<double, const char*>> rows{
        {0.42, "0.4 s"},     {0.0, "0 s"},           {3.0, "3 s"},         {9.94, "9.9 s"},     {41.2, "41 s"},
        {192, "3 min 12 s"}, {3599.6, "1 h 00 min"}, {7500, "2 h 05 min"}, {273600, "3 d 4 h"}, {-1, "?"},
    };
    for (const auto& [seconds, text] : rows) {
        INFO(seconds);
        CHECK(format_duration(seconds) == text);
    }
}

TEST_CASE("counts in a few words: a refresh's news, key=value for the other commands", "[runs]") {
    const ordered_json refresh{{"command", "refresh"},
                               {"counts",
                                {{"identified", 16},
                                 {"fetched", 16},
                                 {"new", 12},
                                 {"updated", 3},
                                 {"unchanged", 0},
                                 {"deleted", 1},
                                 {"newly_retracted", 0},
                                 {"failed", 0}}},
                               {"alerts", {{"file", "alerts/x.json"}, {"new_matches", 0}}}};
    CHECK(counts_summary(refresh) == "12 new, 3 updated, 1 deleted, 0 failed");

    ordered_json news = refresh;
    news["counts"]["newly_retracted"] = 2;
    news["alerts"]["new_matches"] = 1;
    CHECK(counts_summary(news) == "12 new, 3 updated, 1 deleted, 2 newly retracted, 0 failed; 1 new watch match");

    CHECK(counts_summary({{"command", "refresh"}, {"counts", {{"new", 1}}}}) ==
          "1 new, ? updated, ? deleted, ? failed");
    CHECK(counts_summary({{"command", "crawl"},
                          {"counts", {{"identified", 412}, {"fetched", 412}, {"failed", 0}, {"batches", 3}}}}) ==
          "identified=412 fetched=412 failed=0 batches=3");
    CHECK(counts_summary({{"command", "index"}, {"counts", ordered_json::object()}}) == "-");
    CHECK(counts_summary({{"command", "index"}, {"counts", {{"nested", {{"a", 1}}}, {"added", 2}}}}) == "added=2");
    CHECK(counts_summary({{"command", "index"}}) == "-");
    CHECK(counts_summary({{"command", "index"}, {"counts", 7}}) == "-");
}

TEST_CASE("the runs table aligns its columns and ends no line with spaces", "[runs]") {
    const std::vector<StoredRun> runs{
        {"20261127T020000Z-2",
         "",
         {{"command", "refresh"},
          {"exit_code", 69},
          {"duration_seconds", {{"total", 41.0}}},
          {"counts", {{"new", 0}, {"updated", 0}, {"deleted", 0}, {"failed", 16}}},
          {"error", "efetch batch 12:\nHTTP 502"}}},
        {"20261126T020000Z",
         "",
         {{"command", "index"},
          {"exit_code", 0},
          {"started", "2026-11-26T02:00:00Z"},
          {"finished", "2026-11-26T03:00:00Z"},
          {"counts", {{"added", 1}}}}},
        {"20261125T020000Z", "", {{"command", "crawl"}, {"exit_code", 0}, {"duration_seconds", 2.5}}},
    };
    CHECK(format_run_table(runs) ==
          "20261127T020000Z-2  refresh  69 failed        41 s  0 new, 0 updated, 0 deleted, 16 failed  error: efetch "
          "batch 12: HTTP 502\n"
          "20261126T020000Z    index    0 ok       1 h 00 min  added=1\n"
          "20261125T020000Z    crawl    0 ok            2.5 s  -\n");
    CHECK(format_run_table({}).empty());
}

TEST_CASE("the errors of failed runs line up, whatever the counts of the good runs between them", "[runs]") {
    const auto run = [](const char* id, int exit_code, ordered_json counts, const char* error) {
        return StoredRun{id,
                         "",
                         {{"command", "crawl"},
                          {"exit_code", exit_code},
                          {"duration_seconds", 5.5},
                          {"counts", std::move(counts)},
                          {"error", error}}};
    };
    const std::vector<StoredRun> runs{
        run("20261127T020000Z", 69, {{"failed", 7}}, "NCBI down"),
        run("20261126T020000Z", 0, {{"identified", 123456}, {"fetched", 123456}, {"failed", 0}}, ""),
        run("20261125T020000Z", 74, {{"failed", 1234}}, "disk full"),
    };
    CHECK(format_run_table(runs) ==
          "20261127T020000Z  crawl  69 failed  5.5 s  failed=7     error: NCBI down\n"
          "20261126T020000Z  crawl  0 ok       5.5 s  identified=123456 fetched=123456 failed=0\n"
          "20261125T020000Z  crawl  74 failed  5.5 s  failed=1234  error: disk full\n");
}
