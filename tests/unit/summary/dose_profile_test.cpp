// The dose profile of the evidence summary: records per dose, most common, median and range.
#include <catch2/catch.hpp>

#include "query/summary/dose_profile.hpp"

using namespace ldn;

TEST_CASE("the dose profile counts records per dose and ignores records without one", "[summary]") {
    const DoseProfile profile = dose_profile({{4.5}, {}, {1.0, 4.5, 6.0}, {4.5}, {50.0}, {}});
    CHECK(profile.studies_with_dose == 4);
    CHECK(profile.studies_per_dose == std::map<double, std::size_t>{{1.0, 1}, {4.5, 3}, {6.0, 1}, {50.0, 1}});
    CHECK(profile.most_common == 4.5);
    CHECK(profile.lowest == 1.0);
    CHECK(profile.highest == 50.0);
    // Every dose of every record: 1, 4.5, 4.5, 4.5, 6, 50 -> the middle two are 4.5 and 4.5.
    CHECK(profile.median == 4.5);
}

TEST_CASE("the median of an even number of doses is the mean of the middle two", "[summary]") {
    CHECK(dose_profile({{3.0}, {4.5}}).median == 3.75);
    CHECK(dose_profile({{1.5}, {3.0}, {4.5}}).median == 3.0);
}

TEST_CASE("the most common dose is the smallest of those tied", "[summary]") {
    const DoseProfile profile = dose_profile({{4.5}, {3.0}, {4.5, 3.0}, {6.0}});
    CHECK(profile.studies_per_dose.at(3.0) == 2);
    CHECK(profile.studies_per_dose.at(4.5) == 2);
    CHECK(profile.most_common == 3.0);
}

TEST_CASE("a dose listed twice in one record counts once", "[summary]") {
    const DoseProfile profile = dose_profile({{4.5, 4.5}});
    CHECK(profile.studies_per_dose.at(4.5) == 1);
    CHECK(profile.median == 4.5);
}

TEST_CASE("no dose anywhere leaves the profile empty", "[summary]") {
    const DoseProfile profile = dose_profile({{}, {}});
    CHECK(profile.studies_with_dose == 0);
    CHECK(profile.studies_per_dose.empty());
    CHECK_FALSE(profile.most_common);
    CHECK_FALSE(profile.median);
    CHECK_FALSE(profile.lowest);
    CHECK_FALSE(profile.highest);
}
