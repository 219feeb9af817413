// The reader against real PubMed files in ../shared/pubmed-samples (skipped with a warning when absent).
// Every expected value below was read from the XML itself (zcat | grep, or a generic XML dump), never
// from this program's output.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include "crawler/article.hpp"
#include "crawler/pubmed_reader.hpp"
#include "tests/support/paths.hpp"

namespace {

using ldn::Article;

struct Collected {
    std::vector<Article> articles;
    std::vector<ldn::RecordIssue> issues;
    ldn::ReadSummary summary;
};

Collected read_file(const std::filesystem::path& path) {
    Collected got;
    got.summary = ldn::read_pubmed_file(
        path, [&](Article&& article) { got.articles.push_back(std::move(article)); },
        [&](const ldn::RecordIssue& issue) { got.issues.push_back(issue); });
    return got;
}

const Article& by_pmid(const std::vector<Article>& articles, const std::string& pmid) {
    auto found = std::find_if(articles.begin(), articles.end(), [&](const Article& article) {
        return article.pmid == pmid && !article.deleted;
    });
    INFO("PMID " << pmid);
    REQUIRE(found != articles.end());
    return *found;
}

std::string issues_text(const std::vector<ldn::RecordIssue>& issues) {
    std::string text;
    for (const auto& issue : issues) text += issue.to_string() + "\n";
    return text;
}

const ldn::MeshHeading* find_mesh(const Article& article, const std::string& ui) {
    for (const auto& heading : article.mesh)
        if (heading.ui == ui) return &heading;
    return nullptr;
}

}  // namespace

TEST_CASE("the 2016 baseline file medline16n0902 has 604 citations and one deletion",
          "[samples][legacy]") {
    LDN_REQUIRE_SHARED_SAMPLE(path, "medline16n0902.xml.gz");
    Collected got = read_file(path);
    INFO(issues_text(got.issues));
    CHECK(got.issues.empty());
    CHECK(got.summary.root == "MedlineCitationSet");
    CHECK(got.summary.records == 605);
    CHECK(got.summary.articles == 605);
    CHECK(got.summary.deleted == 1);
    REQUIRE(got.articles.size() == 605);
    const auto deletions = std::count_if(got.articles.begin(), got.articles.end(),
                                         [](const Article& article) { return article.deleted; });
    CHECK(deletions == 1);
    CHECK(got.articles.back().deleted);
    CHECK(got.articles.back().pmid == "26432306");
    CHECK(got.articles.front().pmid == "17942999");

    // 62 records carry a MedlineDate; 8 authors are CollectiveNames; no record has PubmedData.
    CHECK(std::count_if(got.articles.begin(), got.articles.end(),
                        [](const Article& article) { return !article.medline_date.empty(); }) == 62);
    std::size_t collective = 0;
    for (const Article& article : got.articles)
        for (const auto& author : article.authors)
            if (!author.collective.empty()) ++collective;
    CHECK(collective == 8);
    for (const Article& article : got.articles) CHECK_FALSE(article.book);
    // Without PubmedData, the PMC id sits in <OtherID Source="NLM">PMC…</OtherID>: 368 records.
    CHECK(std::count_if(got.articles.begin(), got.articles.end(),
                        [](const Article& article) { return !article.pmcid.empty(); }) == 368);
}

