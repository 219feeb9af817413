#pragma once
// The first step of the query language (docs/QUERY.md): query text to tokens that know where they
// stand, so that every later error can name its column.

#include <cstddef>
#include <string_view>
#include <vector>

namespace ldn::query {

enum class TokenKind {
    word,          // a piece of text between spaces, parentheses and quotes: "low-dose", "fibro*", "2016..2020"
    phrase,        // "…": text holds what is between the quotes
    field,         // `name:` directly followed by its value; text holds the name
    open,          // (
    close,         // )
    and_operator,  // AND, OR and NOT count only in upper case; "and" is a word
    or_operator,
    not_operator,
};

struct Token {
    TokenKind kind;
    std::string_view text;  // a view into the query text
    std::size_t offset;     // bytes from the start of the query to the token's first character
};

// Throws QuerySyntaxError for a quote that is never closed. Pieces without a word character and
// without '*' ("-", "&", a lone ':') are punctuation and make no token.
std::vector<Token> lex_query(std::string_view query);

}  // namespace ldn::query
