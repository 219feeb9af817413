// The study design: publication types first, refined by text cues; text cues alone when no type is
// known; preclinical when the record is not about people.
#include <catch2/catch.hpp>

#include "tests/unit/index/annotator_test_articles.hpp"

using ldn::test::annotate;

TEST_CASE("publication types decide the design, refined by text cues", "[annotator][design]") {
    struct Row {
        ldn::test::Record record;
        const char* design;
        int level;
    };
    const Row rows[] = {
        {{"LDN for pain", "", {"Journal Article", "Systematic Review"}}, "sr-ma", 1},
        {{"LDN for pain", "", {"Meta-Analysis", "Randomized Controlled Trial"}}, "sr-ma", 1},
        {{"LDN in FM", "Women were assigned to LDN or placebo.", {"Randomized Controlled Trial"}}, "rct", 2},
        {{"LDN in FM", "Patients were randomized to LDN or placebo.", {"Clinical Trial"}}, "rct", 2},
        {{"LDN in FM", "A double-blind crossover trial.", {"Clinical Trial"}}, "rct", 2},
        {{"LDN in FM", "An open-label trial. Randomized trials are needed.", {"Clinical Trial"}},
         "non-randomized-trial",
         3},
        {{"LDN in FM", "A non-randomized comparison.", {"Clinical Trial, Phase II"}}, "non-randomized-trial", 3},
        {{"LDN in FM: study protocol", "Participants will be randomized.", {"Randomized Controlled Trial"}},
         "other",
         5},
        {{"LDN in FM", "", {"Clinical Trial Protocol"}}, "other", 5},
        {{"LDN in CRPS", "We report a case.", {"Case Reports"}}, "case-report", 4},
        {{"LDN in CRPS", "A case series of five patients.", {"Case Reports"}}, "case-series", 4},
        {{"LDN in CRPS", "", {"Letter", "Case Reports"}}, "case-report", 4},
        {{"LDN in CRPS", "We report a case of CRPS.", {"Letter"}}, "case-report", 4},
        {{"LDN in FM", "", {"Editorial"}}, "other", 5},
        {{"LDN in FM", "", {"Comment"}}, "other", 5},
        {{"LDN for pain", "We review the evidence.", {"Review"}}, "review", 5},
        {{"LDN for pain", "We conducted a systematic review of randomized trials.", {"Review"}}, "sr-ma", 1},
        {{"LDN for pain", "PubMed and Embase were searched.", {"Review"}}, "sr-ma", 1},
        {{"LDN for pain", "A meta-analysis of three trials found benefit.", {"Review"}}, "review", 5},
        {{"LDN use", "A retrospective cohort.", {"Observational Study"}}, "observational", 3},
        {{"LDN use", "A case-control analysis.", {"Observational Study"}}, "case-control", 3},
        {{"LDN in lupus: a scoping review", "We searched three databases systematically.", {"Review"}}, "review", 5},
        {{"LDN after a trial", "An open-label extension of a randomized trial.", {"Clinical Trial"}},
         "non-randomized-trial",
         3},
        {{"LDN for pain: protocol for a systematic review", "We will search MEDLINE.", {"Systematic Review"}},
         "other",
         5},
    };
    for (const Row& row : rows) {
        CAPTURE(row.record.title, row.record.abstract, row.record.publication_types);
        const ldn::Annotations annotations = annotate(row.record);
        CHECK(annotations.design == row.design);
        CHECK(annotations.evidence_level == row.level);
    }
}