TEST_CASE("medline16n0902: the first citation's fields match the XML", "[samples][legacy]") {
    LDN_REQUIRE_SHARED_SAMPLE(path, "medline16n0902.xml.gz");
    Collected got = read_file(path);
    const Article& article = by_pmid(got.articles, "17942999");
    CHECK(article.title ==
          "Neuroplasticity in the processing of pitch dimensions: a multidimensional scaling "
          "analysis of the mismatch negativity.");
    REQUIRE(article.abstract.size() == 4);
    CHECK(article.abstract[0].label == "PURPOSE");
    CHECK(article.abstract[0].category == "OBJECTIVE");
    CHECK(article.abstract[1].label == "METHODS");
    CHECK(article.abstract[3].label == "CONCLUSIONS");
    CHECK(article.abstract[3].category == "CONCLUSIONS");
    REQUIRE(article.authors.size() == 3);
    CHECK(article.authors[0].last == "Chandrasekaran");
    CHECK(article.authors[0].fore == "Bharath");
    CHECK(article.authors[0].initials == "B");
    CHECK(article.authors[0].affiliations ==
          std::vector<std::string>{"Department of Speech Language & Hearing Sciences, Purdue "
                                   "University, West Lafayette, IN 47907-2038, USA."});
    CHECK(article.authors[1].fore == "Jackson T");
    CHECK(article.authors[1].initials == "JT");
    CHECK(article.journal.title == "Restorative neurology and neuroscience");
    CHECK(article.journal.iso_abbrev == "Restor. Neurol. Neurosci.");
    CHECK(article.journal.issn == "0922-6028");
    CHECK(article.journal.volume == "25");
    CHECK(article.journal.issue == "3-4");
    CHECK(article.journal.pages == "195-210");
    REQUIRE(article.year.has_value());
    CHECK(*article.year == 2007);
    CHECK(article.pubdate == "2007");
    CHECK(article.medline_date == "");
    CHECK(article.pmcid == "PMC4380289");  // legacy <OtherID Source="NLM">
    CHECK(article.doi == "");
    CHECK(article.languages == std::vector<std::string>{"eng"});
    CHECK(article.publication_types ==
          std::vector<std::string>{"Journal Article", "Research Support, Non-U.S. Gov't"});
    const ldn::MeshHeading* plasticity = find_mesh(article, "D009473");
    REQUIRE(plasticity != nullptr);
    CHECK(plasticity->name == "Neuronal Plasticity");
    CHECK_FALSE(plasticity->major);
    REQUIRE(plasticity->qualifiers.size() == 1);
    CHECK(plasticity->qualifiers[0].ui == "Q000502");
    CHECK(plasticity->qualifiers[0].name == "physiology");
    CHECK(plasticity->qualifiers[0].major);
}

TEST_CASE("medline16n0902: a MedlineDate, a DOI and a collective author match the XML",
          "[samples][legacy]") {
    LDN_REQUIRE_SHARED_SAMPLE(path, "medline16n0902.xml.gz");
    Collected got = read_file(path);

    const Article& dated = by_pmid(got.articles, "18621939");
    CHECK(dated.title ==
          "Clusters of alcohol use disorders diagnostic criteria and predictors of alcohol use after "
          "liver transplantation for alcoholic liver disease.");
    CHECK(dated.medline_date == "2008 Jul-Aug");
    REQUIRE(dated.year.has_value());
    CHECK(*dated.year == 2008);
    CHECK(dated.pubdate == "2008-07");
    CHECK(dated.doi == "10.1176/appi.psy.49.4.332");
    CHECK(dated.pmcid == "PMC4631030");
    CHECK(dated.journal.iso_abbrev == "Psychosomatics");
    CHECK(dated.journal.volume == "49");
    CHECK(dated.journal.issue == "4");
    CHECK(dated.journal.pages == "332-40");
    REQUIRE(dated.authors.size() == 4);
    CHECK(dated.authors[1].last == "Dew");
    CHECK(dated.authors[1].fore == "Mary Amanda");

    const Article& group = by_pmid(got.articles, "25345997");
    REQUIRE(group.authors.size() == 15);
    CHECK(group.authors[0].collective == "Movement Disorder Group");
    CHECK(group.authors[0].last == "");
    CHECK(group.authors[1].last == "Chan");
    CHECK(group.authors[1].fore == "Anne Y Y");
    CHECK(group.authors[1].initials == "AY");
    CHECK(group.doi == "10.12809/hkmj144242");
    CHECK(group.journal.pages == "474-80");
}

