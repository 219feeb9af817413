#include "query/export/journal_names.hpp"

#include <array>
#include <vector>

#include "query/export/export_text.hpp"

namespace ldn {

namespace {

// APA 7 section 6.17: lowercase "conjunctions, articles, and short prepositions" of three letters or
// fewer, unless first in the title.
bool is_minor_word(std::string_view word) {
    static constexpr std::array<std::string_view, 20> minor = {"a",  "an",  "and", "as",  "at", "but", "by",
                                                               "for", "if", "in",  "nor", "of", "off", "on",
                                                               "or", "per", "so", "the", "to", "via"};
    for (const std::string_view candidate : minor)
        if (word == candidate) return true;
    return false;
}

bool is_all_lower_ascii_letters(std::string_view word) {
    for (const char c : word)
        if (c < 'a' || c > 'z') return false;
    return !word.empty();
}

}  // namespace

std::string nlm_journal_abbreviation(const Journal& journal) {
    const std::string abbreviation = single_line(journal.iso_abbrev);
    if (abbreviation.empty()) return single_line(journal.title);
    std::string out;
    for (const char c : abbreviation)
        if (c != '.') out += c;
    return single_line(out);
}

std::string apa_title_case(std::string_view title) {
    const std::string text = single_line(title);
    std::string out;
    bool starts_phrase = true;  // the first word of the title, or the first after a colon
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        std::string word = text.substr(start, end - start);
        // APA 6.17 capitalises both parts of a hyphenated compound ("Cross-Sectional").
        std::size_t part_start = 0;
        while (part_start <= word.size()) {
            std::size_t part_end = word.find('-', part_start);
            if (part_end == std::string::npos) part_end = word.size();
            const std::string_view part = std::string_view(word).substr(part_start, part_end - part_start);
            if (is_all_lower_ascii_letters(part) && (starts_phrase || !is_minor_word(part)))
                word[part_start] = static_cast<char>(word[part_start] - 'a' + 'A');
            starts_phrase = false;
            part_start = part_end + 1;
        }
        if (!out.empty()) out += ' ';
        out += word;
        starts_phrase = word.back() == ':';
        start = end + 1;
    }
    return out;
}

}  // namespace ldn
