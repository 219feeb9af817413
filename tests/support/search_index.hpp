#pragma once
// The search fixture (tests/fixtures/search/corpus.xml, 30 fictional records) indexed through the
// real pipeline: PubMed reader, annotators over data/vocab, IndexWriter, synonym table, commit.

#include <filesystem>

namespace ldn::test {

// Builds the index in `folder`/index and returns that path. Throws when a corpus record cannot be
// read, so a broken fixture fails loudly instead of shrinking the corpus.
std::filesystem::path build_search_index(const std::filesystem::path& folder);

}  // namespace ldn::test
