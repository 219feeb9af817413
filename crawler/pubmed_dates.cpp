#include "crawler/pubmed_dates.hpp"

#include <array>
#include <cctype>
#include <cstdio>

namespace ldn {

namespace {

constexpr std::array<std::string_view, 12> month_names{
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

std::optional<int> parse_number(std::string_view text, int low, int high) {
    if (text.empty() || text.size() > 4) return std::nullopt;
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    if (value < low || value > high) return std::nullopt;
    return value;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

std::string format_date(int year, std::optional<int> month, std::optional<int> day) {
    char buffer[16];
    if (month && day) {
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, *month, *day);
    } else if (month) {
        std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, *month);
    } else {
        std::snprintf(buffer, sizeof buffer, "%04d", year);
    }
    return buffer;
}

}  // namespace

std::optional<int> parse_month(std::string_view text) {
    text = trim(text);
    if (auto number = parse_number(text, 1, 12)) return number;
    if (text.size() < 3) return std::nullopt;
    std::string lower;
    for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::size_t i = 0; i < month_names.size(); ++i) {
        std::string_view name = month_names[i];
        // "Jan", "Sept" and "September" all name a month; "Junk" does not.
        if (lower.size() <= name.size() && name.starts_with(lower)) return static_cast<int>(i) + 1;
    }
    return std::nullopt;
}

PublicationDate date_from_parts(std::string_view year_text, std::string_view month_text,
                                std::string_view day_text) {
    auto year = parse_number(trim(year_text), 1000, 2999);
    if (!year) return {};
    auto month = parse_month(month_text);
    auto day = month ? parse_number(trim(day_text), 1, 31) : std::nullopt;
    return {year, format_date(*year, month, day)};
}

PublicationDate date_from_medline_date(std::string_view text) {
    // Tokens are runs of letters or of digits; everything else separates them.
    std::size_t i = 0;
    auto next_token = [&]() -> std::string_view {
        while (i < text.size() && !std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
        std::size_t start = i;
        bool digits = i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]));
        while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i])) &&
               (std::isdigit(static_cast<unsigned char>(text[i])) != 0) == digits) {
            ++i;
        }
        return text.substr(start, i - start);
    };
    for (std::string_view token = next_token(); !token.empty(); token = next_token()) {
        auto year = token.size() == 4 ? parse_number(token, 1000, 2999) : std::nullopt;
        if (!year) continue;
        std::optional<int> month;
        std::string_view following = next_token();
        if (!following.empty() && !std::isdigit(static_cast<unsigned char>(following.front()))) {
            month = parse_month(following);
        }
        return {year, format_date(*year, month, std::nullopt)};
    }
    return {};
}

}  // namespace ldn
