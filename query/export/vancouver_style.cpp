#include "query/export/vancouver_style.hpp"

#include "query/export/nlm_reference.hpp"
#include "query/export/page_range.hpp"
#include "query/export/publication_date.hpp"

namespace ldn {

namespace {

// ICMJE: list the first 6 authors followed by "et al." when there are more than 6.
constexpr std::size_t all_authors_up_to = 6;
constexpr std::size_t authors_shown_when_more = 6;

// "2020 Mar 15;12(3):1865-76." Citing Medicine gives year, abbreviated month and day as far as known,
// and abbreviated end pages.
std::string vancouver_locator(const Article& article) {
    return nlm_locator(nlm_date(article), article, nlm_pages(article.journal.pages));
}

}  // namespace

std::string vancouver_reference(const Article& article) {
    return nlm_reference(article, {all_authors_up_to, authors_shown_when_more, "et al."}, vancouver_locator(article));
}

}  // namespace ldn
