// `ldn show`, `ldn cite` and `ldn export` through the real binary, against the search corpus
// (tests/fixtures/search/README.md).

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <tuple>
#include <vector>

#include "query/cli/terminal.hpp"
#include "tests/integration/search_cli_support.hpp"

using ldn::test::corpus_pmid;
using ldn::test::describe;
using ldn::test::ldn_on_corpus;
using ldn::test::lines_of;
using ldn::test::result_pmids;
using nlohmann::json;

namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

std::size_t count_of(const std::string& text, const std::string& needle) {
    std::size_t count = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++count;
    return count;
}

std::vector<std::string> folder_entries(const std::filesystem::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) names.push_back(entry.path().filename().string());
    return names;
}

}  // namespace

TEST_CASE("show prints the whole record: abstract sections, annotations and links", "[search-cli]") {
    const auto result = ldn_on_corpus({"show", "90000001"}, {"COLUMNS=120"});
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.empty());
    const std::string& text = result.out;
    CHECK(text.starts_with("Low-dose naltrexone for fibromyalgia: a randomized, placebo-controlled crossover trial.\n"));
    CHECK(text.find("Authors:    Núñez M, Kjær S, Lefèvre Z\n") != std::string::npos);
    CHECK(text.find("Journal:    Arthritis and rheumatism. 2013;11(2):101-108\n") != std::string::npos);
    CHECK(text.find("Published:  2013-02-15\n") != std::string::npos);
    CHECK(text.find("\nOBJECTIVE: To test whether low-dose naltrexone") != std::string::npos);
    CHECK(text.find("\nCONCLUSIONS: Low-dose naltrexone reduced") != std::string::npos);
    CHECK(text.find("MeSH:       *Fibromyalgia; Naltrexone; Humans\n") != std::string::npos);
    CHECK(text.find("\nAnnotations\n  Design:     rct (evidence level 2)\n  Conditions: fibromyalgia\n") != std::string::npos);
    CHECK(text.find("PubMed:     https://pubmed.ncbi.nlm.nih.gov/90000001/\n") != std::string::npos);
    CHECK(text.find("DOI:        https://doi.org/10.1002/art.90001\n") != std::string::npos);
    CHECK(text.find("PMC:") == std::string::npos);
    CHECK(text.find("RETRACTED") == std::string::npos);
}

TEST_CASE("show wraps to 80 columns off a terminal without COLUMNS", "[search-cli]") {
    const auto result = ldn::test::run_process("/usr/bin/env", {"-u", "COLUMNS", ldn::test::ldn_binary().string(), "show",
                                                                "90000001", "--store", ldn::test::corpus_store().string()});
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.starts_with("Low-dose naltrexone for fibromyalgia: a randomized, placebo-controlled crossover\ntrial.\n"));
    for (const std::string& line : lines_of(result.out)) CHECK(ldn::cli::display_width(line) <= 80);
}

TEST_CASE("show prints several records apart by a blank line, a retracted one with its warning", "[search-cli]") {
    const auto result = ldn_on_corpus({"show", "90000013", "90000014"});
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    const auto at = result.out.find("\n\n[RETRACTED] This publication has been retracted.\n"
                                    "Low-dose naltrexone improves sleep in fibromyalgia: a randomized trial.\n");
    CHECK(at != std::string::npos);
    CHECK(result.out.starts_with("Naltrexone in fibromyalgia: more questions than answers.\n"));
    CHECK(result.out.substr(0, at).find("OBJECTIVE") == std::string::npos);  // 90000013 is a letter, no abstract
}

TEST_CASE("show names an unknown PMID, still prints the others, and exits 1", "[search-cli]") {
    const auto result = ldn_on_corpus({"show", "90000002", "123", "90000003"});
    INFO(describe(result));
    CHECK(result.exit_code == 1);
    CHECK(result.err == "ldn: error: PMID 123 is not in the index\n");
    CHECK(result.out.starts_with("Fibromyalgia symptoms are reduced by low-dose naltrexone"));
    CHECK(result.out.find("\n\nLDN and pain sensitivity in fibromyalgia") != std::string::npos);
}

