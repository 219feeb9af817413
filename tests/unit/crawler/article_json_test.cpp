// The Article JSON (DESIGN.md, "The Article model"): every key always present, null year, and a lossless
// round trip Article -> JSON -> Article.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "crawler/article.hpp"
#include "crawler/article_json.hpp"
#include "crawler/pubmed_reader.hpp"
#include "tests/support/paths.hpp"

namespace {

using nlohmann::json;

const std::set<std::string> kArticleKeys{
    "pmid",         "deleted",  "title",    "vernacular_title", "abstract",          "authors",
    "journal",      "year",     "pubdate",  "medline_date",     "doi",               "pmcid",
    "pii",          "publication_types",    "mesh",             "keywords",          "chemicals",
    "languages",    "retracted",            "retraction_of",    "corrected",         "book"};
const std::set<std::string> kAuthorKeys{"last",       "fore",  "initials",    "suffix",
                                        "collective", "orcid", "affiliations"};
const std::set<std::string> kJournalKeys{"title", "iso_abbrev", "issn", "volume", "issue", "pages"};
const std::set<std::string> kSectionKeys{"label", "category", "text"};
const std::set<std::string> kMeshKeys{"ui", "name", "major", "qualifiers"};
const std::set<std::string> kQualifierKeys{"ui", "name", "major"};

std::set<std::string> keys(const json& object) {
    std::set<std::string> out;
    for (const auto& item : object.items()) out.insert(item.key());
    return out;
}

ldn::Article full_article() {
    ldn::Article article;
    article.pmid = "31234567";
    article.title = "Low-dose naltrexone: \"quotes\", back\\slash, tab\t, Müller, 中文, α.";
    article.vernacular_title = "Naltrexone à faible dose.";
    article.abstract = {{"BACKGROUND", "BACKGROUND", "Why."}, {"METHODS", "METHODS", "How <i> stays."}};
    article.authors = {
        {"Müller", "Hans-Peter", "HP", "Jr", "", "0000-0002-1825-0097", {"Berlin.", "Basel."}},
        {"", "", "", "", "LDN Trial Group", "", {}},
    };
    article.journal = {"Pain medicine", "Pain Med", "1526-4637", "21", "10", "2207-2215"};
    article.year = 2020;
    article.pubdate = "2020-10-01";
    article.medline_date = "2020 Oct-Nov";
    article.doi = "10.1093/pm/pnaa001";
    article.pmcid = "PMC7500001";
    article.pii = "5900001";
    article.publication_types = {"Journal Article", "Randomized Controlled Trial"};
    article.mesh = {{"D005356", "Fibromyalgia", true, {{"Q000188", "drug therapy", false}}},
                    {"D006801", "Humans", false, {}}};
    article.keywords = {"chronic pain"};
    article.chemicals = {"Naltrexone"};
    article.languages = {"eng", "fre"};
    article.retracted = true;
    article.retraction_of = {"30000001", "30000002"};
    article.book = true;
    return article;
}

void check_all_keys(const json& object) {
    REQUIRE(object.is_object());
    CHECK(keys(object) == kArticleKeys);
    CHECK(object.at("pmid").is_string());
    CHECK(object.at("deleted").is_boolean());
    CHECK(object.at("title").is_string());
    CHECK(object.at("vernacular_title").is_string());
    CHECK(object.at("abstract").is_array());
    CHECK(object.at("authors").is_array());
    CHECK(object.at("journal").is_object());
    CHECK((object.at("year").is_null() || object.at("year").is_number_integer()));
    CHECK(object.at("pubdate").is_string());
    CHECK(object.at("medline_date").is_string());
    CHECK(object.at("doi").is_string());
    CHECK(object.at("pmcid").is_string());
    CHECK(object.at("pii").is_string());
    CHECK(object.at("publication_types").is_array());
    CHECK(object.at("mesh").is_array());
    CHECK(object.at("keywords").is_array());
    CHECK(object.at("chemicals").is_array());
    CHECK(object.at("languages").is_array());
    CHECK(object.at("retracted").is_boolean());
    CHECK(object.at("retraction_of").is_array());
    CHECK(object.at("book").is_boolean());
    CHECK(keys(object.at("journal")) == kJournalKeys);
    for (const json& author : object.at("authors")) CHECK(keys(author) == kAuthorKeys);
    for (const json& section : object.at("abstract")) CHECK(keys(section) == kSectionKeys);
    for (const json& heading : object.at("mesh")) {
        CHECK(keys(heading) == kMeshKeys);
        for (const json& qualifier : heading.at("qualifiers")) CHECK(keys(qualifier) == kQualifierKeys);
    }
}

std::vector<ldn::Article> read_fixture(const std::string& name) {
    std::vector<ldn::Article> articles;
    ldn::read_pubmed_file(
        ldn::test::fixture(name), [&](ldn::Article&& article) { articles.push_back(std::move(article)); },
        [](const ldn::RecordIssue&) {});
    return articles;
}

}  // namespace

