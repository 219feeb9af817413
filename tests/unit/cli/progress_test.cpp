// The progress line's rate and time left (what a bulk ingest of the PubMed baseline shows for hours).
#include <catch2/catch.hpp>

#include "query/cli/progress.hpp"

using ldn::cli::rate_and_time_left;

TEST_CASE("the rate is records per second of the run so far", "[progress]") {
    CHECK(rate_and_time_left(8450, 10.0, 0, 0) == "845 records/s");
    CHECK(rate_and_time_left(500, 0.5, 10, 100).empty());  // under a second: start-up, not a rate
    CHECK(rate_and_time_left(0, 30.0, 10, 100).empty());
}

TEST_CASE("the time left is the bytes left at the rate of bytes so far", "[progress]") {
    CHECK(rate_and_time_left(1000, 10.0, 50, 100) == "100 records/s, about 10 s left");
    CHECK(rate_and_time_left(1000, 60.0, 25, 100) == "16 records/s, about 3 min left");
    // 1,300 baseline files: 13 done in 2 minutes leaves 198 minutes.
    CHECK(rate_and_time_left(390000, 120.0, 13, 1300) == "3250 records/s, about 3 h 18 min left");
    CHECK(rate_and_time_left(1000, 10.0, 100, 100) == "100 records/s");  // finished: nothing left to say
}
