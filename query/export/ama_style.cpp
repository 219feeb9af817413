#include "query/export/ama_style.hpp"

#include "query/export/author_names.hpp"
#include "query/export/export_text.hpp"
#include "query/export/journal_names.hpp"
#include "query/export/nlm_author_list.hpp"
#include "query/export/page_range.hpp"
#include "query/export/publication_date.hpp"
#include "query/export/reference_style.hpp"

namespace ldn {

namespace {

// AMA 3.11.1: all authors up to 6; more than 6: the first 3 and "et al" (no period after al).
constexpr std::size_t all_authors_up_to = 6;
constexpr std::size_t authors_shown_when_more = 3;

// "2020;12(3):1865-1876." AMA gives the year alone (no month) for a paginated issue, and page
// ranges in full.
std::string ama_locator(const Article& article) {
    const PublicationDate date = publication_date(article);
    std::string out = date.year != 0 ? std::to_string(date.year) : std::string();
    const std::string volume = single_line(article.journal.volume);
    const std::string issue = single_line(article.journal.issue);
    if (!volume.empty() || !issue.empty()) out += ';' + volume;
    if (!issue.empty()) out += '(' + issue + ')';
    const std::string pages = expanded_pages(article.journal.pages, "-");
    if (!pages.empty()) out += ':' + pages;
    return out.empty() ? out : out + '.';
}

}  // namespace

std::string ama_reference(const Article& article) {
    const std::string authors =
        nlm_author_list(named_authors(article), all_authors_up_to, authors_shown_when_more, "et al");
    const std::string title = single_line(article.title);
    const std::string journal = nlm_journal_abbreviation(article.journal);
    const std::string doi = bare_doi(article.doi);
    return with_retraction_marker(
        article, joined_reference_parts({
                     authors.empty() ? authors : with_final_period(authors),
                     title.empty() ? title : with_final_period(title),
                     journal.empty() ? journal : with_final_period(journal),
                     ama_locator(article),
                     // AMA puts no period after a DOI, which would read as part of it.
                     doi.empty() ? doi : "doi:" + doi,
                 }));
}

}  // namespace ldn
