#pragma once
// What the search, show, cite and export CLI tests share: one store ingested from the search corpus
// (tests/fixtures/search, 30 fictional records 90000001…90000030) through the real binary, and ways
// to run `ldn` against it. The store is read-only for the tests, so it is built once per run.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/paths.hpp"
#include "tests/support/process.hpp"

namespace ldn::test {

inline const std::filesystem::path& corpus_store() {
    static TempDir store;
    static const ProcessResult ingest = run_process(
        ldn_binary(), {"ingest", "--quiet", "--store", store.path().string(), fixture("search/corpus.xml").string()});
    INFO("ingest: exit " << ingest.exit_code << "\n" << ingest.err);
    REQUIRE(ingest.exit_code == 0);
    return store.path();
}

// `ldn ARGS... --store <corpus store>`.
inline ProcessResult ldn_on_corpus(std::vector<std::string> args, const std::vector<std::string>& env = {}) {
    args.push_back("--store");
    args.push_back(corpus_store().string());
    return run_process(ldn_binary(), args, env);
}

inline std::string describe(const ProcessResult& result) {
    return "exit " + std::to_string(result.exit_code) + "\n--- stderr ---\n" + result.err +
           "--- stdout (first 3000 bytes) ---\n" + result.out.substr(0, 3000);
}

inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// The PMIDs of a json output's results, in order.
inline std::vector<std::string> result_pmids(const nlohmann::json& output) {
    std::vector<std::string> pmids;
    for (const auto& result : output.at("results")) pmids.push_back(result.at("pmid").get<std::string>());
    return pmids;
}

// "90000001" for 1: the corpus numbers its records from 90000001.
inline std::string corpus_pmid(int number) { return std::to_string(90000000 + number); }

inline std::vector<std::string> corpus_pmids(std::initializer_list<int> numbers) {
    std::vector<std::string> pmids;
    for (int number : numbers) pmids.push_back(corpus_pmid(number));
    return pmids;
}

}  // namespace ldn::test
