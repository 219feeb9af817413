// Calendar days for search windows.
#include <catch2/catch.hpp>

#include "crawler/calendar.hpp"

using ldn::Day;

TEST_CASE("days parse from YYYY-MM-DD and YYYY/MM/DD and print in both forms", "[calendar]") {
    auto day = Day::parse("2024-02-29");
    REQUIRE(day);
    CHECK(day->iso() == "2024-02-29");
    CHECK(day->eutils() == "2024/02/29");
    CHECK(Day::parse("2024/02/29") == day);
}

TEST_CASE("text that is not a calendar day is refused", "[calendar]") {
    for (const char* text : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-1-01", "20240101", "2024-01-01x",
                             "2024-01/01", "", "abcd-ef-gh"}) {
        CAPTURE(text);
        CHECK_FALSE(Day::parse(text));
    }
}

TEST_CASE("day arithmetic crosses months, years and leap days", "[calendar]") {
    Day day = *Day::parse("2024-02-28");
    CHECK(day.plus_days(1).iso() == "2024-02-29");
    CHECK(day.plus_days(2).iso() == "2024-03-01");
    CHECK(day.plus_days(-59).iso() == "2023-12-31");
    CHECK(Day::parse("2024-02-29")->minus_years(1).iso() == "2023-02-28");
    CHECK(Day::parse("2026-11-26")->minus_years(10).iso() == "2016-11-26");
    CHECK(Day::parse("2016-01-01")->days_until(*Day::parse("2016-12-31")) == 365);
}