TEST_CASE("test_current_medline has 4 current-format records", "[samples]") {
    LDN_REQUIRE_SHARED_SAMPLE(path, "test_current_medline.xml.gz");
    Collected got = read_file(path);
    INFO(issues_text(got.issues));
    CHECK(got.issues.empty());
    CHECK(got.summary.root == "PubmedArticleSet");
    CHECK(got.summary.records == 4);
    CHECK(got.summary.deleted == 0);
    std::vector<std::string> pmids;
    for (const Article& article : got.articles) pmids.push_back(article.pmid);
    CHECK(pmids == std::vector<std::string>{"36400559", "2930949", "11446611", "28786991"});
}

TEST_CASE("test_current_medline: identifiers, dates, MeSH and authors match the XML", "[samples]") {
    LDN_REQUIRE_SHARED_SAMPLE(path, "test_current_medline.xml.gz");
    Collected got = read_file(path);

    const Article& back_pain = by_pmid(got.articles, "36400559");
    CHECK(back_pain.title == "Back Pain: Differential Diagnosis and Management.");
    CHECK(back_pain.doi == "10.1016/j.ncl.2022.07.002");
    CHECK(back_pain.pii == "S0733-8619(22)00058-5");
    CHECK(back_pain.pmcid == "");
    CHECK(back_pain.pubdate == "2023-02");
    CHECK(back_pain.journal.title == "Neurologic clinics");
    CHECK(back_pain.journal.issn == "1557-9875");
    CHECK(back_pain.journal.pages == "61-76");
    REQUIRE(back_pain.abstract.size() == 1);  // CopyrightInformation is not a section
    CHECK(back_pain.abstract[0].label == "");
    CHECK(back_pain.abstract[0].text.rfind("Back pain is a common condition", 0) == 0);
    CHECK(back_pain.keywords ==
          std::vector<std::string>{"Back pain", "Diagnosis", "Management", "Outpatient"});
    CHECK(back_pain.chemicals ==
          std::vector<std::string>{"Anti-Inflammatory Agents, Non-Steroidal"});
    CHECK(back_pain.publication_types == std::vector<std::string>{"Journal Article", "Review"});
    const ldn::MeshHeading* low_back = find_mesh(back_pain, "D017116");
    REQUIRE(low_back != nullptr);
    CHECK(low_back->name == "Low Back Pain");
    CHECK(low_back->major);
    REQUIRE(low_back->qualifiers.size() == 3);
    CHECK(low_back->qualifiers[0].ui == "Q000175");
    CHECK(low_back->qualifiers[0].name == "diagnosis");
    CHECK_FALSE(low_back->qualifiers[0].major);
    CHECK(low_back->qualifiers[2].name == "therapy");

    const Article& reuler = by_pmid(got.articles, "2930949");
    CHECK(reuler.pmcid == "PMC1306303");
    CHECK(reuler.doi == "");
    CHECK(reuler.pubdate == "1985-08");
    CHECK(reuler.journal.pages == "259-65");
    REQUIRE(reuler.authors.size() == 1);
    CHECK(reuler.authors[0].last == "Reuler");
    CHECK(reuler.authors[0].fore == "J B");
    const ldn::MeshHeading* back = find_mesh(reuler, "D001416");
    REQUIRE(back != nullptr);
    REQUIRE(back->qualifiers.size() == 6);
    CHECK(back->qualifiers[3].name == "physiopathology");
    CHECK(back->qualifiers[3].major);
    CHECK(back->qualifiers[4].name == "prevention & control");

    const Article& jayson = by_pmid(got.articles, "11446611");  // Year + Season "May-Jun"
    REQUIRE(jayson.year.has_value());
    CHECK(*jayson.year == 2001);
    CHECK(jayson.pubdate == "2001");
    CHECK(jayson.doi == "10.7861/clinmedicine.1-3-188");  // only in the ArticleIdList
    CHECK(jayson.pmcid == "PMC4951901");
    CHECK(jayson.abstract.empty());
    REQUIRE(jayson.authors.size() == 1);
    CHECK(jayson.authors[0].affiliations == std::vector<std::string>{"University of Manchester."});

    const Article& review = by_pmid(got.articles, "28786991");
    CHECK(review.doi == "10.1371/journal.pone.0180707");
    CHECK(review.pmcid == "PMC5546677");
    CHECK(review.pubdate == "2017");
    CHECK(review.journal.pages == "e0180707");
    REQUIRE(review.abstract.size() == 4);
    CHECK(review.abstract[1].label == "METHODS");
    CHECK(review.abstract[1].category == "METHODS");
    REQUIRE(review.authors.size() == 6);
    CHECK(review.authors[0].last == "Malekinejad");
    CHECK(review.authors[0].orcid == "0000-0002-5721-6764");
    CHECK(review.authors[0].affiliations.size() == 3);
    CHECK(review.authors[1].orcid == "");
    CHECK(review.publication_types == std::vector<std::string>{"Journal Article", "Meta-Analysis",
                                                               "Review", "Systematic Review"});
}

