#pragma once
// The author list AMA and Vancouver share, both derived from NLM's citation practice: "Doe JF,
// Roe JP Jr" (surname, initials without periods, suffix after the initials), a group author written
// whole and set off from personal names by a semicolon ("Doe JF; LDN Study Group").

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/article.hpp"

namespace ldn {

// "Doe JF", "Doe JF Jr", "Doe" (no fore name), or the group's name.
std::string nlm_author_name(const Author& author);

// All names when there are at most `all_up_to`; otherwise the first `shown_when_more` followed by
// ", " and `et_al`. No final period.
std::string nlm_author_list(const std::vector<Author>& authors, std::size_t all_up_to, std::size_t shown_when_more,
                            std::string_view et_al);

}  // namespace ldn
