#include "query/export/vancouver_style.hpp"

#include "query/export/author_names.hpp"
#include "query/export/export_text.hpp"
#include "query/export/journal_names.hpp"
#include "query/export/nlm_author_list.hpp"
#include "query/export/page_range.hpp"
#include "query/export/publication_date.hpp"
#include "query/export/reference_style.hpp"

namespace ldn {

namespace {

// ICMJE: list the first 6 authors followed by "et al." when there are more than 6.
constexpr std::size_t all_authors_up_to = 6;
constexpr std::size_t authors_shown_when_more = 6;

// "2020 Mar 15;12(3):1865-76." Citing Medicine gives year, abbreviated month and day as far as known,
// and abbreviated end pages.
std::string vancouver_locator(const Article& article) {
    std::string out = nlm_date(article);
    const std::string volume = single_line(article.journal.volume);
    const std::string issue = single_line(article.journal.issue);
    if (!volume.empty() || !issue.empty()) out += ';' + volume;
    if (!issue.empty()) out += '(' + issue + ')';
    const std::string pages = nlm_pages(article.journal.pages);
    if (!pages.empty()) out += ':' + pages;
    return out.empty() ? out : out + '.';
}

}  // namespace

std::string vancouver_reference(const Article& article) {
    const std::string authors =
        nlm_author_list(named_authors(article), all_authors_up_to, authors_shown_when_more, "et al.");
    const std::string title = single_line(article.title);
    const std::string journal = nlm_journal_abbreviation(article.journal);
    const std::string doi = bare_doi(article.doi);
    return with_retraction_marker(
        article, joined_reference_parts({
                     authors.empty() ? authors : with_final_period(authors),
                     title.empty() ? title : with_final_period(title),
                     journal.empty() ? journal : with_final_period(journal),
                     vancouver_locator(article),
                     doi.empty() ? doi : "doi:" + doi,
                 }));
}

}  // namespace ldn
