#include "query/summary/conclusion.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace ldn {

namespace {

constexpr std::size_t closing_sentence_count = 2;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

std::string upper(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

bool names_conclusions(std::string_view name) {
    const std::string folded = upper(trimmed(name));
    return folded == "CONCLUSION" || folded == "CONCLUSIONS";
}

// The word that ends just before `point` (the sentence-ending character), point included.
bool ends_abbreviation(std::string_view text, std::size_t point) {
    static constexpr std::array<std::string_view, 8> abbreviations{"al.",     "e.g.", "i.e.", "vs.",
                                                                   "approx.", "Fig.", "cf.",  "Dr."};
    std::size_t start = point;
    while (start > 0 && !is_space(text[start - 1]) && text[start - 1] != '(') --start;
    const std::string_view word = text.substr(start, point + 1 - start);
    return std::find(abbreviations.begin(), abbreviations.end(), word) != abbreviations.end();
}

bool closes_quote_or_bracket(char c) { return c == '"' || c == '\'' || c == ')' || c == ']'; }

}  // namespace

std::vector<std::string_view> split_sentences(std::string_view text) {
    std::vector<std::string_view> sentences;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '.' && c != '?' && c != '!') continue;
        std::size_t end = i + 1;
        while (end < text.size() && closes_quote_or_bracket(text[end])) ++end;
        if (end >= text.size() || !is_space(text[end])) continue;
        std::size_t next = end;
        while (next < text.size() && is_space(text[next])) ++next;
        if (next < text.size() && std::islower(static_cast<unsigned char>(text[next]))) continue;
        if (c == '.' && ends_abbreviation(text, i)) continue;
        const std::string_view sentence = trimmed(text.substr(start, end - start));
        if (!sentence.empty()) sentences.push_back(sentence);
        start = end;
        i = end - 1;
    }
    const std::string_view rest = trimmed(text.substr(std::min(start, text.size())));
    if (!rest.empty()) sentences.push_back(rest);
    return sentences;
}

QuotedConclusion authors_conclusion(const std::vector<AbstractSection>& abstract) {
    QuotedConclusion conclusion;
    for (const AbstractSection& section : abstract) {
        const std::string_view text = trimmed(section.text);
        if (text.empty() || !(names_conclusions(section.label) || names_conclusions(section.category))) continue;
        if (!conclusion.text.empty()) conclusion.text += ' ';
        conclusion.text += text;
    }
    if (!conclusion.text.empty()) {
        conclusion.source = conclusions_section_source;
        return conclusion;
    }

    auto last_with_text = std::find_if(abstract.rbegin(), abstract.rend(),
                                       [](const AbstractSection& section) { return !trimmed(section.text).empty(); });
    if (last_with_text == abstract.rend()) return conclusion;
    const std::string_view text = trimmed(last_with_text->text);
    const std::vector<std::string_view> sentences = split_sentences(text);
    const std::size_t first = sentences.size() > closing_sentence_count ? sentences.size() - closing_sentence_count : 0;
    // From the first closing sentence to the end of the section: the record's own characters, spaces
    // between the sentences included.
    conclusion.text = std::string(text.substr(static_cast<std::size_t>(sentences[first].data() - text.data())));
    conclusion.source = closing_sentences_source;
    return conclusion;
}

}  // namespace ldn
