// The index writer: golden term lists, value slots, idempotent upserts, deletions, schema version.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <algorithm>
#include <set>

#include "crawler/errors.hpp"
#include "crawler/pubmed_reader.hpp"
#include "index/annotator.hpp"
#include "index/document_builder.hpp"
#include "index/index_reader.hpp"
#include "index/index_writer.hpp"
#include "index/schema.hpp"
#include "index/synonyms.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/process.hpp"

namespace {

std::filesystem::path vocab_folder() { return std::filesystem::path(LDN_FIXTURES_DIR) / ".." / ".." / "data" / "vocab"; }

ldn::Article ldn_trial() {
    ldn::Article article;
    article.pmid = "30000001";
    article.title = "Low-dose naltrexone for fibromyalgia: a randomized, double-blind, placebo-controlled crossover trial.";
    article.abstract = {{"METHODS", "METHODS",
                         "Thirty-one women with fibromyalgia were randomized to 4.5 mg naltrexone or placebo for 12 weeks."},
                        {"CONCLUSIONS", "CONCLUSIONS", "Low-dose naltrexone reduced pain."}};
    article.authors = {{"Younger", "Jarred", "J", "", "", "", {}}};
    article.journal = {"Arthritis and rheumatism", "Arthritis Rheum", "0004-3591", "65", "2", "529-38"};
    article.year = 2013;
    article.pubdate = "2013-02";
    article.doi = "10.1002/ART.37734";
    article.publication_types = {"Journal Article", "Randomized Controlled Trial"};
    article.mesh = {{"D005356", "Fibromyalgia", true, {}}, {"D009271", "Naltrexone", false, {}}};
    article.languages = {"eng"};
    return article;
}

std::set<std::string> terms_of(const Xapian::Document& document) {
    std::set<std::string> terms;
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) terms.insert(*term);
    return terms;
}

}  // namespace

TEST_CASE("a record's document carries the schema's terms and none it should not", "[index]") {
    ldn::Annotator annotator(vocab_folder());
    ldn::Article article = ldn_trial();
    ldn::DocumentBuilder builder;
    Xapian::Document document = builder.build(article, annotator.annotate(article));
    auto terms = terms_of(document);
    for (const char* expected : {"Q30000001", "XDOI10.1002/art.37734", "Y2013", "Leng", "XCfibromyalgia", "XDrct",
                                 "XTrandomized controlled trial", "XMUd005356", "XRno", "naltrexone", "Snaltrexone",
                                 "ZSnaltrexon", "XAwomen", "Ayounger", "XJrheumatism", "XMfibromyalgia", "XPrandomized"}) {
        CAPTURE(expected);
        CHECK(terms.count(expected) == 1);
    }
    for (const char* unexpected : {"XRyes", "Q", "XC", "XDother", "Y", "XCrheumatoid-arthritis"}) {
        CAPTURE(unexpected);
        CHECK(terms.count(unexpected) == 0);
    }
    CHECK(document.get_value(ldn::schema::pubdate) == "20130200");
    CHECK(Xapian::sortable_unserialise(document.get_value(ldn::schema::year)) == 2013);
    CHECK(Xapian::sortable_unserialise(document.get_value(ldn::schema::evidence_level)) == 2);
    CHECK(Xapian::sortable_unserialise(document.get_value(ldn::schema::dose)) == 4.5);
    auto data = nlohmann::json::parse(document.get_data());
    CHECK(data.at("pmid") == "30000001");
    CHECK(data.at("annotations").at("design") == "rct");
}

TEST_CASE("title words weigh more than abstract words", "[index]") {
    ldn::Annotator annotator(vocab_folder());
    ldn::Article article = ldn_trial();
    ldn::DocumentBuilder builder;
    Xapian::Document document = builder.build(article, annotator.annotate(article));
    auto wdf = [&](const std::string& term) {
        auto found = document.termlist_begin();
        found.skip_to(term);
        return found != document.termlist_end() && *found == term ? found.get_wdf() : 0u;
    };
    CHECK(wdf("placebo") == ldn::schema::title_weight + 1);  // "placebo-controlled" in the title, once in the abstract
    CHECK(wdf("women") == 1);                                 // an abstract-only word counts once
    CHECK(wdf("Sfibromyalgia") == ldn::schema::title_weight);
}

