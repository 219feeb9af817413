// The outputs of search results: json (one object, keys in DESIGN.md's order, stored key order kept,
// score last), jsonl (one result a line), the export formats, and the table behind the same sink.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "index/document_builder.hpp"
#include "query/cli/search_output.hpp"
#include "tests/unit/query/export_test_records.hpp"

namespace {

using nlohmann::ordered_json;
using ldn::cli::OutputFormat;
using ldn::cli::OutputKind;
using ldn::cli::ResultsSummary;

ldn::SearchHit hit_of(const ldn::ExportRecord& record, double score) {
    return {record.article.pmid, score, ldn::document_data(record.article, record.annotations)};
}

std::vector<ldn::SearchHit> two_hits() {
    ldn::ExportRecord retracted = ldn::test::small_record();
    retracted.article.retracted = true;
    return {hit_of(ldn::test::full_record(), 12.5), hit_of(retracted, 3.25)};
}

ResultsSummary summary_with_facets() {
    ResultsSummary summary;
    summary.query = "\"low dose\" fibromyalgia";
    summary.total = 57;
    summary.facets = {{"year", {{"2019", 1}, {"2020", 1}}}, {"design", {{"rct", 1}, {"other", 1}}}};
    return summary;
}

std::string run_sink(const OutputFormat& format, const ResultsSummary& summary, const std::vector<ldn::SearchHit>& hits) {
    auto sink = ldn::cli::make_result_sink(format, 100);
    std::string out = sink->begin(summary);
    for (const auto& hit : hits) out += sink->hit(hit);
    return out + sink->end();
}

std::vector<std::string> keys_of(const ordered_json& object) {
    std::vector<std::string> keys;
    for (const auto& item : object.items()) keys.push_back(item.key());
    return keys;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace

TEST_CASE("json is one object: query, total, facets, suggestion, results, in that order", "[search-output]") {
    const std::string text = run_sink({OutputKind::json}, summary_with_facets(), two_hits());
    CHECK(lines_of(text).size() == 1);
    CHECK(text.back() == '\n');
    const ordered_json object = ordered_json::parse(text);
    CHECK(keys_of(object) == std::vector<std::string>{"query", "total", "facets", "suggestion", "results"});
    CHECK(object.at("query") == "\"low dose\" fibromyalgia");
    CHECK(object.at("total") == 57);
    CHECK(object.at("facets").dump() == R"({"year":{"2019":1,"2020":1},"design":{"other":1,"rct":1}})");
    CHECK(object.at("suggestion").is_null());
    REQUIRE(object.at("results").size() == 2);
    CHECK(object.at("results")[0].at("pmid") == "31234567");
    CHECK(object.at("results")[1].at("retracted") == true);
}

TEST_CASE("each json result keeps the stored key order, annotations after the Article, score last", "[search-output]") {
    const auto hits = two_hits();
    const ordered_json result = ordered_json::parse(run_sink({OutputKind::json}, {}, hits)).at("results")[0];
    std::vector<std::string> expected = keys_of(ordered_json::parse(hits[0].data));
    REQUIRE(expected.size() == 23);
    CHECK(expected.front() == "pmid");
    CHECK(expected.back() == "annotations");
    expected.push_back("score");
    CHECK(keys_of(result) == expected);
    CHECK(result.at("score") == 12.5);
    CHECK(result.at("annotations").at("design") == "rct");
    CHECK(result.at("annotations").at("doses_mg") == ordered_json::array({1.5, 4.5}));
}

TEST_CASE("json without facets or results still has every key, and carries a suggestion", "[search-output]") {
    ResultsSummary summary;
    summary.query = "fibromialgia";
    summary.suggestion = "fibromyalgia";
    CHECK(run_sink({OutputKind::json}, summary, {}) ==
          "{\"query\":\"fibromialgia\",\"total\":0,\"facets\":{},\"suggestion\":\"fibromyalgia\",\"results\":[]}\n");
}

TEST_CASE("jsonl prints the results alone, one object a line, with their scores", "[search-output]") {
    const auto lines = lines_of(run_sink({OutputKind::jsonl}, summary_with_facets(), two_hits()));
    REQUIRE(lines.size() == 2);
    CHECK(ordered_json::parse(lines[0]).at("pmid") == "31234567");
    CHECK(ordered_json::parse(lines[0]).at("score") == 12.5);
    CHECK(ordered_json::parse(lines[1]).at("pmid") == "30000001");
    CHECK_FALSE(ordered_json::parse(lines[1]).contains("total"));
    CHECK(run_sink({OutputKind::jsonl}, summary_with_facets(), {}).empty());
}

TEST_CASE("a stored document line is the document alone, without a score", "[search-output]") {
    const auto hits = two_hits();
    const std::string line = ldn::cli::document_line(hits[0]);
    CHECK(line.back() == '\n');
    CHECK(lines_of(line).size() == 1);
    CHECK(ordered_json::parse(line) == ordered_json::parse(hits[0].data));
}

TEST_CASE("export formats write the records through their sinks, retraction marked", "[search-output]") {
    const auto hits = two_hits();
    const std::string csv = run_sink({OutputKind::export_format, ldn::ExportFormat::csv}, summary_with_facets(), hits);
    CHECK(csv.starts_with("pmid,"));
    CHECK(lines_of(csv).size() == 3);
    const std::string ama = run_sink({OutputKind::export_format, ldn::ExportFormat::ama}, {}, hits);
    const auto references = lines_of(ama);
    REQUIRE(references.size() == 2);
    CHECK(references[0].starts_with("Doe JF Jr, Müller J, Zhang W. Low-dose naltrexone"));
    CHECK(references[1].starts_with("[RETRACTED] Adams AA. Naltrexone in chronic pain."));
    CHECK(run_sink({OutputKind::export_format, ldn::ExportFormat::csl_json}, {}, {}) == "[]\n");
}

TEST_CASE("the table sink lays out the whole page at the end", "[search-output]") {
    ResultsSummary summary = summary_with_facets();
    summary.offset = 20;
    const std::string table = run_sink({OutputKind::table}, summary, two_hits());
    const auto lines = lines_of(table);
    REQUIRE(lines.size() == 6);
    CHECK(lines[0].starts_with("PMID"));
    CHECK(lines[1].starts_with("31234567  2020  rct"));
    CHECK(lines[2].find("[RETRACTED] Naltrexone in chronic pain.") != std::string::npos);
    CHECK(lines[3] == "Showing 21\u201322 of 57 records.");
    CHECK(lines[4].starts_with("year: 2019 1"));
}

TEST_CASE("the --format names: the table, json, jsonl and every export format", "[search-output]") {
    CHECK(ldn::cli::parse_output_format("table")->kind == OutputKind::table);
    CHECK(ldn::cli::parse_output_format("json")->kind == OutputKind::json);
    CHECK(ldn::cli::parse_output_format("jsonl")->kind == OutputKind::jsonl);
    CHECK(ldn::cli::parse_output_format("csl-json")->export_format == ldn::ExportFormat::csl_json);
    CHECK(ldn::cli::parse_output_format("vancouver")->kind == OutputKind::export_format);
    CHECK_FALSE(ldn::cli::parse_output_format("xml"));
    CHECK_FALSE(ldn::cli::parse_output_format("JSON"));
    CHECK(ldn::cli::output_format_names(true) ==
          "table, json, jsonl, csv, ris, bibtex, csl-json, nbib, ama, vancouver, apa");
    CHECK(ldn::cli::output_format_names(false).starts_with("json, jsonl, csv"));
}

TEST_CASE("the summary keeps the facets in the order asked for, empty ones included", "[search-output]") {
    ldn::SearchRequest request;
    request.offset = 40;
    request.facets = {ldn::Facet::condition, ldn::Facet::year};
    ldn::SearchResults results;
    results.total = 3;
    results.facets["year"] = {{"2020", 3}};
    results.suggestion = "naltrexone";
    const ResultsSummary summary = ldn::cli::summarize("naltrexon", request, results);
    CHECK(summary.query == "naltrexon");
    CHECK(summary.total == 3);
    CHECK(summary.offset == 40);
    REQUIRE(summary.facets.size() == 2);
    CHECK(summary.facets[0].name == "condition");
    CHECK(summary.facets[0].counts.empty());
    CHECK(summary.facets[1].name == "year");
    CHECK(summary.facets[1].counts.at("2020") == 3);
    CHECK(summary.suggestion == std::optional<std::string>("naltrexone"));
}
