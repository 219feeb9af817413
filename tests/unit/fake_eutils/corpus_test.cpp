// The corpus: records keyed by PMID with their raw bytes and their three dates; files plain or
// gzip; revised records replace, DeleteCitation removes; large generated corpora load quickly.

#include <catch2/catch.hpp>

#include <string>

#include "tests/fake_eutils/corpus.hpp"
#include "tests/fake_eutils/synthetic_records.hpp"
#include "tests/support/paths.hpp"

using namespace ldn::fake;

namespace {

// A record with the History and DateRevised elements under test; `extra` goes inside History.
std::string record_with(const std::string& pmid, const std::string& pubdate, const std::string& history,
                        const std::string& revised = "") {
    return "<PubmedArticle><MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\"><PMID Version=\"1\">" + pmid +
           "</PMID>" + revised +
           "<Article PubModel=\"Print\"><Journal><JournalIssue CitedMedium=\"Print\"><PubDate>" + pubdate +
           "</PubDate></JournalIssue><Title>J</Title></Journal><ArticleTitle>T " + pmid +
           ".</ArticleTitle></Article></MedlineCitation><PubmedData><History>" + history +
           "</History></PubmedData></PubmedArticle>";
}

std::string set_of(const std::string& records) {
    return "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n" + records + "\n</PubmedArticleSet>\n";
}

}  // namespace

TEST_CASE("corpus dates: entrez, else pubmed, else pdat, DateRevised, else edat", "[fake_eutils]") {
    Corpus corpus;
    const auto report = corpus.load_xml(set_of(
        record_with("101", "<Year>2019</Year><Month>Mar</Month>",
                    "<PubMedPubDate PubStatus=\"received\"><Year>2018</Year><Month>1</Month><Day>1</Day></PubMedPubDate>"
                    "<PubMedPubDate PubStatus=\"pubmed\"><Year>2019</Year><Month>4</Month><Day>2</Day></PubMedPubDate>"
                    "<PubMedPubDate PubStatus=\"entrez\"><Year>2019</Year><Month>4</Month><Day>3</Day></PubMedPubDate>",
                    "<DateRevised><Year>2022</Year><Month>12</Month><Day>24</Day></DateRevised>") +
        record_with("102", "<Year>2019</Year>",
                    "<PubMedPubDate PubStatus=\"pubmed\"><Year>2019</Year><Month>5</Month><Day>6</Day></PubMedPubDate>") +
        record_with("103", "<MedlineDate>2018 Nov-Dec</MedlineDate>", "")));
    CHECK(report.added == 3);
    CHECK(report.problems.empty());

    const auto first = corpus.find("101");
    REQUIRE(first);
    CHECK(first->pdat == 20190301);
    CHECK(first->edat == 20190403);
    CHECK(first->mdat == 20221224);
    CHECK(first->xml.rfind("<PubmedArticle>", 0) == 0);
    CHECK(first->xml.size() > 100);

    const auto second = corpus.find("102");
    REQUIRE(second);
    CHECK(second->pdat == 20190101);
    CHECK(second->edat == 20190506);
    CHECK(second->mdat == 20190506);

    const auto third = corpus.find("103");
    REQUIRE(third);
    CHECK(third->pdat == 20181101);  // MedlineDate: its first year and month
    CHECK(third->edat == third->pdat);
    CHECK(third->mdat == third->pdat);
}

TEST_CASE("corpus windows are inclusive and ordered by PMID, highest first", "[fake_eutils]") {
    Corpus corpus;
    corpus.load_xml(synthetic_article_set({
        {5, "", {2020, 1, 1}, {2020, 1, 10}, {}},
        {30, "", {2020, 6, 30}, {2020, 7, 1}, SimpleDate{2024, 2, 1}},
        {7, "", {2020, 12, 31}, {2021, 1, 2}, {}},
        {1000, "", {2021, 1, 1}, {2021, 1, 1}, {}},
    }));
    using V = std::vector<std::string>;
    CHECK(corpus.matching(DateType::pdat, 20200101, 20201231) == V{"30", "7", "5"});
    CHECK(corpus.matching(DateType::pdat, std::nullopt, std::nullopt) == V{"1000", "30", "7", "5"});
    CHECK(corpus.matching(DateType::edat, 20210101, 20211231) == V{"1000", "7"});
    CHECK(corpus.matching(DateType::mdat, 20240101, 20241231) == V{"30"});
}

TEST_CASE("corpus files: plain and gzip alike, revised records replace, deletions remove", "[fake_eutils]") {
    Corpus plain;
    const auto report = plain.load_file(ldn::test::fixture("full_record.xml"));
    CHECK(report.added == 1);
    Corpus compressed;
    compressed.load_file(ldn::test::fixture("full_record.xml.gz"));
    REQUIRE(plain.size() == 1);
    REQUIRE(compressed.size() == 1);
    const auto record = plain.find("31001401");
    REQUIRE(record);
    CHECK(compressed.find("31001401")->xml == record->xml);
    CHECK(record->pdat == 20201001);
    CHECK(record->edat == 20200902);  // no "entrez" date: the "pubmed" one

    // An update file: two articles, then a DeleteCitation naming three PMIDs.
    Corpus updated;
    updated.load_xml(synthetic_article_set({{31000910, "", {2019, 1, 1}, {2019, 1, 1}, {}}}));
    REQUIRE(updated.contains("31000910"));
    const auto update = updated.load_file(ldn::test::fixture("delete_citation_at_end.xml"));
    CHECK(update.deleted == 1);  // only 31000910 was there to delete
    CHECK_FALSE(updated.contains("31000910"));
    CHECK(updated.contains("31000901"));

    // Day 2 at run time: a revision replaces, a removal removes.
    auto revised = make_corpus_record(synthetic_record_xml({31001401, "Revised title.", {2020, 10, 1},
                                                            {2020, 9, 2}, SimpleDate{2025, 1, 15}}));
    plain.put(revised);
    CHECK(plain.size() == 1);
    CHECK(plain.find("31001401")->mdat == 20250115);
    CHECK(plain.find("31001401")->xml.find("Revised title.") != std::string::npos);
    CHECK(plain.remove("31001401"));
    CHECK_FALSE(plain.remove("31001401"));
    CHECK(plain.size() == 0);
}

TEST_CASE("corpus reports unreadable records and keeps the others", "[fake_eutils]") {
    Corpus corpus;
    const auto report = corpus.load_xml(set_of(
        record_with("201", "<Year>2020</Year>", "") +
        "<PubmedArticle><MedlineCitation><PMID>202</PMID><Article><ArticleTitle>broken</Article>"
        "</MedlineCitation></PubmedArticle>" +
        record_with("203", "<Year>2020</Year>", "")));
    CHECK(report.added == 2);
    CHECK(report.problems.size() == 1);
    CHECK(corpus.contains("201"));
    CHECK(corpus.contains("203"));
}

TEST_CASE("a generated corpus of 25,000 records loads whole, spread over ten years", "[fake_eutils]") {
    Corpus corpus;
    const auto report = corpus.load_xml(synthetic_article_set(synthetic_records(25000)));
    CHECK(report.added == 25000);
    CHECK(corpus.size() == 25000);
    // Spread evenly over 2015..2024: each year holds about 2,500.
    CHECK(corpus.matching(DateType::pdat, 20200101, 20201231).size() == Approx(2500).epsilon(0.02));
}
