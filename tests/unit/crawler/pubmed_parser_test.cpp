// The PubMed parser and reader against the hand-written fixtures in tests/fixtures: one edge case per
// fixture, expected values written from the XML and the rules in DESIGN.md / EUTILS.md.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "crawler/article.hpp"
#include "crawler/article_json.hpp"
#include "crawler/byte_source.hpp"
#include "crawler/errors.hpp"
#include "crawler/pubmed_parser.hpp"
#include "crawler/pubmed_reader.hpp"
#include "crawler/record_splitter.hpp"
#include "tests/support/paths.hpp"

namespace {

using ldn::Article;
using ldn::RecordIssue;

struct Collected {
    std::vector<Article> articles;
    std::vector<RecordIssue> issues;
    ldn::ReadSummary summary;
};

Collected read_file(const std::filesystem::path& path) {
    Collected got;
    got.summary = ldn::read_pubmed_file(
        path, [&](Article&& article) { got.articles.push_back(std::move(article)); },
        [&](const RecordIssue& issue) { got.issues.push_back(issue); });
    return got;
}

Collected read_fixture(const std::string& name) { return read_file(ldn::test::fixture(name)); }

Collected read_memory(std::string_view bytes) {
    auto source = ldn::memory_source(bytes);
    Collected got;
    got.summary = ldn::read_pubmed(
        *source, [&](Article&& article) { got.articles.push_back(std::move(article)); },
        [&](const RecordIssue& issue) { got.issues.push_back(issue); });
    return got;
}

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The single article of a fixture that must parse cleanly.
Article only_article(const std::string& fixture_name) {
    Collected got = read_fixture(fixture_name);
    INFO("fixture " << fixture_name);
    REQUIRE(got.issues.empty());
    REQUIRE(got.articles.size() == 1);
    return got.articles.front();
}

const Article& by_pmid(const std::vector<Article>& articles, const std::string& pmid) {
    auto found = std::find_if(articles.begin(), articles.end(),
                              [&](const Article& article) { return article.pmid == pmid; });
    INFO("PMID " << pmid);
    REQUIRE(found != articles.end());
    return *found;
}

std::vector<std::string> pmids(const std::vector<Article>& articles) {
    std::vector<std::string> out;
    for (const Article& article : articles) out.push_back(article.pmid);
    return out;
}

std::string as_json(const Article& article) { return nlohmann::json(article).dump(); }

// A minimal PubmedArticle record whose ArticleTitle and AbstractText hold `inner` verbatim.
std::string record_with_title(const std::string& inner) {
    return "<PubmedArticle><MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\">"
           "<PMID Version=\"1\">32000001</PMID><Article PubModel=\"Print\"><Journal>"
           "<JournalIssue CitedMedium=\"Print\"><PubDate><Year>2020</Year></PubDate></JournalIssue>"
           "<Title>T</Title></Journal><ArticleTitle>" +
           inner + "</ArticleTitle><Abstract><AbstractText>" + inner +
           "</AbstractText></Abstract><Language>eng</Language></Article></MedlineCitation>"
           "</PubmedArticle>";
}

// A minimal PubmedArticle record with the given PubDate children.
std::string record_with_pubdate(const std::string& pubdate_children) {
    return "<PubmedArticle><MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\">"
           "<PMID Version=\"1\">32000002</PMID><Article PubModel=\"Print\"><Journal>"
           "<JournalIssue CitedMedium=\"Print\"><PubDate>" +
           pubdate_children +
           "</PubDate></JournalIssue><Title>T</Title></Journal><ArticleTitle>Dates</ArticleTitle>"
           "<Language>eng</Language></Article></MedlineCitation></PubmedArticle>";
}

const char* const kPrologue =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January 2025//EN\" "
    "\"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd\">\n"
    "<PubmedArticleSet>\n";

}  // namespace

// ---------------------------------------------------------------------------------------------
// Text: inline markup, whitespace, entities, UTF-8
// ---------------------------------------------------------------------------------------------

TEST_CASE("inline markup in titles is flattened without gluing or splitting words", "[parser]") {
    Article article = only_article("inline_markup.xml");
    CHECK(article.pmid == "31000001");
    CHECK(article.title ==
          "CD4+ T cells in an in vitro study of H2O & bold claims: Müller's 中文 cohort");
}

TEST_CASE("abstract text is flattened: markup, MathML, entities decoded, whitespace collapsed",
          "[parser]") {
    Article article = only_article("inline_markup.xml");
    REQUIRE(article.abstract.size() == 1);
    CHECK(article.abstract[0].label.empty());
    CHECK(article.abstract[0].category.empty());
    CHECK(article.abstract[0].text ==
          "The α and β chains were measured where x=2 and p < 0.05; the tag <i>kept</i> stays "
          "literal and E. coliR grew.");
}

