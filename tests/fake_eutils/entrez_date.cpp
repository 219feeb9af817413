#include "tests/fake_eutils/entrez_date.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace ldn::fake {

namespace {

// A run of exactly `width` ASCII digits, or nullopt.
std::optional<int> fixed_digits(std::string_view text, std::size_t width) {
    if (text.size() != width) return std::nullopt;
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

// Splits "Y<sep>M<sep>D" into up to three fields; nullopt for more fields or bad widths/ranges.
struct Parts {
    int year = 0;
    int month = 0;
    int day = 0;
};

std::optional<Parts> split_date(std::string_view text, char separator) {
    Parts parts;
    std::string_view fields[3];
    std::size_t count = 0;
    while (true) {
        auto cut = text.find(separator);
        if (count == 3) return std::nullopt;
        fields[count++] = text.substr(0, cut);
        if (cut == std::string_view::npos) break;
        text.remove_prefix(cut + 1);
    }
    auto year = fixed_digits(fields[0], 4);
    if (!year) return std::nullopt;
    parts.year = *year;
    if (count >= 2) {
        // NCBI accepts one- or two-digit months and days ("2020/1/5").
        auto month = fields[1].size() == 1 ? fixed_digits(fields[1], 1) : fixed_digits(fields[1], 2);
        if (!month || *month < 1 || *month > 12) return std::nullopt;
        parts.month = *month;
    }
    if (count == 3) {
        auto day = fields[2].size() == 1 ? fixed_digits(fields[2], 1) : fixed_digits(fields[2], 2);
        if (!day || *day < 1 || *day > 31) return std::nullopt;
        parts.day = *day;
    }
    return parts;
}

}  // namespace

DateKey date_key(int year, int month, int day) {
    return year * 10000 + (month > 0 ? month : 1) * 100 + (day > 0 ? day : 1);
}

std::optional<DateKey> parse_query_date(std::string_view text, bool end_of_period) {
    auto parts = split_date(text, '/');
    if (!parts) return std::nullopt;
    if (!end_of_period) return date_key(parts->year, parts->month, parts->day);
    // Day 31 closes every month for an integer comparison; no record has a later day.
    return parts->year * 10000 + (parts->month > 0 ? parts->month : 12) * 100 +
           (parts->day > 0 ? parts->day : 31);
}

std::optional<DateKey> parse_article_pubdate(std::string_view text) {
    auto parts = split_date(text, '-');
    if (!parts) return std::nullopt;
    return date_key(parts->year, parts->month, parts->day);
}

DateKey days_before(DateKey today, int days) {
    using namespace std::chrono;
    const year_month_day date{year{today / 10000}, month{static_cast<unsigned>(today / 100 % 100)},
                              day{static_cast<unsigned>(today % 100)}};
    const year_month_day earlier{sys_days{date} - std::chrono::days{days}};
    return date_key(static_cast<int>(earlier.year()), static_cast<int>(unsigned(earlier.month())),
                    static_cast<int>(unsigned(earlier.day())));
}

DateKey today_utc() {
    using namespace std::chrono;
    const year_month_day date{floor<std::chrono::days>(system_clock::now())};
    return date_key(static_cast<int>(date.year()), static_cast<int>(unsigned(date.month())),
                    static_cast<int>(unsigned(date.day())));
}

std::string format_query_date(DateKey key) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d/%02d/%02d", key / 10000, key / 100 % 100, key % 100);
    return text;
}

}  // namespace ldn::fake
