#include "query/export/publication_date.hpp"

#include <array>
#include <charconv>

#include "query/export/export_text.hpp"

namespace ldn {

namespace {

int number_at(std::string_view text, std::size_t offset, std::size_t length) {
    if (text.size() < offset + length) return 0;
    int value = 0;
    const char* first = text.data() + offset;
    const auto result = std::from_chars(first, first + length, value);
    return result.ec == std::errc{} && result.ptr == first + length ? value : 0;
}

}  // namespace

PublicationDate publication_date(const Article& article) {
    PublicationDate date;
    const std::string_view text = article.pubdate;
    date.year = article.year.value_or(number_at(text, 0, 4));
    if (text.size() >= 7 && text[4] == '-') date.month = number_at(text, 5, 2);
    if (text.size() >= 10 && text[7] == '-') date.day = number_at(text, 8, 2);
    if (date.month < 1 || date.month > 12) date.month = 0;
    if (date.month == 0 || date.day < 1 || date.day > 31) date.day = 0;
    return date;
}

std::string_view month_abbreviation(int month) {
    static constexpr std::array<std::string_view, 12> names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (month < 1 || month > 12) return {};
    return names[static_cast<std::size_t>(month - 1)];
}

std::string nlm_date(const Article& article) {
    const std::string medline_date = single_line(article.medline_date);
    if (!medline_date.empty()) return medline_date;
    const PublicationDate date = publication_date(article);
    if (date.year == 0) return {};
    std::string out = std::to_string(date.year);
    if (date.month != 0) out += ' ' + std::string(month_abbreviation(date.month));
    if (date.day != 0) out += ' ' + std::to_string(date.day);
    return out;
}

}  // namespace ldn
