// The annotations' JSON: every key present, null for what is absent, and a lossless round trip.
#include <catch2/catch.hpp>

#include "index/annotations.hpp"

TEST_CASE("annotations round-trip through JSON with nulls for absent values", "[annotator][json]") {
    ldn::Annotations full;
    full.conditions = {"fibromyalgia"};
    full.design = "rct";
    full.evidence_level = 2;
    full.doses_mg = {1.5, 4.5};
    full.dose_class = "low";
    full.sample_size = 31;
    full.duration_weeks = 12;
    const ldn::Annotations empty;

    for (const ldn::Annotations& annotations : {full, empty}) {
        const nlohmann::ordered_json ordered = annotations;
        CHECK(ordered.get<ldn::Annotations>() == annotations);
        const nlohmann::json plain = annotations;
        CHECK(plain.get<ldn::Annotations>() == annotations);
    }
    const nlohmann::ordered_json written = empty;
    CHECK(
        written.dump() ==
        R"({"conditions":[],"design":"other","evidence_level":5,"doses_mg":[],"dose_class":null,"sample_size":null,"duration_weeks":null,"human":true})");
}
