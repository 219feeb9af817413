// The evidence summary over the search fixture (tests/fixtures/search/README.md has the hand counts
// these expectations come from), with the report's day fixed at 2026-01-01.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "query/search/query_language.hpp"
#include "query/summary/evidence_summary.hpp"
#include "query/summary/json_report.hpp"
#include "query/summary/markdown_report.hpp"
#include "query/summary/vocabulary_conditions.hpp"
#include "tests/support/paths.hpp"
#include "tests/unit/query/search_test_corpus.hpp"

using namespace ldn;
using namespace ldn::test;

namespace {

using Counts = std::map<std::string, std::size_t>;

// "90000015" for 15: the corpus numbers its records from 90000001.
std::string corpus_pmid(int number) { return std::to_string(90000000 + number); }

std::vector<std::string> corpus_pmids(std::initializer_list<int> numbers) {
    std::vector<std::string> pmids;
    for (int number : numbers) pmids.push_back(corpus_pmid(number));
    return pmids;
}

const std::vector<std::string>& vocabulary() {
    static const std::vector<std::string> ids =
        vocabulary_condition_ids(fixture("..") / ".." / "data" / "vocab" / "conditions.json");
    return ids;
}

// The default window: the past 10 years as of 2026-01-01.
SummaryOptions options_for_years(int years) {
    SummaryOptions options;
    options.now = options.until = day("2026-01-01");
    options.since = options.now.minus_years(years);
    return options;
}

std::vector<std::string> key_pmids(const ConditionEvidence& evidence) {
    std::vector<std::string> out;
    for (const StudyDigest& study : evidence.key_studies) out.push_back(study.pmid);
    return out;
}

// One record fewer under `key`; a count that reaches 0 goes, as facets list only what occurs.
void uncount(Counts& counts, const std::string& key) {
    if (--counts.at(key) == 0) counts.erase(key);
}

const ConditionEvidence& section_of(const EvidenceSummary& summary, const std::string& condition) {
    for (const ConditionEvidence& evidence : summary.conditions) {
        if (evidence.condition == condition) return evidence;
    }
    FAIL("no section for " << condition);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("the vocabulary lists the ten conditions of DESIGN.md in its order", "[summary]") {
    CHECK(vocabulary() == std::vector<std::string>{"fibromyalgia", "rheumatoid-arthritis", "osteoarthritis",
                                                   "psoriatic-arthritis", "axial-spondyloarthritis", "lupus", "sjogren",
                                                   "crps", "low-back-pain", "chronic-pain"});
}

TEST_CASE("the past ten years include 23 of the 30 records", "[summary]") {
    SearchCorpus corpus;
    const EvidenceSummary summary = summarize_evidence(corpus.database, options_for_years(10), vocabulary());
    CHECK(summary.identified == 30);
    // 2009 to 2015 are out: 90000001, 02, 08, 10, 13, 14 (the retracted one) and 24. "2016" (year only,
    // 90000011) may fall on or after 2016-01-01, so it is in, as `ldn search --since` has it.
    CHECK(summary.included == 23);
    CHECK(summary.excluded == Counts{{"out of window", 7}, {"no date", 0}, {"retracted", 0}, {"corrected", 0}, {"not human", 0}});
    CHECK(summary.retracted.empty());
    // Without a sample size: reviews 90000009, 17, 25, 30, the meta-analysis 90000015 and the
    // prescription study 90000022.
    CHECK(summary.included_without_sample_size == 6);
    CHECK(summary.included_without_abstract == 0);
}

TEST_CASE("the evidence map and the timeline count the included records", "[summary]") {
    SearchCorpus corpus;
    const EvidenceSummary summary = summarize_evidence(corpus.database, options_for_years(10), vocabulary());
    CHECK(summary.evidence_map.at("fibromyalgia") ==
          Counts{{"sr-ma", 2}, {"rct", 3}, {"non-randomized-trial", 1}, {"observational", 1}, {"review", 1}});
    CHECK(summary.evidence_map.at("crps") == Counts{{"sr-ma", 1}, {"rct", 1}, {"case-report", 1}});
    CHECK(summary.evidence_map.at("lupus") == Counts{{"rct", 1}, {"observational", 1}});
    CHECK(summary.evidence_map.at("none") == Counts{{"review", 1}});
    CHECK(summary.map_conditions == std::vector<std::string>{"fibromyalgia", "rheumatoid-arthritis", "osteoarthritis",
                                                             "lupus", "crps", "low-back-pain", "chronic-pain", "none"});
    CHECK(summary.map_designs ==
          std::vector<std::string>{"sr-ma", "rct", "non-randomized-trial", "observational", "case-report", "review"});
    CHECK(summary.timeline.at(2016) == Counts{{"non-randomized-trial", 1}, {"case-report", 1}});
    CHECK(summary.timeline.at(2019) == Counts{{"observational", 2}, {"case-report", 1}, {"review", 1}});
    CHECK(summary.timeline.at(2025) == Counts{{"sr-ma", 1}, {"rct", 1}});
    CHECK(summary.timeline.count(2015) == 0);
}

TEST_CASE("the evidence map and timeline agree with the search facets of the same window", "[summary]") {
    SearchCorpus corpus;
    for (int years : {5, 10, 20}) {
        INFO("past " << years << " years");
        const SummaryOptions options = options_for_years(years);
        const EvidenceSummary summary = summarize_evidence(corpus.database, options, vocabulary());
        SearchRequest request;
        request.since = options.since;
        request.until = options.until;
        request.limit = 0;
        request.facets = {Facet::condition, Facet::design, Facet::year};
        SearchResults facets = search(corpus.database, request);
        // The summary leaves out the retracted 90000014 (2011, fibromyalgia, rct); the facets count it.
        if (years == 20) {
            CHECK(summary.excluded.at("retracted") == 1);
            uncount(facets.facets["condition"], "fibromyalgia");
            uncount(facets.facets["design"], "rct");
            uncount(facets.facets["year"], "2011");
        }
        CHECK(summary.included + summary.excluded.at("retracted") == facets.total);

        Counts per_condition;
        for (const auto& [condition, designs] : summary.evidence_map) {
            for (const auto& [design, count] : designs) {
                if (condition != "none") per_condition[condition] += count;
            }
        }
        Counts per_design;
        Counts per_year;
        for (const auto& [year, designs] : summary.timeline) {
            for (const auto& [design, count] : designs) {
                per_design[design] += count;
                per_year[std::to_string(year)] += count;
            }
        }
        CHECK(per_condition == facets.facets["condition"]);
        CHECK(per_design == facets.facets["design"]);
        CHECK(per_year == facets.facets["year"]);
    }
}

TEST_CASE("key studies are reviews then trials, newest first, with quoted conclusions and AMA references",
          "[summary]") {
    SearchCorpus corpus;
    const EvidenceSummary summary = summarize_evidence(corpus.database, options_for_years(10), vocabulary());
    std::vector<std::string> sections;
    for (const ConditionEvidence& evidence : summary.conditions) sections.push_back(evidence.condition);
    CHECK(sections == std::vector<std::string>{"fibromyalgia", "rheumatoid-arthritis", "osteoarthritis", "lupus",
                                               "crps", "low-back-pain", "chronic-pain"});

    const ConditionEvidence& fibromyalgia = section_of(summary, "fibromyalgia");
    CHECK(key_pmids(fibromyalgia) == corpus_pmids({15, 4, 23, 5, 3}));
    CHECK(key_pmids(section_of(summary, "crps")) == corpus_pmids({15, 21}));
    CHECK(key_pmids(section_of(summary, "osteoarthritis")).empty());

    const StudyDigest& newest_trial = fibromyalgia.key_studies[2];
    CHECK(newest_trial.design == "rct");
    CHECK(newest_trial.year == 2025);
    CHECK(newest_trial.sample_size == 150);
    CHECK(newest_trial.doses_mg == std::vector<double>{4.5});
    CHECK(newest_trial.duration_weeks == 16.0);
    CHECK(newest_trial.conclusion == "Low-dose naltrexone reduced fatigue in fibromyalgia.");
    CHECK(newest_trial.conclusion_source == "conclusions section");
    CHECK(newest_trial.reference.starts_with("Yılmaz A, Öztürk M. Low-dose naltrexone and fatigue in fibromyalgia"));
}

TEST_CASE("participants, doses and gaps over the past ten years", "[summary]") {
    SearchCorpus corpus;
    const EvidenceSummary summary = summarize_evidence(corpus.database, options_for_years(10), vocabulary());
    // RCTs in the window: 90000003 (58), 05 (99), 07 (80), 12 (120), 21 (46), 23 (150), 26 (30).
    CHECK(summary.rcts == 7);
    CHECK(summary.randomized_participants == 583);
    CHECK(summary.rcts_without_sample_size == 0);
    CHECK(section_of(summary, "fibromyalgia").randomized_participants == 58 + 99 + 150);
    CHECK(section_of(summary, "crps").randomized_participants == 46);

    // Doses: 4.5 mg in 90000012, 20, 21, 23, 26, 28, 05 and 18 (which also gives 1 and 6); 5 mg in 04.
    CHECK(summary.doses.studies_with_dose == 9);
    CHECK(summary.doses.studies_per_dose == std::map<double, std::size_t>{{1.0, 1}, {4.5, 8}, {5.0, 1}, {6.0, 1}});
    CHECK(summary.doses.most_common == 4.5);
    CHECK(summary.doses.median == 4.5);
    CHECK(summary.doses.lowest == 1.0);
    CHECK(summary.doses.highest == 6.0);

    CHECK(summary.conditions_without_rct == std::vector<std::string>{"osteoarthritis", "psoriatic-arthritis",
                                                                     "axial-spondyloarthritis", "sjogren",
                                                                     "chronic-pain"});
    CHECK(section_of(summary, "osteoarthritis").newest->pmid == corpus_pmid(27));
    CHECK(section_of(summary, "crps").newest->pmid == corpus_pmid(15));
}

TEST_CASE("a retracted paper in the window is listed apart and counted nowhere else", "[summary]") {
    SearchCorpus corpus;
    const EvidenceSummary summary = summarize_evidence(corpus.database, options_for_years(20), vocabulary());
    CHECK(summary.identified == 30);
    CHECK(summary.included == 29);
    REQUIRE(summary.retracted.size() == 1);
    CHECK(summary.retracted[0].pmid == corpus_pmid(14));
    CHECK(summary.retracted[0].reference.starts_with("[RETRACTED] Fabricated F."));
    CHECK(summary.retracted[0].reference.find("[RETRACTED] [RETRACTED]") == std::string::npos);
    CHECK(summary.evidence_map.at("fibromyalgia").at("rct") == 4);  // 90000001, 03, 05, 23; not 14
    CHECK(key_pmids(section_of(summary, "fibromyalgia")) == corpus_pmids({15, 4, 23, 5, 3, 1}));
    // 90000013 (a letter) has no abstract.
    CHECK(summary.included_without_abstract == 1);
}

TEST_CASE("a condition filter narrows the sections and the gaps to that condition", "[summary]") {
    SearchCorpus corpus;
    SummaryOptions options = options_for_years(10);
    options.conditions = {"lupus"};
    const EvidenceSummary summary = summarize_evidence(corpus.database, options, vocabulary());
    CHECK(summary.identified == 3);
    CHECK(summary.included == 2);
    // 90000016 is about lupus and rheumatoid arthritis: the map shows both rows.
    CHECK(summary.map_conditions == std::vector<std::string>{"rheumatoid-arthritis", "lupus"});
    REQUIRE(summary.conditions.size() == 1);
    CHECK(summary.conditions[0].condition == "lupus");
    CHECK(summary.conditions_without_rct.empty());
}

TEST_CASE("a query narrows what is identified", "[summary]") {
    SearchCorpus corpus;
    SummaryOptions options = options_for_years(10);
    options.query = "design:rct";
    const EvidenceSummary summary = summarize_evidence(corpus.database, options, vocabulary());
    CHECK(summary.identified == 10);
    CHECK(summary.included == 7);
    CHECK(summary.excluded.at("out of window") == 3);
}

TEST_CASE("a bad query is a syntax error", "[summary]") {
    SearchCorpus corpus;
    SummaryOptions options = options_for_years(10);
    options.query = "(lupus";
    CHECK_THROWS_AS(summarize_evidence(corpus.database, options, vocabulary()), QuerySyntaxError);
}

TEST_CASE("two indexes of the same records give the same report bytes", "[summary]") {
    SearchCorpus first;
    SearchCorpus second;
    const SummaryOptions options = options_for_years(20);
    const EvidenceSummary a = summarize_evidence(first.database, options, vocabulary());
    const EvidenceSummary b = summarize_evidence(second.database, options, vocabulary());
    CHECK(render_markdown_report(a) == render_markdown_report(b));
    CHECK(render_json_report(a) == render_json_report(b));
}

TEST_CASE("the json report gives the numbers in a fixed key order", "[summary]") {
    SearchCorpus corpus;
    const EvidenceSummary summary = summarize_evidence(corpus.database, options_for_years(10), vocabulary());
    const nlohmann::ordered_json report = nlohmann::ordered_json::parse(render_json_report(summary));
    std::vector<std::string> keys;
    for (const auto& [key, value] : report.items()) keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"scope", "evidence_map", "timeline", "conditions", "doses", "participants",
                                           "retracted", "corrected", "gaps"});
    CHECK(report["scope"]["identified"] == 30);
    CHECK(report["scope"]["included"] == 23);
    CHECK(report["scope"]["since"] == "2016-01-01");
    CHECK(report["scope"]["excluded"].dump() == R"({"out of window":7,"no date":0,"retracted":0,"corrected":0,"not human":0})");
    CHECK(report["evidence_map"]["fibromyalgia"].dump() ==
          R"({"sr-ma":2,"rct":3,"non-randomized-trial":1,"observational":1,"review":1})");
    CHECK(report["timeline"]["2025"].dump() == R"({"sr-ma":1,"rct":1})");
    CHECK(report["participants"]["randomized"] == 583);
    CHECK(report["doses"]["median"] == 4.5);
    CHECK(report["gaps"]["newest_per_condition"]["fibromyalgia"] == corpus_pmid(23));
    CHECK(report["conditions"][0]["key_studies"][0]["pmid"] == corpus_pmid(15));
}
