// Exclusion reasons the search corpus has no example of: a record without a date, an animal study
// and a corrected paper, in a small index of hand-made records.
#include <catch2/catch.hpp>

#include "index/annotator.hpp"
#include "index/index_writer.hpp"
#include "query/summary/evidence_summary.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/process.hpp"

using namespace ldn;
using namespace ldn::test;

namespace {

Article fibromyalgia_record(std::string pmid, std::string title, std::string pubdate) {
    Article article;
    article.pmid = std::move(pmid);
    article.title = std::move(title);
    article.pubdate = std::move(pubdate);
    if (!article.pubdate.empty()) article.year = std::stoi(article.pubdate.substr(0, 4));
    article.abstract = {{"", "", "Naltrexone was studied in fibromyalgia. It eased pain."}};
    article.languages = {"eng"};
    return article;
}

}  // namespace

TEST_CASE("records without a date, animal studies and corrected papers are excluded under their own reasons",
          "[summary]") {
    TempDir dir;
    const std::filesystem::path index = dir.path() / "index";
    {
        const Annotator annotator(fixture("..") / ".." / "data" / "vocab");
        IndexWriter writer(index, annotator);
        writer.put(fibromyalgia_record("1", "Low-dose naltrexone in fibromyalgia: a randomized controlled trial.",
                                       "2020-05-01"));
        writer.put(fibromyalgia_record("2", "Low-dose naltrexone in fibromyalgia: a case report.", ""));
        Article animal = fibromyalgia_record("3", "Naltrexone in a rat model of fibromyalgia.", "2021-02-03");
        animal.mesh = {{"D000818", "Animals", false, {}}, {"D051381", "Rats", false, {}}};
        writer.put(animal);
        writer.put(fibromyalgia_record("4", "Low-dose naltrexone in fibromyalgia: a cohort study.", "2001-01-01"));
        Article corrected = fibromyalgia_record("5", "Low-dose naltrexone in fibromyalgia: a case series.", "2022-03-04");
        corrected.corrected = true;
        writer.put(corrected);
        writer.commit();
    }
    const Xapian::Database database(index.string());

    SummaryOptions options;
    options.now = options.until = Day::parse("2026-01-01").value();
    options.since = options.now.minus_years(10);
    const EvidenceSummary summary = summarize_evidence(database, options, {"fibromyalgia", "lupus"});
    CHECK(summary.identified == 5);
    CHECK(summary.included == 1);
    CHECK(summary.excluded == std::map<std::string, std::size_t>{{"out of window", 1},
                                                                 {"no date", 1},
                                                                 {"retracted", 0},
                                                                 {"corrected", 1},
                                                                 {"not human", 1}});
    REQUIRE(summary.corrected.size() == 1);
    CHECK(summary.corrected[0].pmid == "5");
    CHECK(summary.corrected[0].corrected);
    CHECK(summary.conditions_without_rct == std::vector<std::string>{"lupus"});
    REQUIRE(summary.conditions.size() == 1);
    REQUIRE(summary.conditions[0].key_studies.size() == 1);
    const StudyDigest& trial = summary.conditions[0].key_studies[0];
    CHECK(trial.pmid == "1");
    CHECK(trial.conclusion == "Naltrexone was studied in fibromyalgia. It eased pain.");
    CHECK(trial.conclusion_source == "closing sentences");
    CHECK(trial.sample_size == std::nullopt);
    CHECK(summary.conditions[0].rcts_without_sample_size == 1);
    CHECK(summary.rcts_without_sample_size == 1);
}

TEST_CASE("an index with no match gives a summary of zeros", "[summary]") {
    TempDir dir;
    const std::filesystem::path index = dir.path() / "index";
    {
        const Annotator annotator(fixture("..") / ".." / "data" / "vocab");
        IndexWriter writer(index, annotator);
        writer.commit();
    }
    SummaryOptions options;
    options.now = options.until = Day::parse("2026-01-01").value();
    options.since = options.now.minus_years(10);
    const EvidenceSummary summary = summarize_evidence(Xapian::Database(index.string()), options, {"fibromyalgia"});
    CHECK(summary.identified == 0);
    CHECK(summary.included == 0);
    CHECK(summary.evidence_map.empty());
    CHECK(summary.map_conditions.empty());
    CHECK(summary.conditions.empty());
    CHECK(summary.doses.studies_with_dose == 0);
    CHECK(summary.conditions_without_rct == std::vector<std::string>{"fibromyalgia"});
}
