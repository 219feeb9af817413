#pragma once
// Calendar days for search windows: parsing user dates, E-utilities' YYYY/MM/DD form, and the
// arithmetic that splitting and incremental windows need.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace ldn {

class Day {
public:
    Day() = default;
    explicit Day(std::chrono::sys_days days) : days_(days) {}

    static Day today_utc();
    // "YYYY-MM-DD" (also "YYYY/MM/DD"); nullopt when the text is not a real calendar day.
    static std::optional<Day> parse(std::string_view text);

    std::string iso() const;     // 2026-11-26
    std::string eutils() const;  // 2026/11/26, as mindate/maxdate want it
    Day plus_days(int days) const { return Day(days_ + std::chrono::days(days)); }
    Day minus_years(int years) const;
    int days_until(const Day& later) const { return (later.days_ - days_).count(); }

    auto operator<=>(const Day&) const = default;

private:
    std::chrono::sys_days days_{};
};

}  // namespace ldn
