#pragma once
// The pieces of an author's name that the formats assemble. PubMed gives a personal author as last
// name, fore name, initials and suffix ("Jr", "3rd"), any of which but the last name may be missing,
// and a group author as one collective name that must never be split or abbreviated.

#include <string>
#include <vector>

#include "crawler/article.hpp"

namespace ldn {

// A group author: a collective name and no personal last name.
bool is_collective(const Author& author);

// The name of a group author, or the last name of a person, on one line.
std::string family_or_group_name(const Author& author);

// PubMed's initials ("JF"), or, when the record has none, the first letter of each part of the fore
// name ("Jean-François Xu" -> "JX"; letters outside ASCII are kept whole, never cut mid-character).
std::string initials_of(const Author& author);

// Each initial followed by a period and separated by spaces: "JF" -> "J. F." (APA).
std::string dotted_initials(const Author& author);

// Authors that have any name at all; PubMed records sometimes carry empty <Author> elements.
std::vector<Author> named_authors(const Article& article);

}  // namespace ldn
