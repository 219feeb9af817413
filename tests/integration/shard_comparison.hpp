#pragma once
// Comparing a sharded index (local shards or remote ones behind a stub) with the one-store search
// corpus through the real binary: totals, facets, the records and their order.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/integration/search_cli_support.hpp"

namespace ldn::test {

// The searches compared: free text, synonyms, a phrase, fields, filters, sorts, paging and every facet.
inline const std::vector<std::vector<std::string>> searches_compared_over_shards{
    {"naltrexone"},
    {"\"low dose\" fibromyalgia"},
    {"title:naltrexone OR abstract:ldn", "--sort", "evidence"},
    {"--condition", "fibromyalgia,lupus", "--design", "rct"},
    {"--sort", "date", "--offset", "5", "--limit", "10"},
    {"--sort", "evidence", "--limit", "7"},
    {"pain", "--since", "2016-01-01", "--until", "2022-12-31"},
    {"naltrexone", "NOT", "mice", "--offset", "5"},
    // Expanded by ldn over the whole database: over remote shards Xapian's OP_WILDCARD was expanded
    // and weighed by each shard apart, and ranked the matches otherwise.
    {"fibromyalg*", "NOT", "mice"},
    {"title:naltrex*", "--sort", "date"},
};

inline nlohmann::json search_json(const std::vector<std::string>& where, const std::vector<std::string>& search) {
    std::vector<std::string> args{"search", "--format", "json", "--facets", "year,design,condition"};
    args.insert(args.end(), search.begin(), search.end());
    if (std::find(search.begin(), search.end(), "--limit") == search.end()) args.insert(args.end(), {"--limit", "100"});
    args.insert(args.end(), where.begin(), where.end());
    const ProcessResult result = run_process(ldn_binary(), args);
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    return nlohmann::json::parse(result.out);
}

// `where` ("--db", STUB or "--store", DIR) answers every search as the one-store corpus does.
inline void same_answers_as_one_index(const std::vector<std::string>& where,
                                      const std::vector<std::vector<std::string>>& searches) {
    for (const std::vector<std::string>& search : searches) {
        const nlohmann::json joined = search_json({"--store", corpus_store().string()}, search);
        const nlohmann::json split = search_json(where, search);
        INFO("search " << nlohmann::json(search).dump());
        CHECK(split.at("total") == joined.at("total"));
        CHECK(split.at("facets") == joined.at("facets"));
        CHECK(result_pmids(split) == result_pmids(joined));
    }
}

}  // namespace ldn::test
