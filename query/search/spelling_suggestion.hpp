#pragma once
// "Did you mean": the query text with each word the index does not hold replaced by the closest
// term it does hold (edit distance), the rest of the text kept byte for byte. Whether the result is
// worth offering (it parses, it finds more) is the searcher's call.

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/search/query_language.hpp"

namespace ldn {

// The term (without `prefix`) nearest to `word` among those starting with the same first letter: at
// most 1 edit for words of up to 4 letters, 2 for longer ones; ties go to the more frequent term (a
// word the index holds is its own closest term). nullopt when none is that close, or when the word is
// too short (under 3 letters) or holds a digit to be corrected. A misspelt first letter is not found:
// reading only the terms of that letter keeps the cost bounded on a large index.
std::optional<std::string> closest_term(const Xapian::Database& database, const std::string& prefix,
                                        const std::string& word);

// `text` with every word of `words` whose exact term is absent from `database` replaced by its
// closest term; nullopt when no word changes.
std::optional<std::string> respelt_query(const Xapian::Database& database, std::string_view text,
                                         const std::vector<QueryWord>& words);

}  // namespace ldn
