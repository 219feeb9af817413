// `ldn parse FILE...` run as a user runs it: JSON Lines on stdout, one-line prefixed messages on stderr,
// and exit codes that mean something (0 ok, 65 bad data, 74 unreadable input).

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "tests/support/paths.hpp"
#include "tests/support/process.hpp"

namespace {

using nlohmann::json;
using ldn::test::fixture;

ldn::test::ProcessResult ldn_parse(const std::vector<std::string>& files) {
    std::vector<std::string> args{"parse"};
    args.insert(args.end(), files.begin(), files.end());
    return ldn::test::run_process(ldn::test::ldn_binary(), args);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// Every stdout line is one JSON object; returns their pmids in order.
std::vector<std::string> stdout_pmids(const ldn::test::ProcessResult& result) {
    std::vector<std::string> pmids;
    for (const std::string& line : lines_of(result.out)) {
        INFO("stdout line: " << line);
        json object;
        REQUIRE_NOTHROW(object = json::parse(line));
        REQUIRE(object.is_object());
        REQUIRE(object.contains("pmid"));
        pmids.push_back(object.at("pmid").get<std::string>());
    }
    return pmids;
}

std::string describe(const ldn::test::ProcessResult& result) {
    return "exit " + std::to_string(result.exit_code) + "\n--- stderr ---\n" + result.err +
           "--- stdout (first 2000 bytes) ---\n" + result.out.substr(0, 2000);
}

}  // namespace

TEST_CASE("ldn parse prints one JSON object per record and exits 0", "[cli][parse]") {
    const auto result = ldn_parse({fixture("delete_citation_at_end.xml").string()});
    INFO(describe(result));
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    CHECK(stdout_pmids(result) ==
          std::vector<std::string>{"31000901", "31000902", "31000910", "31000911", "31000912"});
    CHECK(result.out.back() == '\n');

    const auto lines = lines_of(result.out);
    REQUIRE(lines.size() == 5);
    const json first = json::parse(lines[0]);
    CHECK(first.at("deleted") == false);
    CHECK(first.at("title") == "First article.");
    CHECK(first.at("year") == 2023);
    const json last = json::parse(lines[4]);
    CHECK(last.at("deleted") == true);
    CHECK(last.at("year").is_null());
}

TEST_CASE("ldn parse writes every Article key on every line", "[cli][parse]") {
    const auto result = ldn_parse({fixture("full_record.xml").string()});
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    const auto lines = lines_of(result.out);
    REQUIRE(lines.size() == 1);
    const json object = json::parse(lines[0]);
    for (const char* key : {"pmid", "deleted", "title", "vernacular_title", "abstract", "authors",
                            "journal", "year", "pubdate", "medline_date", "doi", "pmcid", "pii",
                            "publication_types", "mesh", "keywords", "chemicals", "languages",
                            "retracted", "retraction_of", "corrected", "book"}) {
        INFO("key " << key);
        CHECK(object.contains(key));
    }
    CHECK(object.size() == 22);
    CHECK(object.at("pmid") == "31001401");
    CHECK(object.at("doi") == "10.1093/pm/pnaa001");
    CHECK(object.at("pmcid") == "PMC7500001");
    CHECK(object.at("pubdate") == "2020-10-01");
    CHECK(object.at("title") == "Low-dose naltrexone in fibromyalgia: a randomized trial.");
}

TEST_CASE("ldn parse output decodes back to the original UTF-8 text", "[cli][parse]") {
    const auto result = ldn_parse({fixture("inline_markup.xml").string()});
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    const json object = json::parse(lines_of(result.out).at(0));
    CHECK(object.at("title") ==
          "CD4+ T cells in an in vitro study of H2O & bold claims: Müller's 中文 cohort");
}

TEST_CASE("ldn parse reads several files in order, gzip detected by content", "[cli][parse][gzip]") {
    const auto result = ldn_parse({fixture("full_record.xml.gz").string(),
                                   fixture("medline_citation_set.xml").string(),
                                   fixture("full_record.xml").string()});
    INFO(describe(result));
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    CHECK(stdout_pmids(result) ==
          std::vector<std::string>{"31001401", "31001001", "31001002", "31001099", "31001401"});
    const auto lines = lines_of(result.out);
    REQUIRE(lines.size() == 5);
    CHECK(lines.front() == lines.back());  // gzip and plain give byte-identical JSON
}

TEST_CASE("a malformed record gives a warning line, the good records, and exit 65", "[cli][parse]") {
    const std::string path = fixture("malformed_middle.xml").string();
    const auto result = ldn_parse({path});
    INFO(describe(result));
    CHECK(result.exit_code == 65);
    CHECK(stdout_pmids(result) == std::vector<std::string>{"31001101", "31001103"});
    const auto lines = lines_of(result.err);
    REQUIRE(lines.size() == 1);
    const std::string prefix = "ldn: warning: " + path + ": record 2 (PMID 31001102) at byte ";
    CHECK(lines[0].rfind(prefix, 0) == 0);
    CHECK(std::regex_match(lines[0].substr(std::min(prefix.size(), lines[0].size())),
                           std::regex(R"([0-9]+: \S.*)")));
}

TEST_CASE("a record without a PMID is warned about without a PMID part, exit 65", "[cli][parse]") {
    const std::string path = fixture("missing_pmid.xml").string();
    const auto result = ldn_parse({path});
    INFO(describe(result));
    CHECK(result.exit_code == 65);
    CHECK(stdout_pmids(result) == std::vector<std::string>{"31001201", "31001203"});
    const auto lines = lines_of(result.err);
    REQUIRE(lines.size() == 1);
    const std::string prefix = "ldn: warning: " + path + ": record 2 at byte ";
    CHECK(lines[0].rfind(prefix, 0) == 0);
    CHECK(std::regex_match(lines[0].substr(std::min(prefix.size(), lines[0].size())),
                           std::regex(R"([0-9]+: \S.*)")));
}

TEST_CASE("a truncated file prints its complete records, warns, and exits 65", "[cli][parse]") {
    const std::string path = fixture("truncated.xml").string();
    const auto result = ldn_parse({path});
    INFO(describe(result));
    CHECK(result.exit_code == 65);
    CHECK(stdout_pmids(result) == std::vector<std::string>{"31001301"});
    const auto lines = lines_of(result.err);
    REQUIRE_FALSE(lines.empty());
    for (const std::string& line : lines) CHECK(line.rfind("ldn: ", 0) == 0);
    CHECK(result.err.find("ldn: warning: " + path + ": record 2") != std::string::npos);
}

TEST_CASE("an empty file exits 65 with an error naming it", "[cli][parse][errors]") {
    const std::string path = fixture("empty.xml").string();
    const auto result = ldn_parse({path});
    INFO(describe(result));
    CHECK(result.exit_code == 65);
    CHECK(result.out.empty());
    CHECK(result.err.rfind("ldn: error: ", 0) == 0);
    CHECK(result.err.find(path) != std::string::npos);
}

TEST_CASE("a file that is not PubMed XML exits 65 and the message names the file and says so",
          "[cli][parse][errors]") {
    std::string name;
    std::string root;
    std::tie(name, root) = GENERATE(table<std::string, std::string>({
        {"wrong_root_html.xml", "html"},
        {"rss_feed.xml", "rss"},
        {"efetch_error.xml", "eFetchResult"},
    }));
    const std::string path = fixture(name).string();
    const auto result = ldn_parse({path});
    INFO(describe(result));
    CHECK(result.exit_code == 65);
    CHECK(result.out.empty());
    const auto lines = lines_of(result.err);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].rfind("ldn: error: " + path + ": ", 0) == 0);
    CHECK(lines[0].find("not PubMed XML") != std::string::npos);
    CHECK(lines[0].find(root) != std::string::npos);
}

