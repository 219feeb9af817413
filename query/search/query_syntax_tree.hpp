#pragma once
// What a query means, between the parser (which checks it) and the builder (which turns it into a
// Xapian::Query against a database's synonyms). Leaves hold finished terms; only free text waits
// for the builder, because its synonyms live in the database.

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "query/search/query_words.hpp"

namespace ldn::query {

struct QueryNode;

// Every item must match. Negated items are taken away from the others (a NOT b).
struct AllOf {
    std::vector<QueryNode> items;
};

struct AnyOf {
    std::vector<QueryNode> items;
};

// Everything except the item; inside AllOf, the others except the item.
struct Negation {
    std::unique_ptr<QueryNode> item;
};

// Words typed one after another in one field, found through their stems. Each piece is what stood
// between spaces ("low-dose" is one piece of two words, found as a phrase). Consecutive pieces are
// looked up together in the synonym table, so they stay together until the builder.
struct FreeText {
    std::string prefix;  // the field's term prefix; "" for unfielded text
    bool expands_synonyms = true;
    std::vector<std::vector<TextWord>> pieces;
};

// Unstemmed terms at consecutive positions; one term is that exact term.
struct Phrase {
    std::vector<std::string> terms;
};

// Every term that starts with `pattern` (its prefix included).
struct Wildcard {
    std::string pattern;
    bool is_filter = false;  // a filter's wildcard (design:case*) weighs nothing
};

// An exact boolean term (Y2018, XCfibromyalgia, Q12345678): selects, weighs nothing.
struct BooleanTerm {
    std::string term;
};

// Publication years from..to, either end open.
struct YearRange {
    std::optional<int> from;
    std::optional<int> to;
};

struct QueryNode {
    std::variant<AllOf, AnyOf, Negation, FreeText, Phrase, Wildcard, BooleanTerm, YearRange> content;
};

}  // namespace ldn::query