TEST_CASE("an empty Article has every key, with empty values and a null year", "[json]") {
    const json object = ldn::Article{};
    check_all_keys(object);
    CHECK(object.at("year").is_null());
    CHECK(object.at("pmid") == "");
    CHECK(object.at("deleted") == false);
    CHECK(object.at("abstract").empty());
    CHECK(object.at("authors").empty());
    CHECK(object.at("journal") ==
          json{{"title", ""}, {"iso_abbrev", ""}, {"issn", ""}, {"volume", ""}, {"issue", ""}, {"pages", ""}});
    CHECK(object.at("retracted") == false);
    CHECK(object.at("book") == false);
}

TEST_CASE("a deletion is an Article with every key, deleted true and only the pmid set", "[json]") {
    ldn::Article deletion;
    deletion.pmid = "26432306";
    deletion.deleted = true;
    const json object = deletion;
    check_all_keys(object);
    CHECK(object.at("pmid") == "26432306");
    CHECK(object.at("deleted") == true);
    CHECK(object.at("year").is_null());
}

TEST_CASE("a fully populated Article writes every field with its JSON type", "[json]") {
    const ldn::Article article = full_article();
    const json object = article;
    check_all_keys(object);
    CHECK(object.at("year") == 2020);
    CHECK(object.at("title") == article.title);
    CHECK(object.at("abstract").size() == 2);
    CHECK(object.at("abstract")[1] == json{{"label", "METHODS"}, {"category", "METHODS"},
                                           {"text", "How <i> stays."}});
    CHECK(object.at("authors")[0].at("orcid") == "0000-0002-1825-0097");
    CHECK(object.at("authors")[0].at("affiliations") == json::array({"Berlin.", "Basel."}));
    CHECK(object.at("authors")[1].at("collective") == "LDN Trial Group");
    CHECK(object.at("mesh")[0].at("major") == true);
    CHECK(object.at("mesh")[0].at("qualifiers")[0] ==
          json{{"ui", "Q000188"}, {"name", "drug therapy"}, {"major", false}});
    CHECK(object.at("languages") == json::array({"eng", "fre"}));
    CHECK(object.at("retraction_of") == json::array({"30000001", "30000002"}));
    CHECK(object.at("retracted") == true);
    CHECK(object.at("book") == true);
}

TEST_CASE("a fully populated Article round-trips through JSON text without loss", "[json]") {
    const ldn::Article article = full_article();
    const std::string text = json(article).dump();
    const ldn::Article back = json::parse(text).get<ldn::Article>();
    CHECK(json(back).dump() == text);
    CHECK(back == article);
}

TEST_CASE("a null year round-trips as no year, and year 0 is not null", "[json]") {
    ldn::Article no_year;
    no_year.pmid = "1";
    const ldn::Article back = json::parse(json(no_year).dump()).get<ldn::Article>();
    CHECK_FALSE(back.year.has_value());
    CHECK(back == no_year);

    ldn::Article year_zero;
    year_zero.year = 0;
    CHECK(json(year_zero).at("year") == 0);
    CHECK(json(year_zero).get<ldn::Article>().year == std::optional<int>(0));
}

TEST_CASE("from_json refuses an object with a key missing", "[json]") {
    json object = full_article();
    object.erase("doi");
    CHECK_THROWS(object.get<ldn::Article>());
}

TEST_CASE("articles parsed from the fixtures round-trip through JSON", "[json]") {
    const std::string name = GENERATE(as<std::string>{}, "inline_markup.xml", "structured_abstract.xml",
                                      "medline_date_shapes.xml", "pubdate_shapes.xml", "authors.xml",
                                      "mesh_keywords_lists.xml", "book_article.xml",
                                      "delete_citation_at_end.xml", "medline_citation_set.xml",
                                      "retraction_notice.xml", "full_record.xml");
    INFO("fixture " << name);
    const std::vector<ldn::Article> articles = read_fixture(name);
    REQUIRE_FALSE(articles.empty());
    for (const ldn::Article& article : articles) {
        INFO("PMID " << article.pmid);
        const json object = article;
        check_all_keys(object);
        const ldn::Article back = json::parse(object.dump()).get<ldn::Article>();
        CHECK(back == article);
    }
}
