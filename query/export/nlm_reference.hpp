#pragma once
// The reference shape AMA and Vancouver share, both from NLM's citation practice:
// "Authors. Title. Journal. DATE;Volume(Issue):pages. doi:…" — they differ in how many authors they
// list, the "et al" they write, the date and the page range.

#include <cstddef>
#include <string>
#include <string_view>

#include "crawler/article.hpp"

namespace ldn {

struct NlmReferenceRules {
    std::size_t all_authors_up_to;
    std::size_t authors_shown_when_more;
    std::string_view et_al;
};

// "DATE;Volume(Issue):pages." from the parts a style has already formatted; empty when all are empty.
std::string nlm_locator(std::string date, const Article& article, const std::string& pages);

std::string nlm_reference(const Article& article, const NlmReferenceRules& rules, const std::string& locator);

}  // namespace ldn
