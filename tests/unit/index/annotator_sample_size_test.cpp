// Sample size: participants enrolled or randomized, never percentages, ages, doses or years.
#include <catch2/catch.hpp>

#include "tests/unit/index/annotator_test_articles.hpp"

using ldn::test::annotate;

TEST_CASE("the number of participants is read from counts, enrolment and n =", "[annotator][sample_size]") {
    struct Row {
        const char* abstract;
        std::optional<int> size;
    };
    const Row rows[] = {
        {"Thirty-one women with fibromyalgia took part.", 31},
        {"We enrolled 58 patients.", 58},
        {"A total of 67 participants were randomized to LDN or placebo.", 67},
        {"Of 80 patients screened, 31 were randomized.", 31},
        {"Patients (n = 31) received LDN.", 31},
        {"Patients received LDN (N=16) or placebo (N=15).", 31},
        {"Twelve consecutive female patients received LDN.", 12},
        {"One hundred and twenty adults were enrolled.", 120},
        {"We recruited 1,250 respondents.", 1250},
        {"31 patients were enrolled; 28 patients completed the study.", 31},
        {"Pain fell by 30% in 12 weeks (p = 0.02).", std::nullopt},
        {"Patients aged 45 years received 4.5 mg.", std::nullopt},
        {"In 2019, patients were enrolled.", std::nullopt},
        {"Twelve of 31 patients responded.", 31},
        {"The mean age was 52 years.", std::nullopt},
        {"Four randomized trials with 300 participants were pooled.", 300},
        {"We studied 20 women with FM and 20 healthy controls.", 40},
        {"We examined 75 patients with OA and 75 age- and sex-matched controls.", 150},
        {"We enrolled 40 patients with RA and assessed pain monthly.", 40},
        {"The survey was completed by 210 rheumatologists.", 210},
        {"We will recruit 120 participants.", 120},
        {"Of the 52 randomised participants, 40 completed follow-up.", 52},
        {"We enrolled 75 methadone-treated adults with chronic pain.", 75},
        {"Adults with knee OA (n = 120) were randomly allocated to LDN or placebo. Pain improved in 30 participants.",
         120},
        {"Two patient advocacy groups sent the survey to 300 members.", 300},
        {"Seventeen women with FM and 15 healthy women were tested.", 32},
        {"Completers of the core trial could continue; 88 entered the extension.", 88},
        {"Five randomized trials were pooled.", std::nullopt},
        {"Patients took nalmefene as needed (n = 90) for 12 weeks.", 90},
        {"We enrolled 85 adults in a placebo run-in. Afterwards 80 were randomised to LDN or placebo.", 80},
        {"The cohort comprised 33 women and 9 men with lupus.", 42},
        {"Of 2,400 members invited, 610 responded (25%).", 610},
        {"Of 3,000 households contacted, 1,450 adults completed interviews.", 1450},
        {"Of 31 patients, 12 responded.", 31},
    };
    for (const Row& row : rows) {
        CAPTURE(row.abstract);
        CHECK(annotate({"LDN in FM", row.abstract}).sample_size == row.size);
    }
}

TEST_CASE("a case report without a count has one participant, reviews and preclinical work have none",
          "[annotator][sample_size]") {
    CHECK(annotate({"LDN in CRPS", "A 45-year-old woman improved.", {"Case Reports"}}).sample_size == 1);
    CHECK(annotate({"LDN in CRPS", "A woman improved.", {"Journal Article"}}).sample_size == std::nullopt);
    CHECK(annotate({"LDN in pain: a narrative review", "Trials in 120 patients are discussed."}).sample_size ==
          std::nullopt);
    CHECK(annotate({"Naltrexone in rats", "Twelve rats received naltrexone."}).sample_size == std::nullopt);
}

TEST_CASE("a case-control study counts every group it compares", "[annotator][sample_size]") {
    const ldn::test::Record text{"Pain thresholds in rheumatoid arthritis and osteoarthritis: a case-control study",
                                "We compared 25 patients with RA, 25 patients with OA and 25 healthy controls."};
    const ldn::Annotations annotations = annotate(text);
    CHECK(annotations.design == "case-control");
    CHECK(annotations.sample_size == 75);
}

TEST_CASE("counts in background sections and cited work are not the sample", "[annotator][sample_size]") {
    const ldn::Article article = ldn::test::structured_article(
        "LDN in fibromyalgia",
        {{"BACKGROUND", "An earlier trial in 30 patients was positive."}, {"METHODS", "We enrolled 20 women."}});
    CHECK(ldn::test::bundled_annotator().annotate(article).sample_size == 20);
}
