#include "query/export/author_names.hpp"

#include <string_view>

#include "query/export/export_text.hpp"

namespace ldn {

namespace {

// The length in bytes of the UTF-8 character that starts with `lead`.
std::size_t utf8_length(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

// The UTF-8 characters of `text`, each as its own string.
std::vector<std::string> characters(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = std::min(utf8_length(static_cast<unsigned char>(text[i])), text.size() - i);
        out.emplace_back(text.substr(i, length));
        i += length;
    }
    return out;
}

std::string upper_ascii(std::string letter) {
    if (letter.size() == 1 && letter[0] >= 'a' && letter[0] <= 'z') letter[0] = static_cast<char>(letter[0] - 'a' + 'A');
    return letter;
}

}  // namespace

bool is_collective(const Author& author) { return author.last.empty() && !author.collective.empty(); }

std::string family_or_group_name(const Author& author) {
    return single_line(is_collective(author) ? author.collective : author.last);
}

std::string initials_of(const Author& author) {
    const std::string given_initials = single_line(author.initials);
    if (!given_initials.empty()) return given_initials;
    std::string out;
    bool at_word_start = true;
    for (const std::string& character : characters(single_line(author.fore))) {
        const bool separator = character == " " || character == "-" || character == ".";
        if (!separator && at_word_start) out += upper_ascii(character);
        at_word_start = separator;
    }
    return out;
}

std::string dotted_initials(const Author& author) {
    std::string out;
    for (const std::string& character : characters(initials_of(author))) {
        if (character == " " || character == ".") continue;
        if (!out.empty()) out += ' ';
        out += character + ".";
    }
    return out;
}

std::vector<Author> named_authors(const Article& article) {
    std::vector<Author> out;
    for (const Author& author : article.authors)
        if (!family_or_group_name(author).empty()) out.push_back(author);
    return out;
}

}  // namespace ldn
