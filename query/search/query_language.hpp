#pragma once
// The query language of `ldn search`, `ldn export`, watches and the server (docs/QUERY.md): free
// text with stemming and synonyms, "phrases", AND/OR/NOT and parentheses, wildcard*, field prefixes
// (title: abstract: author: journal: mesh: keyword: pmid: doi:) and filters (condition: design:
// type: lang: retracted: year:A..B). Our own parser rather than Xapian::QueryParser, because a
// mistake must be reported with its position, and Xapian's parser silently guesses instead.

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/errors.hpp"

namespace ldn {

// A query that does not parse. what() is the whole one-line message, for example
// `query: unmatched '(' at column 7: (fibro AND` ; exit code 2 (usage).
class QuerySyntaxError : public Error {
public:
    QuerySyntaxError(const std::string& problem, std::size_t column, std::string_view query);
    const std::string& problem() const noexcept { return problem_; }
    std::size_t column() const noexcept { return column_; }  // 1-based, in characters of the query

private:
    std::string problem_;
    std::size_t column_;
};

// A free-text word as the user typed it, where it stands in the query text (byte offset and
// length), for spelling suggestions that rewrite just that word.
struct QueryWord {
    std::string text;        // lower-cased, as typed (not stemmed)
    std::size_t offset = 0;  // bytes from the start of the query text
    std::size_t length = 0;  // bytes in the query text
    std::string prefix;      // the field's term prefix ("" for unfielded, "S" for title: …)
};

struct ParsedQuery {
    // A match-all query (Query("")) for an empty (or all-whitespace) query text.
    Xapian::Query query;
    // The free-text words (fielded ones too) and the values of condition:, design:, type: and lang:
    // (not wildcards, pmid, doi, year, retracted), in order of appearance.
    std::vector<QueryWord> words;
};

// Parses `text` against `database` (its synonym table expands synonyms; wildcards expand over its
// terms). Throws QuerySyntaxError.
ParsedQuery parse_query(std::string_view text, const Xapian::Database& database);

}  // namespace ldn
