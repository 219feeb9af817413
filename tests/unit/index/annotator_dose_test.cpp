// Naltrexone doses near a mention of naltrexone, never another drug's dose.
#include <catch2/catch.hpp>

#include "tests/unit/index/annotator_test_articles.hpp"

using ldn::test::annotate;
using Doses = std::vector<double>;

TEST_CASE("naltrexone doses are read in their written forms", "[annotator][dose]") {
    struct Row {
        const char* abstract;
        Doses doses;
        std::optional<std::string> dose_class;
    };
    const Row rows[] = {
        {"Patients took LDN 4.5 mg nightly.", {4.5}, "low"},
        {"Patients took 4.5mg of naltrexone.", {4.5}, "low"},
        {"Naltrexone 4.5 milligrams was given.", {4.5}, "low"},
        {"LDN was titrated from 1.5 to 4.5 mg.", {1.5, 4.5}, "low"},
        {"LDN (1.5-4.5 mg/day) was given.", {1.5, 4.5}, "low"},
        {"LDN (1.5\u20134.5 mg) was given.", {1.5, 4.5}, "low"},
        {"Naltrexone at 3 and 4.5 mg was compared.", {3, 4.5}, "low"},
        {"Naltrexone 1.5, 3 and 4.5 mg daily.", {1.5, 3, 4.5}, "low"},
        {"Naltrexone 4\u00b75 mg daily.", {4.5}, "low"},
        {"Naltrexone 50 mg was compared with 4.5 mg.", {4.5, 50}, "low"},
        {"Naltrexone, an opioid antagonist licensed at 50 mg for opioid dependence, is used at 1.5–4.5 mg.",
         {1.5, 4.5, 50},
         "low"},
        {"Naltrexone at 0.5-6 mg daily.", {0.5, 6}, "low"},
        {"Patients received naltrexone 50-mg tablets.", {50}, "standard"},
        {"Naltrexone 12.5 mg daily.", {12.5}, std::nullopt},
        {"Naltrexone was well tolerated.", {}, std::nullopt},
    };
    for (const Row& row : rows) {
        CAPTURE(row.abstract);
        const ldn::Annotations annotations = annotate({"LDN", row.abstract});
        CHECK(annotations.doses_mg == row.doses);
        CHECK(annotations.dose_class == row.dose_class);
    }
}

TEST_CASE("doses of other drugs are not naltrexone's", "[annotator][dose]") {
    struct Row {
        const char* abstract;
        Doses doses;
    };
    const Row rows[] = {
        {"LDN 4.5 mg was compared with amitriptyline 25 mg.", {4.5}},
        {"4.5 mg LDN and 25 mg amitriptyline were given.", {4.5}},
        {"Patients on duloxetine 60 mg were given LDN 4.5 mg.", {4.5}},
        {"Patients continued methotrexate (15 mg weekly) and started LDN.", {}},
        {"LDN was added. Prednisone 10 mg was tapered.", {}},
        {"LDN was given with adalimumab 40 mg.", {}},
        {"Rats received naltrexone 10 mg/kg.", {}},
        {"Naltrexone, 4.5 mg/day; glucose 95 mg/dl.", {4.5}},
        {"Participants took 0.5 ug of something.", {}},
        {"Pregabalin 150 mg was used; no naltrexone dose was given.", {}},
        {"Pilocarpine 5 mg did not help; LDN 4.5 mg did.", {4.5}},
        {"Participants took naltrexone/bupropion 16 mg/180 mg twice daily.", {16}},
        {"Participants took bupropion/naltrexone 180 mg/16 mg.", {16}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.abstract);
        CHECK(annotate({"LDN", row.abstract}).doses_mg == row.doses);
    }
}

TEST_CASE("a record that never names naltrexone has no naltrexone dose", "[annotator][dose]") {
    CHECK(annotate({"Duloxetine in FM", "Duloxetine 60 mg daily."}).doses_mg.empty());
}