TEST_CASE("text cues decide when no publication type is known, strongest claim first", "[annotator][design]") {
    struct Row {
        ldn::test::Record record;
        const char* design;
    };
    const Row rows[] = {
        {{"LDN for chronic pain: a systematic review and meta-analysis", "Randomized trials were pooled."}, "sr-ma"},
        {{"LDN for pain", "We systematically searched MEDLINE for randomized controlled trials."}, "sr-ma"},
        {{"LDN in FM", "In this randomised, double-blind, placebo-controlled trial, 31 women took part."}, "rct"},
        {{"LDN in FM", "A double-blind, placebo-controlled crossover study."}, "rct"},
        {{"LDN in FM", "A single-blind, placebo-controlled crossover pilot study."}, "non-randomized-trial"},
        {{"LDN in FM", "An open-label, single-arm study. Randomized controlled trials are warranted."},
         "non-randomized-trial"},
        {{"LDN in CRPS", "We present the case of a 45-year-old woman with CRPS."}, "case-report"},
        {{"LDN in CRPS: a case report and review of the literature", "A 38-year-old man improved."}, "case-report"},
        {{"LDN in CRPS", "We describe three patients treated with LDN: a case series."}, "case-series"},
        {{"LDN in pain: a narrative review", "Randomized trials and case reports are discussed."}, "review"},
        {{"Low-dose naltrexone: an update", "LDN has been used in several randomized trials."}, "review"},
        {{"LDN prescriptions", "A retrospective analysis of medical records; patients were not randomized."},
         "observational"},
        {{"Pain in FM", "A cross-sectional survey of 200 members."}, "observational"},
        {{"Opioid receptors", "A case-control study of FM patients and matched controls."}, "case-control"},
        {{"LDN and pain", "Thoughts on an old drug."}, "other"},
        {{"LDN in Crohn's disease: a retrospective analysis", "Patients of a phase 2 trial were compared with others."},
         "observational"},
        {{"LDN in FM: a pilot study", "A randomized, double-blind crossover trial."}, "rct"},
        {{"LDN for pain: protocol for a systematic review and meta-analysis", "We will search five databases."},
         "other"},
        {{"Pain in Sjogren's syndrome", "We characterised pain in 90 patients."}, "observational"},
        {{"Pain thresholds in knee OA", "We tested 40 patients and 20 pain-free controls."}, "case-control"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.record.title, row.record.abstract);
        CHECK(annotate(row.record).design == row.design);
    }
}

TEST_CASE("background sections and cited work do not make a design", "[annotator][design]") {
    const ldn::Article article = ldn::test::structured_article(
        "LDN in fibromyalgia", {{"BACKGROUND", "A previous randomized controlled trial showed benefit."},
                                {"METHODS", "Twelve women received open-label LDN for 8 weeks."},
                                {"CONCLUSIONS", "Larger randomized trials should follow."}});
    CHECK(ldn::test::bundled_annotator().annotate(article).design == "non-randomized-trial");
}

TEST_CASE("records not about people are preclinical, reviews of them stay reviews", "[annotator][design][human]") {
    struct Row {
        ldn::test::Record record;
        const char* design;
        bool human;
    };
    const Row rows[] = {
        {{"Naltrexone reduces hyperalgesia in a rat model of fibromyalgia", "Rats were randomized to naltrexone."},
         "preclinical",
         false},
        {{"Naltrexone and microglia", "BV-2 cell lines were treated in vitro."}, "preclinical", false},
        {{"Naltrexone and pain", "Naltrexone was given.", {"Journal Article"}, {"D000818"}}, "preclinical", false},
        {{"Naltrexone and pain", "Naltrexone was given.", {}, {"D000818", "D006801"}}, "other", true},
        {{"Naltrexone in human microglial cells", "Cells were exposed to 10 uM.", {}, {"D006801"}},
         "preclinical",
         false},
        {{"Naltrexone and blood cells from women with FM in vitro", "Cells from 10 women were stimulated."},
         "preclinical",
         false},
        {{"Animal models of LDN: a review", "Mice and rats.", {"Review"}}, "review", false},
        {{"LDN in FM", "Patients were randomized; earlier work in mice was promising."}, "rct", true},
    };
    for (const Row& row : rows) {
        CAPTURE(row.record.title, row.record.abstract);
        const ldn::Annotations annotations = annotate(row.record);
        CHECK(annotations.design == row.design);
        CHECK(annotations.human == row.human);
    }
}

TEST_CASE("a record without text annotates to the defaults", "[annotator][design]") {
    const ldn::Annotations annotations = ldn::test::bundled_annotator().annotate(ldn::Article{});
    CHECK(annotations == ldn::Annotations{});
}
