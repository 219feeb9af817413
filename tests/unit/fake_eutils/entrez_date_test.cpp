// Dates as esearch compares them: the query forms, a record's partial dates as the start of their
// period, a maxdate as the end of its period, and reldate's calendar arithmetic.

#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "tests/fake_eutils/entrez_date.hpp"

using namespace ldn::fake;

TEST_CASE("query dates: YYYY, YYYY/MM, YYYY/MM/DD, an end bound closes its period", "[fake_eutils]") {
    struct Row {
        std::string text;
        std::optional<DateKey> as_start;
        std::optional<DateKey> as_end;
    };
    const Row rows[] = {
        {"2020", 20200101, 20201231},
        {"2020/02", 20200201, 20200231},
        {"2020/2", 20200201, 20200231},
        {"2020/02/29", 20200229, 20200229},
        {"2020-02-29", std::nullopt, std::nullopt},  // PubMed's form uses slashes
        {"20", std::nullopt, std::nullopt},
        {"2020/13", std::nullopt, std::nullopt},
        {"2020/01/01/01", std::nullopt, std::nullopt},
        {"", std::nullopt, std::nullopt},
    };
    for (const Row& row : rows) {
        INFO(row.text);
        CHECK(parse_query_date(row.text, false) == row.as_start);
        CHECK(parse_query_date(row.text, true) == row.as_end);
    }
}

TEST_CASE("a record's pubdate with missing parts counts as the start of the period", "[fake_eutils]") {
    CHECK(parse_article_pubdate("2021") == 20210101);
    CHECK(parse_article_pubdate("2021-10") == 20211001);
    CHECK(parse_article_pubdate("2021-10-05") == 20211005);
    CHECK_FALSE(parse_article_pubdate("").has_value());
    CHECK(date_key(2021) == 20210101);
    CHECK(date_key(2021, 3) == 20210301);
}

TEST_CASE("reldate counts calendar days back from today", "[fake_eutils]") {
    CHECK(days_before(20240301, 1) == 20240229);
    CHECK(days_before(20240101, 1) == 20231231);
    CHECK(days_before(20240115, 0) == 20240115);
    CHECK(format_query_date(20240229) == "2024/02/29");
    CHECK(today_utc() > 20240000);
}