TEST_CASE("UTF-8 text is kept as it is in names and titles", "[parser]") {
    Article article = only_article("inline_markup.xml");
    REQUIRE(article.authors.size() == 1);
    CHECK(article.authors[0].last == "Müller");
    CHECK(article.authors[0].fore == "Jürgen");
}

TEST_CASE("each inline-markup and entity shape flattens to the expected text", "[parser]") {
    std::string inner;
    std::string expected;
    std::tie(inner, expected) = GENERATE(table<std::string, std::string>({
        {"CD4<sup>+</sup> T cells", "CD4+ T cells"},
        {"an <i>in vitro</i> study", "an in vitro study"},
        {"H<sub>2</sub>O", "H2O"},
        {"a <b>bold</b> and <u>underlined</u> word", "a bold and underlined word"},
        {"pre<i>fix</i>ed", "prefixed"},
        {"<b><i>nested</i> markup</b> works", "nested markup works"},
        {"10<sup>-3</sup> M", "10-3 M"},
        {"<mml:math xmlns:mml=\"http://www.w3.org/1998/Math/MathML\"><mml:mi>x</mml:mi></mml:math>"
         " axis",
         "x axis"},
        {"  spaced \n\t  out\n  ", "spaced out"},
        {"&amp; &lt; &gt; &quot; &apos;", "& < > \" '"},
        {"&#x3b1;-synuclein and &#946;-amyloid", "α-synuclein and β-amyloid"},
        {"&lt;i&gt;not markup&lt;/i&gt;", "<i>not markup</i>"},
        {"Müller 中文 naïve", "Müller 中文 naïve"},
    }));
    INFO("inner XML: " << inner);
    ldn::ParsedRecord parsed =
        ldn::parse_record(ldn::RecordKind::pubmed_article, record_with_title(inner));
    INFO("error: " << parsed.error);
    REQUIRE(parsed.ok());
    REQUIRE(parsed.articles.size() == 1);
    CHECK(parsed.articles[0].title == expected);
    REQUIRE(parsed.articles[0].abstract.size() == 1);
    CHECK(parsed.articles[0].abstract[0].text == expected);
}

// ---------------------------------------------------------------------------------------------
// Abstracts
// ---------------------------------------------------------------------------------------------

TEST_CASE("a structured abstract keeps Label and NlmCategory per section, in order", "[parser]") {
    Collected got = read_fixture("structured_abstract.xml");
    REQUIRE(got.issues.empty());
    const Article& article = by_pmid(got.articles, "31000011");
    const std::vector<ldn::AbstractSection> expected{
        {"BACKGROUND", "BACKGROUND", "Low-dose naltrexone is used off label."},
        {"METHODS AND FINDINGS", "METHODS", "We randomised n = 40 adults."},
        {"RESULTS", "RESULTS", "Pain fell by 30%."},
        {"CONCLUSIONS", "CONCLUSIONS", "It may help."},
        {"TRIAL REGISTRATION", "", "ClinicalTrials.gov NCT00000000."},
    };
    REQUIRE(article.abstract.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("section " << i);
        CHECK(article.abstract[i].label == expected[i].label);
        CHECK(article.abstract[i].category == expected[i].category);
        CHECK(article.abstract[i].text == expected[i].text);
    }
}

TEST_CASE("an unstructured abstract is one section with empty label and category", "[parser]") {
    Collected got = read_fixture("structured_abstract.xml");
    const Article& article = by_pmid(got.articles, "31000012");
    REQUIRE(article.abstract.size() == 1);
    CHECK(article.abstract[0].label == "");
    CHECK(article.abstract[0].category == "");
    CHECK(article.abstract[0].text == "One paragraph, no labels.");
}

