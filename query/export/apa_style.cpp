#include "query/export/apa_style.hpp"

#include "query/export/author_names.hpp"
#include "query/export/export_text.hpp"
#include "query/export/journal_names.hpp"
#include "query/export/page_range.hpp"
#include "query/export/publication_date.hpp"
#include "query/export/reference_style.hpp"

namespace ldn {

namespace {

// APA 9.8: up to 20 authors all listed; 21 or more: the first 19, an ellipsis, the last.
constexpr std::size_t all_authors_up_to = 20;
constexpr std::size_t authors_before_ellipsis = 19;
constexpr std::string_view en_dash = "\u2013";

// "Doe, J. F.", "Doe, J. F., Jr.", "Doe" (no fore name), or the group's name.
std::string apa_author_name(const Author& author) {
    std::string out = family_or_group_name(author);
    if (is_collective(author)) return out;
    const std::string initials = dotted_initials(author);
    if (!initials.empty()) out += ", " + initials;
    const std::string suffix = single_line(author.suffix);
    if (!suffix.empty()) out += ", " + with_final_period(suffix);
    return out;
}

// "A", "A, & B", "A, B, & C" (APA keeps the serial comma before & even for two), or for 21 and more
// "A1, …, A19, . . . Z".
std::string apa_author_list(const std::vector<Author>& authors) {
    std::string out;
    if (authors.size() > all_authors_up_to) {
        for (std::size_t i = 0; i < authors_before_ellipsis; ++i) out += apa_author_name(authors[i]) + ", ";
        return out + ". . . " + apa_author_name(authors.back());
    }
    for (std::size_t i = 0; i < authors.size(); ++i) {
        if (i != 0) out += authors.size() > 1 && i + 1 == authors.size() ? ", & " : ", ";
        out += apa_author_name(authors[i]);
    }
    return out;
}

// "Journal Title, 12(3), 1865–1876."
std::string apa_source(const Article& article) {
    std::string out = apa_title_case(article.journal.title);
    if (out.empty()) out = single_line(article.journal.iso_abbrev);
    const std::string volume = single_line(article.journal.volume);
    const std::string issue = single_line(article.journal.issue);
    if (!volume.empty() || !issue.empty()) out += (out.empty() ? "" : ", ") + volume;
    if (!issue.empty()) out += '(' + issue + ')';
    const std::string pages = expanded_pages(article.journal.pages, en_dash);
    if (!pages.empty()) out += (out.empty() ? "" : ", ") + pages;
    return out.empty() ? out : with_final_period(out);
}

}  // namespace

std::string apa_reference(const Article& article) {
    const std::string authors = apa_author_list(named_authors(article));
    const std::string title = single_line(article.title);
    const PublicationDate date = publication_date(article);
    const std::string year = "(" + (date.year != 0 ? std::to_string(date.year) : std::string("n.d.")) + ").";
    const std::string doi = bare_doi(article.doi);
    const std::string title_part = title.empty() ? title : with_final_period(title);
    // APA 9.12: without an author, the title moves to the author position, before the date.
    const std::string reference =
        authors.empty()
            ? joined_reference_parts({title_part, year, apa_source(article), doi.empty() ? doi : "https://doi.org/" + doi})
            : joined_reference_parts({with_final_period(authors), year, title_part, apa_source(article),
                                      doi.empty() ? doi : "https://doi.org/" + doi});
    return with_retraction_marker(article, reference);
}

}  // namespace ldn