TEST_CASE("the pretty-printed efetch result pubmed-29768149 has 1 record matching the XML", "[samples]") {
    LDN_REQUIRE_SHARED_SAMPLE(path, "pubmed-29768149.xml");
    Collected got = read_file(path);
    INFO(issues_text(got.issues));
    CHECK(got.issues.empty());
    REQUIRE(got.articles.size() == 1);
    const Article& article = got.articles[0];
    CHECK(article.pmid == "29768149");
    CHECK(article.title == "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.");
    CHECK(article.doi == "10.1056/NEJMoa1715274");
    CHECK(article.journal.title == "The New England journal of medicine");
    CHECK(article.journal.iso_abbrev == "N Engl J Med");
    CHECK(article.journal.issn == "1533-4406");
    CHECK(article.journal.volume == "378");
    CHECK(article.journal.issue == "20");
    CHECK(article.journal.pages == "1865-1876");
    REQUIRE(article.year.has_value());
    CHECK(*article.year == 2018);
    CHECK(article.pubdate == "2018-05-17");
    REQUIRE(article.abstract.size() == 4);
    const std::vector<std::string> labels{"BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"};
    for (std::size_t i = 0; i < labels.size(); ++i) {
        CHECK(article.abstract[i].label == labels[i]);
        CHECK(article.abstract[i].category == "");  // the XML has no NlmCategory here
    }
    // Pretty-printing whitespace (newlines, tabs) is collapsed and trimmed.
    const std::string& background = article.abstract[0].text;
    CHECK(background.rfind("In patients with mild asthma, as-needed use of an inhaled glucocorticoid", 0) ==
          0);
    CHECK(background.find("β") != std::string::npos);
    CHECK(background.find('\n') == std::string::npos);
    CHECK(background.find('\t') == std::string::npos);
    CHECK(background.find("  ") == std::string::npos);
    CHECK(background.size() > 11);
    CHECK(background.compare(background.size() - 11, 11, "strategies.") == 0);
    CHECK(article.abstract[1].text.find("200 μg of budesonide") != std::string::npos);
    REQUIRE(article.authors.size() == 10);
    CHECK(article.authors[0].last == "O'Byrne");
    CHECK(article.authors[0].fore == "Paul M");
    CHECK(article.authors[0].initials == "PM");
    CHECK(article.authors[0].affiliations.size() == 1);
    CHECK(article.chemicals.size() == 6);
    CHECK(article.publication_types.size() == 6);
    CHECK(std::find(article.publication_types.begin(), article.publication_types.end(),
                    "Randomized Controlled Trial") != article.publication_types.end());
    const ldn::MeshHeading* asthma = find_mesh(article, "D001249");
    REQUIRE(asthma != nullptr);
    CHECK(asthma->name == "Asthma");
    CHECK_FALSE(asthma->major);
    REQUIRE(asthma->qualifiers.size() == 1);
    CHECK(asthma->qualifiers[0].ui == "Q000188");
    CHECK(asthma->qualifiers[0].major);
    CHECK_FALSE(article.retracted);
}

