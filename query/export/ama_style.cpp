#include "query/export/ama_style.hpp"

#include "query/export/nlm_reference.hpp"
#include "query/export/page_range.hpp"
#include "query/export/publication_date.hpp"

namespace ldn {

namespace {

// AMA 3.11.1: all authors up to 6; more than 6: the first 3 and "et al" (no period after al).
constexpr std::size_t all_authors_up_to = 6;
constexpr std::size_t authors_shown_when_more = 3;

// "2020;12(3):1865-1876." AMA gives the year alone (no month) for a paginated issue, and page
// ranges in full.
std::string ama_locator(const Article& article) {
    const PublicationDate date = publication_date(article);
    return nlm_locator(date.year != 0 ? std::to_string(date.year) : std::string(), article,
                       expanded_pages(article.journal.pages, "-"));
}

}  // namespace

std::string ama_reference(const Article& article) {
    return nlm_reference(article, {all_authors_up_to, authors_shown_when_more, "et al"}, ama_locator(article));
}

}  // namespace ldn