TEST_CASE("a record without an abstract has an empty abstract array", "[parser]") {
    Article article = only_article("journal.xml");
    CHECK(article.abstract.empty());
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

TEST_CASE("MedlineDate shapes give the first year and month, and keep the raw text", "[parser][dates]") {
    Collected got = read_fixture("medline_date_shapes.xml");
    REQUIRE(got.issues.empty());
    REQUIRE(got.articles.size() == 7);

    std::string pmid;
    int year = 0;
    std::string pubdate;
    std::string raw;
    std::tie(pmid, year, pubdate, raw) = GENERATE(table<std::string, int, std::string, std::string>({
        {"31000101", 2019, "2019-01", "2019 Jan-Feb"},
        {"31000102", 1998, "1998-12", "1998 Dec-1999 Jan"},
        {"31000103", 2000, "2000", "2000 Spring"},
        {"31000104", 1978, "1978", "1978-1979"},
        {"31000105", 2022, "2022-01", "2022 Jan-Feb 01"},
        {"31000106", 1990, "1990-05", "1990 May-Jun"},
        {"31000107", 1998, "1998", "1998 Winter"},
    }));
    INFO("MedlineDate " << raw);
    const Article& article = by_pmid(got.articles, pmid);
    REQUIRE(article.year.has_value());
    CHECK(*article.year == year);
    CHECK(article.pubdate == pubdate);
    CHECK(article.medline_date == raw);
}

TEST_CASE("PubDate Year/Month/Day, Year/Season and Year give YYYY-MM-DD, YYYY-MM or YYYY",
          "[parser][dates]") {
    Collected got = read_fixture("pubdate_shapes.xml");
    REQUIRE(got.issues.empty());
    REQUIRE(got.articles.size() == 7);

    std::string pmid;
    int year = 0;
    std::string pubdate;
    std::tie(pmid, year, pubdate) = GENERATE(table<std::string, int, std::string>({
        {"31000201", 2020, "2020-03-15"},  // Month name
        {"31000202", 2020, "2020-03-15"},  // Month number
        {"31000203", 2020, "2020-03"},     // no Day
        {"31000204", 2021, "2021"},        // Season
        {"31000205", 2017, "2017"},        // Year only
        {"31000207", 2020, "2020-09-05"},  // one-digit Day
    }));
    INFO("PMID " << pmid);
    const Article& article = by_pmid(got.articles, pmid);
    REQUIRE(article.year.has_value());
    CHECK(*article.year == year);
    CHECK(article.pubdate == pubdate);
    CHECK(article.medline_date == "");
}

TEST_CASE("a record with no publication date has a null year and an empty pubdate", "[parser][dates]") {
    Collected got = read_fixture("pubdate_shapes.xml");
    const Article& article = by_pmid(got.articles, "31000206");
    CHECK_FALSE(article.year.has_value());
    CHECK(article.pubdate == "");
    CHECK(article.medline_date == "");
}

TEST_CASE("every month name maps to its two-digit number", "[parser][dates]") {
    std::string month;
    std::string number;
    std::tie(month, number) = GENERATE(table<std::string, std::string>({
        {"Jan", "01"}, {"Feb", "02"}, {"Mar", "03"}, {"Apr", "04"}, {"May", "05"}, {"Jun", "06"},
        {"Jul", "07"}, {"Aug", "08"}, {"Sep", "09"}, {"Oct", "10"}, {"Nov", "11"}, {"Dec", "12"},
    }));
    ldn::ParsedRecord parsed = ldn::parse_record(
        ldn::RecordKind::pubmed_article,
        record_with_pubdate("<Year>2011</Year><Month>" + month + "</Month><Day>28</Day>"));
    REQUIRE(parsed.ok());
    REQUIRE(parsed.articles.size() == 1);
    CHECK(parsed.articles[0].pubdate == "2011-" + number + "-28");
}

// ---------------------------------------------------------------------------------------------
// Identifiers
// ---------------------------------------------------------------------------------------------

TEST_CASE("DOI and pii come from ELocationID, pmcid from the PubmedData ArticleIdList", "[parser][ids]") {
    Article article = only_article("ids_from_elocation.xml");
    CHECK(article.doi == "10.1371/journal.pone.0230001");
    CHECK(article.pii == "e0230001");
    CHECK(article.pmcid == "PMC7100001");
}

TEST_CASE("without ELocationID, DOI, pii and pmcid come from the PubmedData ArticleIdList",
          "[parser][ids]") {
    Article article = only_article("ids_from_article_id_list.xml");
    CHECK(article.doi == "10.1016/S0140-6736(20)30002-X");
    CHECK(article.pii == "S0140-6736(20)30002-X");
    CHECK(article.pmcid == "PMC7100002");
}

TEST_CASE("identifiers of cited references in ReferenceList are not the article's own", "[parser][ids]") {
    Article article = only_article("doi_only_in_references.xml");
    CHECK(article.pmid == "31000303");
    CHECK(article.doi == "");
    CHECK(article.pii == "");
    CHECK(article.pmcid == "");
}

// ---------------------------------------------------------------------------------------------
// Retractions
// ---------------------------------------------------------------------------------------------

TEST_CASE("a RetractionIn comment marks the article retracted", "[parser][retraction]") {
    Article article = only_article("retraction_in.xml");
    CHECK(article.retracted);
    CHECK(article.retraction_of.empty());
}

TEST_CASE("the Retracted Publication type alone marks the article retracted", "[parser][retraction]") {
    Article article = only_article("retracted_publication_type.xml");
    CHECK(article.retracted);
    CHECK(article.retraction_of.empty());
    CHECK(article.publication_types ==
          std::vector<std::string>{"Journal Article", "Retracted Publication"});
}

TEST_CASE("a retraction notice lists the retracted PMIDs from RetractionOf comments only",
          "[parser][retraction]") {
    Article article = only_article("retraction_notice.xml");
    CHECK_FALSE(article.retracted);
    CHECK(article.retraction_of == std::vector<std::string>{"31000401", "31000409"});
    CHECK(article.publication_types == std::vector<std::string>{"Retraction of Publication"});
}

TEST_CASE("an ordinary article is not retracted and retracts nothing", "[parser][retraction]") {
    Article article = only_article("journal.xml");
    CHECK_FALSE(article.retracted);
    CHECK(article.retraction_of.empty());
    CHECK_FALSE(article.corrected);
}

TEST_CASE("an ErratumIn comment marks the article corrected, not retracted", "[parser][retraction]") {
    Article article = only_article("erratum_in.xml");
    CHECK(article.corrected);
    CHECK_FALSE(article.retracted);
}

// ---------------------------------------------------------------------------------------------
// Authors
// ---------------------------------------------------------------------------------------------

TEST_CASE("authors carry names, suffix, bare ORCID and every affiliation, and invalid ones are skipped",
          "[parser][authors]") {
    Article article = only_article("authors.xml");
    REQUIRE(article.authors.size() == 4);  // the ValidYN="N" author is dropped

    const ldn::Author& muller = article.authors[0];
    CHECK(muller.last == "Müller");
    CHECK(muller.fore == "Hans-Peter");
    CHECK(muller.initials == "HP");
    CHECK(muller.suffix == "Jr");
    CHECK(muller.collective == "");
    CHECK(muller.orcid == "0000-0002-1825-0097");
    CHECK(muller.affiliations == std::vector<std::string>{
                                     "Department of Neurology, Charité, Berlin, Germany.",
                                     "Institute of Pain Research, Basel, Switzerland."});

    const ldn::Author& smith = article.authors[1];
    CHECK(smith.last == "Smith");
    CHECK(smith.fore == "Jane");
    CHECK(smith.initials == "J");
    CHECK(smith.suffix == "");
    CHECK(smith.orcid == "0000-0001-5109-3700");  // from https://orcid.org/…; ISNI ignored
    CHECK(smith.affiliations == std::vector<std::string>{"University of Oxford, Oxford, UK."});

    const ldn::Author& group = article.authors[2];
    CHECK(group.collective == "LDN Trial Group");
    CHECK(group.last == "");
    CHECK(group.fore == "");
    CHECK(group.initials == "");
    CHECK(group.orcid == "");
    CHECK(group.affiliations.empty());

    const ldn::Author& tanaka = article.authors[3];
    CHECK(tanaka.last == "Tanaka");
    CHECK(tanaka.fore == "Kenji");
    CHECK(tanaka.initials == "K");
    CHECK(tanaka.affiliations == std::vector<std::string>{"Kyoto University, Kyoto, Japan."});

    for (const ldn::Author& author : article.authors) CHECK(author.last != "Wrongname");
}

// ---------------------------------------------------------------------------------------------
// Journal
// ---------------------------------------------------------------------------------------------

TEST_CASE("journal title, abbreviation, ISSN, volume, issue and MedlinePgn pages are read",
          "[parser][journal]") {
    Article article = only_article("journal.xml");
    CHECK(article.journal.title == "Annals of internal medicine");
    CHECK(article.journal.iso_abbrev == "Ann Intern Med");
    CHECK(article.journal.issn == "0003-4819");
    CHECK(article.journal.volume == "172");
    CHECK(article.journal.issue == "10 Suppl");
    CHECK(article.journal.pages == "S101-9");
    REQUIRE(article.year.has_value());
    CHECK(*article.year == 2020);
    CHECK(article.pubdate == "2020-05-19");
}

TEST_CASE("an article with only an ELocationID has empty pages", "[parser][journal]") {
    Article article = only_article("elocation_only.xml");
    CHECK(article.journal.pages == "");
    CHECK(article.journal.title == "Scientific reports");
    CHECK(article.journal.iso_abbrev == "Sci Rep");
    CHECK(article.journal.issn == "2045-2322");
    CHECK(article.journal.volume == "10");
    CHECK(article.journal.issue == "1");
    CHECK(article.doi == "10.1038/s41598-019-12345-6");
    CHECK(article.pii == "12345");
    CHECK(article.pubdate == "2020-01-08");
}

// ---------------------------------------------------------------------------------------------
// MeSH and lists
// ---------------------------------------------------------------------------------------------

TEST_CASE("MeSH headings keep descriptor and qualifier UI, name and major-topic flag", "[parser][mesh]") {
    Article article = only_article("mesh_keywords_lists.xml");
    const std::vector<ldn::MeshHeading> expected{
        {"D001249", "Asthma", false,
         {{"Q000188", "drug therapy", true}, {"Q000517", "prevention & control", false}}},
        {"D019819", "Budesonide", true, {}},
        {"D006801", "Humans", false, {}},
    };
    REQUIRE(article.mesh.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("heading " << i);
        CHECK(article.mesh[i].ui == expected[i].ui);
        CHECK(article.mesh[i].name == expected[i].name);
        CHECK(article.mesh[i].major == expected[i].major);
        REQUIRE(article.mesh[i].qualifiers.size() == expected[i].qualifiers.size());
        for (std::size_t q = 0; q < expected[i].qualifiers.size(); ++q) {
            CHECK(article.mesh[i].qualifiers[q].ui == expected[i].qualifiers[q].ui);
            CHECK(article.mesh[i].qualifiers[q].name == expected[i].qualifiers[q].name);
            CHECK(article.mesh[i].qualifiers[q].major == expected[i].qualifiers[q].major);
        }
    }
}

TEST_CASE("keywords, chemicals, repeated languages, publication types and vernacular title are read",
          "[parser][lists]") {
    Article article = only_article("mesh_keywords_lists.xml");
    CHECK(article.keywords ==
          std::vector<std::string>{"asthma", "in vivo imaging", "low-dose naltrexone"});
    CHECK(article.chemicals == std::vector<std::string>{"Glucocorticoids", "Budesonide"});
    CHECK(article.languages == std::vector<std::string>{"eng", "fre"});
    CHECK(article.publication_types ==
          std::vector<std::string>{"Journal Article", "Randomized Controlled Trial"});
    CHECK(article.title == "[Randomised study of asthma].");
    CHECK(article.vernacular_title == "Étude randomisée de l'asthme.");
}

// ---------------------------------------------------------------------------------------------
// Books, deletions, legacy root
// ---------------------------------------------------------------------------------------------

TEST_CASE("a PubmedBookArticle chapter is read from its BookDocument", "[parser][book]") {
    Collected got = read_fixture("book_article.xml");
    REQUIRE(got.issues.empty());
    REQUIRE(pmids(got.articles) == std::vector<std::string>{"31000801", "31000802"});

    const Article& chapter = got.articles[0];
    CHECK(chapter.book);
    CHECK_FALSE(chapter.deleted);
    CHECK(chapter.title == "Fake Syndrome");
    REQUIRE(chapter.abstract.size() == 2);
    CHECK(chapter.abstract[0].label == "CLINICAL CHARACTERISTICS");
    CHECK(chapter.abstract[0].category == "UNASSIGNED");
    CHECK(chapter.abstract[0].text == "Fake syndrome is rare.");
    CHECK(chapter.abstract[1].label == "MANAGEMENT");
    CHECK(chapter.abstract[1].text == "Treat the symptoms.");
    REQUIRE(chapter.authors.size() == 1);  // the authors, not the book's editors
    CHECK(chapter.authors[0].last == "Writer");
    CHECK(chapter.authors[0].fore == "Wanda");
    CHECK(chapter.authors[0].initials == "W");
    CHECK(chapter.authors[0].affiliations == std::vector<std::string>{"University of Somewhere"});
    REQUIRE(chapter.year.has_value());
    CHECK(*chapter.year == 2018);
    CHECK(chapter.pubdate == "2018-06-07");
    CHECK(chapter.languages == std::vector<std::string>{"eng"});
    CHECK(chapter.publication_types == std::vector<std::string>{"Review"});
}

TEST_CASE("a PubmedBookArticle without ArticleTitle takes its title from BookTitle", "[parser][book]") {
    Collected got = read_fixture("book_article.xml");
    const Article& book = by_pmid(got.articles, "31000802");
    CHECK(book.book);
    CHECK(book.title == "Pain Management and the Opioid Epidemic");
    REQUIRE(book.year.has_value());
    CHECK(*book.year == 2017);
    CHECK(book.pubdate == "2017-07-13");
    REQUIRE(book.abstract.size() == 1);
    CHECK(book.abstract[0].text == "A whole book.");
    CHECK(book.authors.empty());
}

TEST_CASE("journal articles are not books", "[parser][book]") {
    CHECK_FALSE(only_article("journal.xml").book);
}

TEST_CASE("a DeleteCitation at the end of a file gives one deleted entry per PMID, in order",
          "[parser][delete]") {
    Collected got = read_fixture("delete_citation_at_end.xml");
    REQUIRE(got.issues.empty());
    REQUIRE(pmids(got.articles) ==
            std::vector<std::string>{"31000901", "31000902", "31000910", "31000911", "31000912"});
    CHECK_FALSE(got.articles[0].deleted);
    CHECK(got.articles[0].title == "First article.");
    CHECK_FALSE(got.articles[1].deleted);
    for (std::size_t i = 2; i < got.articles.size(); ++i) {
        INFO("deletion " << got.articles[i].pmid);
        Article expected;
        expected.pmid = got.articles[i].pmid;
        expected.deleted = true;
        CHECK(as_json(got.articles[i]) == as_json(expected));  // nothing but pmid and deleted
    }
    CHECK(got.summary.root == "PubmedArticleSet");
    CHECK(got.summary.records == 3);
    CHECK(got.summary.articles == 5);
    CHECK(got.summary.deleted == 3);
    CHECK(got.summary.issues == 0);
}

TEST_CASE("parse_record turns one DeleteCitation into one deletion per PMID", "[parser][delete]") {
    ldn::ParsedRecord parsed = ldn::parse_record(
        ldn::RecordKind::delete_citation,
        "<DeleteCitation><PMID Version=\"1\">1</PMID><PMID Version=\"1\">22</PMID>"
        "<PMID Version=\"3\">333</PMID></DeleteCitation>");
    REQUIRE(parsed.ok());
    REQUIRE(pmids(parsed.articles) == std::vector<std::string>{"1", "22", "333"});
    for (const Article& article : parsed.articles) CHECK(article.deleted);
}

TEST_CASE("the legacy MedlineCitationSet root is read, MedlineCitation records without PubmedData",
          "[parser][legacy]") {
    Collected got = read_fixture("medline_citation_set.xml");
    REQUIRE(got.issues.empty());
    CHECK(got.summary.root == "MedlineCitationSet");
    REQUIRE(pmids(got.articles) == std::vector<std::string>{"31001001", "31001002", "31001099"});

    const Article& first = got.articles[0];
    CHECK_FALSE(first.deleted);
    CHECK_FALSE(first.book);
    CHECK(first.title == "A legacy citation.");
    CHECK(first.medline_date == "2015 Nov-Dec");
    REQUIRE(first.year.has_value());
    CHECK(*first.year == 2015);
    CHECK(first.pubdate == "2015-11");
    CHECK(first.doi == "10.1378/chest.15-0001");
    CHECK(first.pmcid == "");
    CHECK(first.journal.title == "Chest");
    CHECK(first.journal.issn == "0012-3692");
    CHECK(first.journal.volume == "148");
    CHECK(first.journal.issue == "5");
    CHECK(first.journal.pages == "1200-8");
    REQUIRE(first.abstract.size() == 1);
    CHECK(first.abstract[0].label == "OBJECTIVE");
    CHECK(first.abstract[0].category == "OBJECTIVE");
    REQUIRE(first.authors.size() == 1);
    CHECK(first.authors[0].last == "Legacy");
    CHECK(first.publication_types == std::vector<std::string>{"Journal Article"});

    CHECK(got.articles[1].pubdate == "2015-10");
    CHECK(got.articles[2].deleted);
    CHECK(got.summary.deleted == 1);
}

TEST_CASE("a richly populated record fills every field it carries", "[parser]") {
    Article article = only_article("full_record.xml");
    Article expected;
    expected.pmid = "31001401";
    expected.title = "Low-dose naltrexone in fibromyalgia: a randomized trial.";
    expected.abstract = {{"OBJECTIVE", "OBJECTIVE", "To test LDN (4.5 mg)."},
                         {"RESULTS", "RESULTS", "Pain scores fell (P < 0.05)."}};
    expected.authors = {
        {"Younger", "Jarred", "J", "", "", "0000-0002-1825-0097",
         {"University of Alabama at Birmingham, USA."}},
        {"", "", "", "", "LDN Study Group", "", {}},
    };
    expected.journal = {"Pain medicine (Malden, Mass.)", "Pain Med", "1526-4637", "21", "10",
                        "2207-2215"};
    expected.year = 2020;
    expected.pubdate = "2020-10-01";
    expected.doi = "10.1093/pm/pnaa001";
    expected.pmcid = "PMC7500001";
    expected.pii = "5900001";
    expected.publication_types = {"Journal Article", "Randomized Controlled Trial"};
    expected.mesh = {{"D005356", "Fibromyalgia", true, {{"Q000188", "drug therapy", false}}},
                     {"D009271", "Naltrexone", false, {{"Q000008", "administration & dosage", true}}}};
    expected.keywords = {"chronic pain", "naltrexone"};
    expected.chemicals = {"Naltrexone"};
    expected.languages = {"eng"};
    CHECK(nlohmann::json(article).dump(2) == nlohmann::json(expected).dump(2));
    CHECK(article == expected);
}

// ---------------------------------------------------------------------------------------------
// Bad input: malformed records, truncation, wrong files
// ---------------------------------------------------------------------------------------------

TEST_CASE("a malformed record between two good ones is reported and skipped, the good ones come out",
          "[parser][errors]") {
    const auto path = ldn::test::fixture("malformed_middle.xml");
    Collected got = read_file(path);
    CHECK(pmids(got.articles) == std::vector<std::string>{"31001101", "31001103"});
    REQUIRE(got.issues.size() == 1);
    const RecordIssue& issue = got.issues[0];
    CHECK(issue.record == 2);
    CHECK(issue.pmid == "31001102");
    CHECK_FALSE(issue.reason.empty());
    CHECK(issue.file == path.string());

    // The byte offset lies inside the second record's bytes.
    const std::string text = slurp(path);
    const std::size_t second = text.find("<PubmedArticle>", text.find("<PubmedArticle>") + 1);
    const std::size_t third = text.find("<PubmedArticle>", second + 1);
    REQUIRE(second != std::string::npos);
    REQUIRE(third != std::string::npos);
    CHECK(issue.byte_offset >= second);
    CHECK(issue.byte_offset < third);

    CHECK(got.summary.records == 3);
    CHECK(got.summary.articles == 2);
    CHECK(got.summary.issues == 1);
}

TEST_CASE("a record issue formats as FILE: record N (PMID p) at byte B: reason", "[parser][errors]") {
    RecordIssue with_pmid{"updates.xml", 7, "123", 4567, "mismatched end tag"};
    CHECK(with_pmid.to_string() == "updates.xml: record 7 (PMID 123) at byte 4567: mismatched end tag");
    RecordIssue without_pmid{"updates.xml", 2, "", 10, "no PMID"};
    CHECK(without_pmid.to_string() == "updates.xml: record 2 at byte 10: no PMID");
}

TEST_CASE("parse_record reports malformed XML as a value with the PMID and an offset inside the record",
          "[parser][errors]") {
    const std::string xml = record_with_title("Broken <i>italic never closed");
    ldn::ParsedRecord parsed = ldn::parse_record(ldn::RecordKind::pubmed_article, xml);
    CHECK_FALSE(parsed.ok());
    CHECK_FALSE(parsed.error.empty());
    CHECK(parsed.articles.empty());
    CHECK(parsed.pmid == "32000001");
    CHECK(parsed.error_offset > xml.find("<ArticleTitle>"));
    CHECK(parsed.error_offset <= xml.size());
}

TEST_CASE("a record without a PMID is reported without a PMID and skipped", "[parser][errors]") {
    Collected got = read_fixture("missing_pmid.xml");
    CHECK(pmids(got.articles) == std::vector<std::string>{"31001201", "31001203"});
    REQUIRE(got.issues.size() == 1);
    CHECK(got.issues[0].record == 2);
    CHECK(got.issues[0].pmid == "");
    CHECK(got.issues[0].to_string().find("(PMID") == std::string::npos);
    CHECK(got.summary.issues == 1);
}

TEST_CASE("a truncated file yields the complete records and reports the cut-off one", "[parser][errors]") {
    Collected got = read_fixture("truncated.xml");
    CHECK(pmids(got.articles) == std::vector<std::string>{"31001301"});
    REQUIRE_FALSE(got.issues.empty());
    CHECK(got.summary.issues == got.issues.size());
    bool names_second_record = false;
    for (const RecordIssue& issue : got.issues) {
        CHECK_FALSE(issue.reason.empty());
        if (issue.record == 2) names_second_record = true;
    }
    CHECK(names_second_record);
}

TEST_CASE("an empty file is refused as not PubMed XML with exit code 65", "[parser][errors]") {
    try {
        read_fixture("empty.xml");
        FAIL("no exception for an empty file");
    } catch (const ldn::Error& error) {
        CHECK(error.code() == ldn::ExitCode::data_error);
        CHECK(std::string(error.what()).find("empty.xml") != std::string::npos);
    }
}

TEST_CASE("a file whose root element is not PubMed's is refused with exit code 65, naming the root",
          "[parser][errors]") {
    std::string name;
    std::string root;
    std::tie(name, root) = GENERATE(table<std::string, std::string>({
        {"wrong_root_html.xml", "html"},
        {"rss_feed.xml", "rss"},
        {"efetch_error.xml", "eFetchResult"},
    }));
    INFO("fixture " << name);
    try {
        read_fixture(name);
        FAIL("no exception for " << name);
    } catch (const ldn::Error& error) {
        const std::string message = error.what();
        INFO("message: " << message);
        CHECK(error.code() == ldn::ExitCode::data_error);
        CHECK(message.find(name) != std::string::npos);
        CHECK(message.find(root) != std::string::npos);
    }
}

TEST_CASE("a missing file or a directory is an I/O error with exit code 74", "[parser][errors]") {
    const auto missing = ldn::test::fixture("no-such-file.xml");
    const auto directory = ldn::test::fixture("");
    for (const auto& path : {missing, directory}) {
        INFO("path " << path);
        try {
            read_file(path);
            FAIL("no exception for " << path);
        } catch (const ldn::Error& error) {
            CHECK(error.code() == ldn::ExitCode::io_error);
        }
    }
}

TEST_CASE("a 20 MB abstract in one record parses in full", "[parser][large]") {
    const std::string big(20u << 20, 'a');
    std::string xml = kPrologue;
    xml += "<PubmedArticle><MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\">"
           "<PMID Version=\"1\">32000003</PMID><Article PubModel=\"Print\"><Journal>"
           "<JournalIssue CitedMedium=\"Print\"><PubDate><Year>2020</Year></PubDate></JournalIssue>"
           "<Title>T</Title></Journal><ArticleTitle>Huge</ArticleTitle><Abstract><AbstractText>";
    xml += big;
    xml += "</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle>\n";
    xml += "<PubmedArticle><MedlineCitation><PMID Version=\"1\">32000004</PMID><Article>"
           "<ArticleTitle>After the huge one</ArticleTitle></Article></MedlineCitation>"
           "</PubmedArticle>\n</PubmedArticleSet>\n";
    Collected got = read_memory(xml);
    CHECK(got.issues.empty());
    REQUIRE(pmids(got.articles) == std::vector<std::string>{"32000003", "32000004"});
    REQUIRE(got.articles[0].abstract.size() == 1);
    CHECK(got.articles[0].abstract[0].text.size() == big.size());
    CHECK(got.articles[0].abstract[0].text == big);
    CHECK(got.articles[1].title == "After the huge one");
}

// ---------------------------------------------------------------------------------------------
// Containers: gzip, prologue
// ---------------------------------------------------------------------------------------------

TEST_CASE("a gzip file parses exactly like the same content uncompressed", "[parser][gzip]") {
    Collected plain = read_fixture("full_record.xml");
    Collected gz = read_fixture("full_record.xml.gz");
    CHECK(gz.issues.empty());
    REQUIRE(plain.articles.size() == 1);
    REQUIRE(gz.articles.size() == plain.articles.size());
    CHECK(as_json(gz.articles[0]) == as_json(plain.articles[0]));
    CHECK(gz.articles[0] == plain.articles[0]);
    CHECK(gz.summary.root == "PubmedArticleSet");
}

TEST_CASE("gzip is detected by content, not by file name, also in memory", "[parser][gzip]") {
    const std::string compressed = slurp(ldn::test::fixture("full_record.xml.gz"));
    REQUIRE(compressed.size() > 2);
    Collected from_memory = read_memory(compressed);
    Collected plain = read_fixture("full_record.xml");
    REQUIRE(from_memory.articles.size() == 1);
    CHECK(from_memory.articles[0] == plain.articles[0]);
}

TEST_CASE("a prologue with XML declaration and a two-line DOCTYPE PUBLIC, like real files, is accepted",
          "[parser]") {
    const std::string xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!DOCTYPE MedlineCitationSet PUBLIC \"-//NLM//DTD Medline Citation, 1st January, 2016//EN\"\n"
        "                                    "
        "\"https://www.nlm.nih.gov/databases/dtd/nlmmedlinecitationset_160101.dtd\">\n"
        "<MedlineCitationSet>\n<MedlineCitation Owner=\"NLM\" Status=\"MEDLINE\">\n"
        "<PMID Version=\"1\">32000005</PMID>\n<Article PubModel=\"Print\">\n"
        "<ArticleTitle>Real prologue.</ArticleTitle>\n</Article>\n</MedlineCitation>\n"
        "</MedlineCitationSet>\n";
    Collected got = read_memory(xml);
    CHECK(got.issues.empty());
    CHECK(got.summary.root == "MedlineCitationSet");
    REQUIRE(pmids(got.articles) == std::vector<std::string>{"32000005"});
    CHECK(got.articles[0].title == "Real prologue.");
}

TEST_CASE("every well-formed fixture parses with no issues", "[parser]") {
    const std::string name = GENERATE(as<std::string>{}, "inline_markup.xml", "structured_abstract.xml",
                                      "medline_date_shapes.xml", "pubdate_shapes.xml",
                                      "ids_from_elocation.xml", "ids_from_article_id_list.xml",
                                      "doi_only_in_references.xml", "retraction_in.xml",
                                      "retracted_publication_type.xml", "retraction_notice.xml",
                                      "authors.xml", "journal.xml", "elocation_only.xml",
                                      "mesh_keywords_lists.xml", "book_article.xml",
                                      "delete_citation_at_end.xml", "medline_citation_set.xml",
                                      "full_record.xml", "full_record.xml.gz");
    INFO("fixture " << name);
    Collected got = read_fixture(name);
    CHECK(got.issues.empty());
    CHECK(got.summary.issues == 0);
    CHECK_FALSE(got.articles.empty());
    for (const Article& article : got.articles) CHECK_FALSE(article.pmid.empty());
}
