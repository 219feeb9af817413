#pragma once
// The last step of the query language: a syntax tree to the Xapian::Query that search runs, with
// free text expanded through the database's synonym table.

#include <xapian.h>

#include <string>
#include <string_view>

#include "query/search/query_syntax_tree.hpp"

namespace ldn::query {

// At most this many terms for one wildcard, the most frequent ones, so that "a*"-like patterns
// cannot make a query of thousands of terms.
inline constexpr Xapian::termcount wildcard_expansion_limit = 100;

// A run of free text is looked up in the synonym table this many words at a time at most.
inline constexpr std::size_t longest_synonym_key = 4;

// A query matching every document, made afresh. Never copy Xapian::Query::MatchAll instead: it is one
// global object whose reference count Xapian 1.4 changes without atomics, so threads copying it at
// once (the server's) corrupt it and crash.
inline Xapian::Query every_document() { return Xapian::Query(std::string()); }

// `query` is the text the tree was parsed from (synonym keys are read from it).
Xapian::Query build_query(const QueryNode& root, std::string_view query, const Xapian::Database& database);

}  // namespace ldn::query
