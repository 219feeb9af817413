// Duration in weeks: the treatment or study length, not ages, histories, washouts or time points.
#include <catch2/catch.hpp>

#include "tests/unit/index/annotator_test_articles.hpp"

using ldn::test::annotate;

TEST_CASE("durations are read and converted to weeks", "[annotator][duration]") {
    struct Row {
        const char* abstract;
        std::optional<double> weeks;
    };
    const Row rows[] = {
        {"A 12-week trial of LDN.", 12},
        {"LDN was taken for 8 weeks.", 8},
        {"After 3 months of LDN, pain improved.", 13},
        {"Patients took LDN for six months.", 26},
        {"LDN was given for 10 days.", 10.0 / 7},
        {"LDN for twenty-four weeks.", 24},
        {"Pain for at least 3 months was required; the 8-week study followed.", 8},
        {"Women aged 45 years with pain for more than 6 months.", std::nullopt},
        {"Two 12-week periods separated by a 4-week washout.", 12},
        {"Pain was assessed at week 4 and week 8.", std::nullopt},
        {"Mean disease duration was 8 +- 3 years.", std::nullopt},
        {"Median age was 35 years.", std::nullopt},
        {"Children 12 years of age or older took part.", std::nullopt},
        {"LDN was raised in 2-week steps over a total of 6 weeks.", 6},
        {"After one week the dose was raised; at 3 months pain had fallen.", 13},
        {"Patients took 4.5 mg/day for 16 weeks.", 16},
        {"Within 2 years, half of the cohort stopped LDN.", 104.4},
        {"Patients received a 3-day inpatient infusion; most relapsed within 6 months.", 3.0 / 7},
        {"Pain was scored 6 months after treatment.", 26.1},
        {"A 52-week, double-blind trial in patients 12 years of age or older.", 52},
        {"Median survival was 20 months (95% CI 14 months to not reached).", std::nullopt},
    };
    for (const Row& row : rows) {
        CAPTURE(row.abstract);
        const auto weeks = annotate({"LDN in FM", row.abstract}).duration_weeks;
        REQUIRE(weeks.has_value() == row.weeks.has_value());
        if (weeks) CHECK(*weeks == Approx(*row.weeks).epsilon(0.01));
    }
}

TEST_CASE("reviews have no duration of their own", "[annotator][duration]") {
    CHECK(annotate({"LDN", "Trials lasted 8 to 12 weeks.", {"Systematic Review"}}).duration_weeks == std::nullopt);
}
