#pragma once
// What PubMed files should leave in an index, read with the reader the indexer uses: the reference
// the ingest tests compare the index with.

#include <cstddef>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "crawler/pubmed_reader.hpp"

namespace ldn::test {

// The PMIDs a sequence of files leaves, applying them in order the way ingest must.
inline std::set<std::string> expected_pmids(const std::vector<std::filesystem::path>& files) {
    std::set<std::string> pmids;
    for (const auto& file : files) {
        read_pubmed_file(
            file,
            [&](Article&& article) {
                if (article.deleted) {
                    pmids.erase(article.pmid);
                } else {
                    pmids.insert(article.pmid);
                }
            },
            [](const RecordIssue&) {});
    }
    return pmids;
}

// The records of a file, good or bad.
inline std::size_t records_in(const std::filesystem::path& file) {
    return read_pubmed_file(file, [](Article&&) {}, [](const RecordIssue&) {}).records;
}

}  // namespace ldn::test
