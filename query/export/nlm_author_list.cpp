#include "query/export/nlm_author_list.hpp"

#include "query/export/author_names.hpp"
#include "query/export/export_text.hpp"

namespace ldn {

std::string nlm_author_name(const Author& author) {
    std::string out = family_or_group_name(author);
    if (is_collective(author)) return out;
    const std::string initials = initials_of(author);
    if (!initials.empty()) out += ' ' + initials;
    const std::string suffix = single_line(author.suffix);
    if (!suffix.empty()) out += ' ' + suffix;
    return out;
}

std::string nlm_author_list(const std::vector<Author>& authors, std::size_t all_up_to, std::size_t shown_when_more,
                            std::string_view et_al) {
    const bool abbreviated = authors.size() > all_up_to;
    const std::size_t shown = abbreviated ? shown_when_more : authors.size();
    std::string out;
    for (std::size_t i = 0; i < shown && i < authors.size(); ++i) {
        if (i != 0) out += is_collective(authors[i]) != is_collective(authors[i - 1]) ? "; " : ", ";
        out += nlm_author_name(authors[i]);
    }
    if (abbreviated) {
        out += ", ";
        out += et_al;
    }
    return out;
}

}  // namespace ldn
