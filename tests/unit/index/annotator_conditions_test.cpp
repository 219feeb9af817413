// Conditions come from MeSH UIs and from words and abbreviations in title, abstract and keywords.
#include <catch2/catch.hpp>

#include "tests/unit/index/annotator_test_articles.hpp"

using ldn::test::annotate;
using Ids = std::vector<std::string>;

TEST_CASE("conditions are found by phrase, abbreviation and MeSH UI", "[annotator][conditions]") {
    struct Row {
        ldn::test::Record record;
        Ids expected;
    };
    const Row rows[] = {
        {{"Low-dose naltrexone for fibromyalgia", ""}, {"fibromyalgia"}},
        {{"Naltrexone in fibromyalgic women", ""}, {"fibromyalgia"}},
        {{"LDN in FM: a pilot study", ""}, {"fibromyalgia"}},
        {{"LDN in patients with RA and OA", ""}, {"osteoarthritis", "rheumatoid-arthritis"}},
        {{"A trial", "Knee osteoarthritis pain was the outcome."}, {"osteoarthritis"}},
        {{"A trial", "", {}, {"D020370"}}, {"osteoarthritis"}},
        {{"A trial", "", {}, {"D001172", "D005356"}}, {"fibromyalgia", "rheumatoid-arthritis"}},
        {{"Psoriatic arthritis and PsA activity", ""}, {"psoriatic-arthritis"}},
        {{"Naltrexone in axSpA", ""}, {"axial-spondyloarthritis"}},
        {{"Patients with AS received LDN", ""}, {"axial-spondyloarthritis"}},
        {{"Ankylosing spondylitis", ""}, {"axial-spondyloarthritis"}},
        {{"LDN in systemic lupus erythematosus (SLE)", ""}, {"lupus"}},
        {{"Sjögren's syndrome and naltrexone", ""}, {"sjogren"}},
        {{"Complex regional pain syndrome type 1", ""}, {"crps"}},
        {{"Reflex sympathetic dystrophy treated with LDN", ""}, {"crps"}},
        {{"Chronic low-back pain", ""}, {"low-back-pain"}},
        {{"Naltrexone in chronic low back pain", "", {}, {}, {"LBP"}}, {"low-back-pain"}},
        {{"Inflammatory back pain in young men", ""}, {"axial-spondyloarthritis"}},
        {{"Low-dose naltrexone for chronic pain: a survey", ""}, {"chronic-pain"}},
        {{"A trial", "", {}, {"D059350"}}, {"chronic-pain"}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.record.title, row.record.abstract);
        CHECK(annotate(row.record).conditions == row.expected);
    }
}

TEST_CASE("chronic-pain is the catch-all, beside a specific condition only for a mixed population",
          "[annotator][conditions]") {
    struct Row {
        ldn::test::Record record;
        Ids expected;
    };
    const Row rows[] = {
        {{"LDN in fibromyalgia", "Fibromyalgia is a chronic pain condition."}, {"fibromyalgia"}},
        {{"LDN in Sjogren's syndrome", "Chronic widespread pain is common."}, {"sjogren"}},
        {{"LDN in a pain clinic", "Patients with chronic pain (fibromyalgia 38%, CRPS 12%) were reviewed."},
         {"chronic-pain", "crps", "fibromyalgia"}},
        {{"LDN use", "Indications were chronic pain conditions including fibromyalgia."},
         {"chronic-pain", "fibromyalgia"}},
        {{"LDN for chronic pain: a systematic review", "Studies covered fibromyalgia and CRPS."},
         {"chronic-pain", "crps", "fibromyalgia"}},
        {{"LDN for chronic pain in fibromyalgia", ""}, {"fibromyalgia"}},
        {{"LDN in fibromyalgia", "", {}, {"D059350"}}, {"chronic-pain", "fibromyalgia"}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.record.title, row.record.abstract);
        CHECK(annotate(row.record).conditions == row.expected);
    }
}

TEST_CASE("negated and excluded conditions are not the record's", "[annotator][conditions]") {
    struct Row {
        ldn::test::Record record;
        Ids expected;
    };
    const Row rows[] = {
        {{"LDN in rheumatoid arthritis without fibromyalgia", ""}, {"rheumatoid-arthritis"}},
        {{"LDN in fibromyalgia", "Patients with rheumatoid arthritis, SLE or gout were excluded."}, {"fibromyalgia"}},
        {{"Sjogren's syndrome", "Patients had no concomitant fibromyalgia."}, {"sjogren"}},
        {{"Pain in controls", "Patients with RA were excluded.", {}, {"D001172"}}, {"rheumatoid-arthritis"}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.record.title, row.record.abstract);
        CHECK(annotate(row.record).conditions == row.expected);
    }
}

TEST_CASE("abbreviations match their exact case and whole words only", "[annotator][conditions]") {
    struct Row {
        ldn::test::Record record;
        Ids expected;
    };
    const Row rows[] = {
        {{"Naltrexone as a treatment", "We used it as described."}, {}},
        {{"LOW DOSE NALTREXONE AS A TREATMENT OF PAIN", ""}, {}},
        {{"Naltrexone in radiology", "The ra value and FMRI data."}, {}},
        {{"Rheumatoid factor levels", "Rheumatoid factor was measured."}, {}},
        {{"Fm and oa are lowercase here", ""}, {}},
        {{"Arthritis psoriatica", "Psoriasis patients only."}, {"psoriatic-arthritis"}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.record.title, row.record.abstract);
        CHECK(annotate(row.record).conditions == row.expected);
    }
}