TEST_CASE("show refuses what is not a PMID with exit 2 before printing anything", "[search-cli]") {
    const auto result = ldn_on_corpus({"show", "90000001", "PMC123"});
    INFO(describe(result));
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err == "ldn: error: 'PMC123' is not a PMID (PubMed ids are digits)\n");
}

TEST_CASE("show --format json prints each stored document on a line, in the order given", "[search-cli]") {
    const auto result = ldn_on_corpus({"show", "--format", "json", "90000002", "90000001"});
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    const auto lines = lines_of(result.out);
    REQUIRE(lines.size() == 2);
    const auto second = nlohmann::ordered_json::parse(lines[1]);
    CHECK(nlohmann::ordered_json::parse(lines[0]).at("pmid") == "90000002");
    CHECK(second.at("pmid") == "90000001");
    CHECK(second.begin().key() == "pmid");
    CHECK(std::prev(second.end()).key() == "annotations");
    CHECK_FALSE(second.contains("score"));
    CHECK(ldn_on_corpus({"show", "--format", "xml", "90000001"}).exit_code == 2);
}

TEST_CASE("cite prints one reference a line in the order given, AMA by default", "[search-cli]") {
    const auto result = ldn_on_corpus({"cite", "90000014", "90000001"});
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    const auto lines = lines_of(result.out);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "[RETRACTED] Fabricated F. Low-dose naltrexone improves sleep in fibromyalgia: a randomized "
                      "trial. J Pain Res. 2011;24(3):114-121. doi:10.2147/JPR.S90014");
    CHECK(lines[1] == "Núñez M, Kjær S, Lefèvre Z. Low-dose naltrexone for fibromyalgia: a randomized, "
                      "placebo-controlled crossover trial. Arthritis Rheum. 2013;11(2):101-108. doi:10.1002/art.90001");
}

TEST_CASE("cite --style vancouver and apa", "[search-cli]") {
    const auto vancouver = ldn_on_corpus({"cite", "--style", "vancouver", "90000001"});
    INFO(describe(vancouver));
    CHECK(vancouver.out == "Núñez M, Kjær S, Lefèvre Z. Low-dose naltrexone for fibromyalgia: a randomized, "
                           "placebo-controlled crossover trial. Arthritis Rheum. 2013 Feb 15;11(2):101-8. "
                           "doi:10.1002/art.90001\n");
    const auto apa = ldn_on_corpus({"cite", "--style", "apa", "90000001"});
    INFO(describe(apa));
    CHECK(apa.out == "Núñez, M., Kjær, S., & Lefèvre, Z. (2013). Low-dose naltrexone for fibromyalgia: a randomized, "
                     "placebo-controlled crossover trial. Arthritis and Rheumatism, 11(2), 101\u2013108. "
                     "https://doi.org/10.1002/art.90001\n");
}

TEST_CASE("cite reports an unknown PMID and exits 1, a bad style exits 2", "[search-cli]") {
    const auto result = ldn_on_corpus({"cite", "90000999", "90000001"});
    INFO(describe(result));
    CHECK(result.exit_code == 1);
    CHECK(result.err == "ldn: error: PMID 90000999 is not in the index\n");
    CHECK(lines_of(result.out).size() == 1);
    CHECK(result.out.starts_with("Núñez M"));

    const auto bad_style = ldn_on_corpus({"cite", "--style", "bibtex", "90000001"});
    CHECK(bad_style.exit_code == 2);
    CHECK(bad_style.err.find("'bibtex'") != std::string::npos);
    CHECK(bad_style.out.empty());
}

TEST_CASE("export writes every match to the file, not a page, and says how many", "[search-cli]") {
    ldn::test::TempDir dir;
    const auto file = dir.path() / "all.json";
    const auto result = ldn_on_corpus({"export", "--sort", "date", "--format", "json", "-o", file.string()});
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.empty());
    CHECK(result.err == "ldn: export: 30 records written to " + file.string() + "\n");
    const json output = json::parse(read_file(file));
    CHECK(output.at("total") == 30);
    REQUIRE(output.at("results").size() == 30);
    CHECK(result_pmids(output).front() == corpus_pmid(23));
    CHECK(result_pmids(output).back() == corpus_pmid(2));
    CHECK(folder_entries(dir.path()) == std::vector<std::string>{"all.json"});  // no temporary left behind
}

