#pragma once
// What the search tests share: the fixture corpus indexed in a directory of the test's own
// (tests/fixtures/search/README.md lists each record's date, conditions and design), and short ways
// to ask it questions and read the answers.

#include <xapian.h>

#include <string>
#include <vector>

#include "crawler/calendar.hpp"
#include "query/search/searcher.hpp"
#include "tests/support/process.hpp"
#include "tests/support/search_index.hpp"

namespace ldn::test {

struct SearchCorpus {
    TempDir dir;
    Xapian::Database database{build_search_index(dir.path()).string()};
};

inline std::vector<std::string> pmids(const std::vector<SearchHit>& hits) {
    std::vector<std::string> out;
    for (const SearchHit& hit : hits) out.push_back(hit.pmid);
    return out;
}

// Every matching PMID in the requested order (no paging).
inline std::vector<std::string> all_pmids(const Xapian::Database& database, SearchRequest request) {
    request.limit = 100;
    return pmids(search(database, request).hits);
}

inline SearchRequest query(std::string text) {
    SearchRequest request;
    request.query = std::move(text);
    return request;
}

inline Day day(const char* text) { return Day::parse(text).value(); }

}  // namespace ldn::test