TEST_CASE("upserts are idempotent, later versions replace, deletions remove", "[index]") {
    ldn::test::TempDir dir;
    ldn::Annotator annotator(vocab_folder());
    ldn::IndexWriter writer(dir.path() / "index", annotator);
    ldn::Article article = ldn_trial();
    writer.put(article);
    writer.put(article);
    CHECK(writer.counts().added == 1);
    CHECK(writer.counts().unchanged == 1);
    article.title = "A corrected title.";
    article.retracted = true;
    writer.put(article);
    CHECK(writer.counts().updated == 1);
    CHECK(writer.counts().newly_retracted == 1);
    CHECK(writer.documents() == 1);
    ldn::Article deletion;
    deletion.pmid = article.pmid;
    deletion.deleted = true;
    writer.put(deletion);
    writer.put(deletion);  // deleting what is gone is nothing
    CHECK(writer.counts().deleted == 1);
    CHECK(writer.documents() == 0);
}

TEST_CASE("an index of another schema version is refused with what to do", "[index]") {
    ldn::test::TempDir dir;
    {
        Xapian::WritableDatabase database((dir.path() / "index").string(), Xapian::DB_CREATE_OR_OPEN);
        database.add_document(Xapian::Document());
        database.set_metadata(ldn::schema::metadata::schema_version, "0");
        database.commit();
    }
    ldn::Annotator annotator(vocab_folder());
    for (int reader = 0; reader < 2; ++reader) {
        try {
            if (reader == 0) {
                ldn::IndexWriter writer(dir.path() / "index", annotator);
            } else {
                ldn::open_index(dir.path() / "index");
            }
            FAIL("opened an index of another schema version");
        } catch (const ldn::Error& error) {
            CHECK(error.code() == ldn::ExitCode::data_error);
            CHECK_THAT(error.what(), Catch::Contains("schema version 0") && Catch::Contains("ldn index --rebuild"));
        }
    }
}

TEST_CASE("a missing index says how to fill it", "[index]") {
    ldn::test::TempDir dir;
    try {
        ldn::open_index(dir.path() / "index");
        FAIL("opened a missing index");
    } catch (const ldn::Error& error) {
        CHECK_THAT(error.what(), Catch::Contains("ldn refresh") && Catch::Contains("ldn ingest"));
    }
}

TEST_CASE("a second writer on the same index is told to try later", "[index]") {
    ldn::test::TempDir dir;
    ldn::Annotator annotator(vocab_folder());
    ldn::IndexWriter first(dir.path() / "index", annotator);
    try {
        ldn::IndexWriter second(dir.path() / "index", annotator);
        FAIL("two writers");
    } catch (const ldn::Error& error) {
        CHECK(error.code() == ldn::ExitCode::temporary);
    }
}

TEST_CASE("synonym groups reach the index's synonym table in both directions", "[index][synonyms]") {
    ldn::test::TempDir dir;
    auto groups = ldn::load_synonyms(vocab_folder() / "synonyms.json");
    Xapian::WritableDatabase database((dir.path() / "index").string(), Xapian::DB_CREATE_OR_OPEN);
    ldn::store_synonyms(database, groups);
    database.commit();
    auto synonyms_of = [&](const std::string& key) {
        std::set<std::string> found(database.synonyms_begin(key), database.synonyms_end(key));
        return found;
    };
    CHECK(synonyms_of("ldn").count("low dose naltrexone") == 1);
    CHECK(synonyms_of("low dose naltrexone").count("ldn") == 1);
    CHECK(synonyms_of("fm").count("fibromyalgia") == 1);
    CHECK(synonyms_of("ra").count("rheumatoid arthritis") == 1);
    CHECK(synonyms_of("as").empty());  // an English word, deliberately not a synonym
    CHECK(ldn::synonym_key(" Low-Dose   Naltrexone ") == "low dose naltrexone");
}
