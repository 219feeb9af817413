#pragma once
// The recursive-descent parser of the query language (grammar and precedence in docs/QUERY.md):
// tokens to a syntax tree, every field and filter value checked, every mistake reported with its
// column as a QuerySyntaxError.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "query/search/query_language.hpp"
#include "query/search/query_lexer.hpp"
#include "query/search/query_syntax_tree.hpp"

namespace ldn::query {

// Parentheses (a field's group included) may nest this deep; the server passes user text straight in.
inline constexpr int deepest_nesting = 32;

struct SyntaxTree {
    std::optional<QueryNode> root;  // none when the query holds no token: everything matches
    std::vector<QueryWord> words;   // free-text words and condition/design/type/lang values, in order
};

// `tokens` come from lex_query(query).
SyntaxTree parse_tokens(std::string_view query, const std::vector<Token>& tokens);

}  // namespace ldn::query