TEST_CASE("export takes the search filters and writes each format", "[search-cli]") {
    std::string format;
    std::string start;
    std::string per_record;
    std::tie(format, start, per_record) = GENERATE(table<std::string, std::string, std::string>({
        {"csv", "pmid,year,title,", "https://pubmed.ncbi.nlm.nih.gov/"},
        {"ris", "TY  - JOUR\r\n", "ER  - "},
        {"bibtex", "@article{pmid", "@article{"},
        {"csl-json", "[", "\"type\": \"article-journal\""},
        {"nbib", "PMID- 900000", "PMID- "},
        {"ama", "", "\n"},
        {"vancouver", "", "\n"},
        {"apa", "", "\n"},
        {"jsonl", "{\"pmid\":\"900000", "\"score\":"},
    }));
    INFO("format " << format);
    ldn::test::TempDir dir;
    const auto file = dir.path() / ("lupus." + format);
    const auto result = ldn_on_corpus({"export", "--condition", "lupus", "--format", format, "-o", file.string(), "--quiet"});
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.empty());
    const std::string text = read_file(file);
    CHECK(text.starts_with(start));
    CHECK(count_of(text, per_record) == 3);
}

TEST_CASE("export to standard output with -o - or without -o", "[search-cli]") {
    const auto dash = ldn_on_corpus({"export", "--design", "sr-ma", "--format", "ris", "-o", "-"});
    INFO(describe(dash));
    CHECK(dash.exit_code == 0);
    CHECK(count_of(dash.out, "TY  - JOUR") == 2);
    CHECK(dash.err == "ldn: export: 2 records written to standard output\n");
    const auto plain = ldn_on_corpus({"export", "--design", "sr-ma", "--format", "ris", "--quiet"});
    CHECK(plain.out == dash.out);
    CHECK(plain.err.empty());
}

TEST_CASE("export refuses to replace a file without --force and leaves it untouched", "[search-cli]") {
    ldn::test::TempDir dir;
    const auto file = dir.path() / "refs.ris";
    write_file(file, "my own notes\n");
    const auto refused = ldn_on_corpus({"export", "--format", "ris", "-o", file.string()});
    INFO(describe(refused));
    CHECK(refused.exit_code == 2);
    CHECK(refused.err == "ldn: error: " + file.string() + " exists; add --force to replace it\n");
    CHECK(read_file(file) == "my own notes\n");

    const auto bad_query = ldn_on_corpus({"export", "(lupus", "--format", "ris", "-o", file.string(), "--force"});
    CHECK(bad_query.exit_code == 2);
    CHECK(read_file(file) == "my own notes\n");  // a failed export never replaces the file

    const auto forced = ldn_on_corpus({"export", "--condition", "crps", "--format", "ris", "-o", file.string(), "--force"});
    INFO(describe(forced));
    CHECK(forced.exit_code == 0);
    CHECK(count_of(read_file(file), "TY  - JOUR") == 3);
    CHECK(folder_entries(dir.path()) == std::vector<std::string>{"refs.ris"});
}

TEST_CASE("export needs a file format: no --format, or table, exits 2", "[search-cli]") {
    const auto missing = ldn_on_corpus({"export", "lupus"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("--format is required") != std::string::npos);
    const auto table = ldn_on_corpus({"export", "lupus", "--format", "table"});
    CHECK(table.exit_code == 2);
    CHECK(table.err.find("'table'") != std::string::npos);
}

TEST_CASE("export into a folder that does not exist is an I/O error, exit 74", "[search-cli]") {
    ldn::test::TempDir dir;
    const auto result = ldn_on_corpus({"export", "--format", "csv", "-o", (dir.path() / "missing" / "out.csv").string()});
    INFO(describe(result));
    CHECK(result.exit_code == 74);
    CHECK(result.err.starts_with("ldn: error: "));
}