TEST_CASE("a nonexistent file exits 74 with an error naming it", "[cli][parse][errors]") {
    const std::string path = fixture("does-not-exist.xml").string();
    const auto result = ldn_parse({path});
    INFO(describe(result));
    CHECK(result.exit_code == 74);
    CHECK(result.out.empty());
    CHECK(result.err.rfind("ldn: error: ", 0) == 0);
    CHECK(result.err.find(path) != std::string::npos);
}

TEST_CASE("a directory given as a file is unreadable: exit 74", "[cli][parse][errors]") {
    ldn::test::TempDir dir;
    const auto result = ldn_parse({dir.path().string()});
    INFO(describe(result));
    CHECK(result.exit_code == 74);
    CHECK(result.out.empty());
    CHECK(result.err.rfind("ldn: error: ", 0) == 0);
    CHECK(result.err.find(dir.path().string()) != std::string::npos);
}

TEST_CASE("an unreadable file among good ones does not stop the run but sets exit 74",
          "[cli][parse][errors]") {
    // STYLE.md (ripgrep's contract): an error on one input does not abort the run, it changes the
    // final exit code.
    const std::string missing = fixture("does-not-exist.xml").string();
    const auto result = ldn_parse({missing, fixture("full_record.xml").string()});
    INFO(describe(result));
    CHECK(result.exit_code == 74);
    CHECK(stdout_pmids(result) == std::vector<std::string>{"31001401"});
    CHECK(result.err.find(missing) != std::string::npos);
}

TEST_CASE("a file written in a temporary directory parses like its fixture", "[cli][parse]") {
    ldn::test::TempDir dir;
    const auto copy = dir.path() / "renamed.dat";  // no .gz: detection is by content
    std::filesystem::copy_file(fixture("full_record.xml.gz"), copy);
    const auto from_copy = ldn_parse({copy.string()});
    const auto from_plain = ldn_parse({fixture("full_record.xml").string()});
    INFO(describe(from_copy));
    CHECK(from_copy.exit_code == 0);
    CHECK(from_copy.out == from_plain.out);
}

TEST_CASE("ldn parse on a real update file prints its citations then its deletions, exit 0",
          "[cli][parse][samples]") {
    LDN_REQUIRE_SHARED_SAMPLE(path, "updates/update-pubmed26n1335.xml.gz");
    const auto result = ldn_parse({path.string()});
    INFO(describe(result));
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    const auto pmids = stdout_pmids(result);
    REQUIRE(pmids.size() == 36);  // 30 PubmedArticle + 6 PMIDs in the closing DeleteCitation
    CHECK(pmids[30] == "41456105");
    CHECK(pmids[35] == "41618779");
    const auto lines = lines_of(result.out);
    CHECK(json::parse(lines[29]).at("deleted") == false);
    CHECK(json::parse(lines[30]).at("deleted") == true);
}
