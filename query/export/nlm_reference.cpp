#include "query/export/nlm_reference.hpp"

#include "query/export/author_names.hpp"
#include "query/export/export_text.hpp"
#include "query/export/journal_names.hpp"
#include "query/export/nlm_author_list.hpp"
#include "query/export/reference_style.hpp"

namespace ldn {

std::string nlm_locator(std::string date, const Article& article, const std::string& pages) {
    std::string out = std::move(date);
    const std::string volume = single_line(article.journal.volume);
    const std::string issue = single_line(article.journal.issue);
    if (!volume.empty() || !issue.empty()) out += ';' + volume;
    if (!issue.empty()) out += '(' + issue + ')';
    if (!pages.empty()) out += ':' + pages;
    return out.empty() ? out : out + '.';
}

std::string nlm_reference(const Article& article, const NlmReferenceRules& rules, const std::string& locator) {
    const std::string authors =
        nlm_author_list(named_authors(article), rules.all_authors_up_to, rules.authors_shown_when_more, rules.et_al);
    const std::string title = single_line(article.title);
    const std::string journal = nlm_journal_abbreviation(article.journal);
    const std::string doi = bare_doi(article.doi);
    return with_retraction_marker(
        article, joined_reference_parts({
                     authors.empty() ? authors : with_final_period(authors),
                     title.empty() ? title : with_final_period(title),
                     journal.empty() ? journal : with_final_period(journal),
                     locator,
                     // No period after a DOI, which would read as part of it.
                     doi.empty() ? doi : "doi:" + doi,
                 }));
}

}  // namespace ldn