TEST_CASE("every baseline and update sample parses with zero issues and the counts of its XML",
          "[samples][updates]") {
    std::string name;
    std::size_t citations = 0;
    std::size_t deletions = 0;
    // PubmedArticle elements and PMIDs inside DeleteCitation, counted with zcat | grep -o.
    std::tie(name, citations, deletions) = GENERATE(table<std::string, std::size_t, std::size_t>({
        {"baseline-pubmed20n1015-b.xml.gz", 29, 0},
        {"baseline-pubmed20n1015.xml.gz", 27, 0},
        {"baseline-pubmed21n1062.xml.gz", 29, 0},
        {"baseline-pubmed22n1114-b.xml.gz", 33, 0},
        {"baseline-pubmed22n1114.xml.gz", 31, 0},
        {"baseline-pubmed23n1166.xml.gz", 34, 0},
        {"baseline-pubmed24n1219.xml.gz", 30, 0},
        {"baseline-pubmed25n1274.xml.gz", 30, 0},
        {"baseline-pubmed26n1334.xml.gz", 30, 0},
        {"update-pubmed20n1016-b.xml.gz", 28, 262},
        {"update-pubmed20n1016.xml.gz", 28, 262},
        {"update-pubmed21n1063.xml.gz", 33, 0},
        {"update-pubmed22n1115-b.xml.gz", 28, 48},
        {"update-pubmed22n1115.xml.gz", 30, 48},
        {"update-pubmed23n1167.xml.gz", 23, 0},
        {"update-pubmed24n1220.xml.gz", 30, 0},
        {"update-pubmed25n1275.xml.gz", 30, 0},
        {"update-pubmed26n1335.xml.gz", 30, 6},
    }));
    INFO("updates/" << name);
    LDN_REQUIRE_SHARED_SAMPLE(path, "updates/" + name);
    Collected got = read_file(path);
    INFO(issues_text(got.issues));
    CHECK(got.issues.empty());
    CHECK(got.summary.issues == 0);
    CHECK(got.summary.root == "PubmedArticleSet");
    CHECK(got.summary.records == citations + (deletions > 0 ? 1 : 0));
    CHECK(got.summary.articles == citations + deletions);
    CHECK(got.summary.deleted == deletions);
    CHECK(got.articles.size() == citations + deletions);
    for (const Article& article : got.articles) {
        CHECK_FALSE(article.pmid.empty());
        if (!article.deleted) CHECK_FALSE((article.title.empty() && article.vernacular_title.empty()));
    }
}

TEST_CASE("update-pubmed26n1335: the DeleteCitation at the end gives its 6 PMIDs in order",
          "[samples][updates]") {
    LDN_REQUIRE_SHARED_SAMPLE(path, "updates/update-pubmed26n1335.xml.gz");
    Collected got = read_file(path);
    REQUIRE(got.articles.size() == 36);
    std::vector<std::string> deleted;
    for (const Article& article : got.articles)
        if (article.deleted) deleted.push_back(article.pmid);
    REQUIRE(deleted.size() == 6);
    CHECK(deleted.front() == "41456105");
    CHECK(deleted[1] == "41557076");
    CHECK(deleted.back() == "41618779");
    // the deletions come last, after all the citations
    for (std::size_t i = 30; i < got.articles.size(); ++i) CHECK(got.articles[i].deleted);
}

TEST_CASE("an empty ArticleTitle element gives an empty title and keeps the VernacularTitle",
          "[samples][updates]") {
    LDN_REQUIRE_SHARED_SAMPLE(path, "updates/baseline-pubmed26n1334.xml.gz");
    Collected got = read_file(path);
    const Article& article = by_pmid(got.articles, "41605226");  // <ArticleTitle/>
    CHECK(article.title == "");
    CHECK(article.vernacular_title ==
          "Kommentar zu „ABDOMEN BECKEN – Das Avocado-Zeichen als Prädiktor des lokalen "
          "Lymphknotenstatus bei Rektumkarzinomen“.");
    CHECK(article.journal.pages == "140-141");
}
