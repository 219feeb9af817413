#include "query/search/query_language.hpp"

#include <xapian.h>

#include <algorithm>

#include "query/search/query_builder.hpp"
#include "query/search/query_lexer.hpp"
#include "query/search/query_parser.hpp"
#include "query/search/query_words.hpp"

namespace ldn {

namespace {

// The server passes user text straight in: the work per query stays bounded.
constexpr std::size_t longest_query = 2000;

// Around this many characters of the query are quoted in an error, centred on the column.
constexpr std::size_t quoted_characters = 60;

// The query as one line of valid UTF-8 (line breaks become spaces, stray bytes their Latin-1
// characters), cut to a window around `column` when long.
std::string quoted_query(std::string_view query, std::size_t column) {
    const std::size_t count = query::character_count(query);
    std::size_t first = 1;
    if (count > quoted_characters && column > quoted_characters / 2) {
        first = std::min(column - quoted_characters / 2, count - quoted_characters + 1);
    }
    const std::size_t last = first + quoted_characters - 1;
    std::string quoted = first > 1 ? "…" : "";
    std::size_t at = 1;
    for (Xapian::Utf8Iterator it(query.data(), query.size()); it != Xapian::Utf8Iterator() && at <= last; ++it, ++at) {
        if (at < first) continue;
        Xapian::Unicode::append_utf8(quoted, Xapian::Unicode::is_whitespace(*it) ? ' ' : *it);
    }
    if (last < count) quoted += "…";
    return quoted;
}

std::string syntax_error_message(const std::string& problem, std::size_t column, std::string_view query) {
    return "query: " + problem + " at column " + std::to_string(column) + ": " + quoted_query(query, column);
}

}  // namespace

QuerySyntaxError::QuerySyntaxError(const std::string& problem, std::size_t column, std::string_view query)
    : Error(ExitCode::usage, syntax_error_message(problem, column, query)), problem_(problem), column_(column) {}

ParsedQuery parse_query(std::string_view text, const Xapian::Database& database) {
    if (text.size() > longest_query) {
        throw QuerySyntaxError("too long (" + std::to_string(text.size()) + " bytes, at most " +
                                   std::to_string(longest_query) + ")",
                               query::column_at(text, longest_query), text);
    }
    const std::vector<query::Token> tokens = query::lex_query(text);
    query::SyntaxTree tree = query::parse_tokens(text, tokens);
    ParsedQuery parsed;
    parsed.query = tree.root ? query::build_query(*tree.root, text, database) : query::every_document();
    parsed.words = std::move(tree.words);
    return parsed;
}

}  // namespace ldn
