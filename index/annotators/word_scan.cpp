#include "index/annotators/word_scan.hpp"

#include "index/annotators/text_document.hpp"

namespace ldn::annotators {

namespace {

bool skippable(char c, bool hyphen_is_space) { return c == ' ' || (hyphen_is_space && c == '-'); }

}  // namespace

std::optional<Word> word_before(std::string_view text, std::size_t position, bool hyphen_is_space) {
    std::size_t end = position;
    while (end > 0 && skippable(text[end - 1], hyphen_is_space)) --end;
    if (end == 0 || !is_word_byte(text[end - 1])) return std::nullopt;
    std::size_t begin = end;
    while (begin > 0 && is_word_byte(text[begin - 1])) --begin;
    return Word{begin, end, text.substr(begin, end - begin)};
}

std::optional<Word> word_after(std::string_view text, std::size_t position, bool hyphen_is_space) {
    std::size_t begin = position;
    while (begin < text.size() && skippable(text[begin], hyphen_is_space)) ++begin;
    if (begin >= text.size() || !is_word_byte(text[begin])) return std::nullopt;
    std::size_t end = begin;
    while (end < text.size() && is_word_byte(text[end])) ++end;
    return Word{begin, end, text.substr(begin, end - begin)};
}

std::size_t find_word(std::string_view text, std::string_view word) {
    if (word.empty()) return std::string_view::npos;
    const bool bounded_start = is_word_byte(word.front());
    const bool bounded_end = is_word_byte(word.back());
    for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
        const std::size_t end = at + word.size();
        const bool starts = !bounded_start || at == 0 || !is_word_byte(text[at - 1]);
        const bool ends = !bounded_end || end == text.size() || !is_word_byte(text[end]);
        if (starts && ends) return at;
    }
    return std::string_view::npos;
}

std::optional<Number> number_at(std::string_view text, std::size_t begin) {
    std::size_t end = begin;
    double value = 0;
    while (end < text.size() && is_digit(text[end])) value = value * 10 + (text[end++] - '0');
    // Thousands separators: "1,250 patients" (a list is written "1, 250").
    const bool may_have_groups = end - begin <= 3;
    while (may_have_groups && end + 3 < text.size() && text[end] == ',' && is_digit(text[end + 1]) &&
           is_digit(text[end + 2]) && is_digit(text[end + 3]) && (end + 4 == text.size() || !is_digit(text[end + 4]))) {
        value = value * 1000 + (text[end + 1] - '0') * 100 + (text[end + 2] - '0') * 10 + (text[end + 3] - '0');
        end += 4;
    }
    bool has_decimals = false;
    if (end + 1 < text.size() && text[end] == '.' && is_digit(text[end + 1])) {
        has_decimals = true;
        ++end;
        double scale = 0.1;
        while (end < text.size() && is_digit(text[end])) {
            value += (text[end++] - '0') * scale;
            scale /= 10;
        }
    }
    if (end == begin) return std::nullopt;
    return Number{value, begin, end, has_decimals};
}

std::optional<Number> number_ending_at(std::string_view text, std::size_t end) {
    std::size_t begin = end;
    bool seen_point = false;
    while (begin > 0) {
        const char c = text[begin - 1];
        if (is_digit(c)) {
            --begin;
        } else if (c == '.' && !seen_point && begin > 1 && is_digit(text[begin - 2]) && begin < end) {
            seen_point = true;
            --begin;
        } else {
            break;
        }
    }
    if (begin == end || !is_digit(text[end - 1])) return std::nullopt;
    // "v2.4.5": part of a longer token, not a quantity.
    if (begin > 0 && (is_word_byte(text[begin - 1]) || text[begin - 1] == '.')) return std::nullopt;
    auto number = number_at(text, begin);
    if (!number || number->end != end) return std::nullopt;
    return number;
}

std::size_t skip_spaces(std::string_view text, std::size_t position) {
    while (position < text.size() && text[position] == ' ') ++position;
    return position;
}

}  // namespace ldn::annotators
