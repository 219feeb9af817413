#include "crawler/calendar.hpp"

#include <cstdio>

namespace ldn {

using namespace std::chrono;

Day Day::today_utc() { return Day(floor<days>(system_clock::now())); }

std::optional<Day> Day::parse(std::string_view text) {
    if (text.size() != 10 || (text[4] != '-' && text[4] != '/') || text[7] != text[4]) return std::nullopt;
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    }
    year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
    month = static_cast<unsigned>((text[5] - '0') * 10 + (text[6] - '0'));
    day = static_cast<unsigned>((text[8] - '0') * 10 + (text[9] - '0'));
    year_month_day date{std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)};
    if (!date.ok()) return std::nullopt;
    return Day(sys_days(date));
}

std::string Day::iso() const {
    year_month_day date(days_);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

std::string Day::eutils() const {
    std::string text = iso();
    text[4] = '/';
    text[7] = '/';
    return text;
}

Day Day::minus_years(int years) const {
    year_month_day date(days_);
    year_month_day earlier = date - std::chrono::years(years);
    // 29 February minus a year is 28 February.
    if (!earlier.ok()) earlier = earlier.year() / earlier.month() / last;
    return Day(sys_days(earlier));
}

}  // namespace ldn
