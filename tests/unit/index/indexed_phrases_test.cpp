// Indexed phrases: the phrase term matches exactly what the positions of its words would match, with
// the phrase's occurrences (times the field's weight) as its wdf, and covers the vocabulary's phrases.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <fstream>
#include <set>

#include "index/annotations.hpp"
#include "index/document_builder.hpp"
#include "index/indexed_phrases.hpp"
#include "query/search/query_words.hpp"

namespace {

std::filesystem::path vocab_folder() { return std::filesystem::path(LDN_FIXTURES_DIR) / ".." / ".." / "data" / "vocab"; }

ldn::Article record(const std::string& pmid, const std::string& title, const std::string& abstract,
                    std::vector<std::string> keywords = {}) {
    ldn::Article article;
    article.pmid = pmid;
    article.title = title;
    if (!abstract.empty()) article.abstract = {{"", "", abstract}};
    article.keywords = std::move(keywords);
    return article;
}

std::set<Xapian::docid> matches(const Xapian::Database& database, const Xapian::Query& query) {
    Xapian::Enquire enquire(database);
    enquire.set_query(query);
    std::set<Xapian::docid> found;
    const Xapian::MSet mset = enquire.get_mset(0, database.get_doccount());
    for (auto item = mset.begin(); item != mset.end(); ++item) found.insert(*item);
    return found;
}

Xapian::termcount wdf_of(const Xapian::Database& database, Xapian::docid document, const std::string& term) {
    Xapian::TermIterator found = database.termlist_begin(document);
    found.skip_to(term);
    return found != database.termlist_end(document) && *found == term ? found.get_wdf() : 0;
}

}  // namespace

TEST_CASE("a phrase term matches the records whose words stand in that order, and no others", "[index][phrases]") {
    Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
    ldn::DocumentBuilder builder;
    const std::vector<ldn::Article> records{
        record("1", "Low-dose naltrexone for fibromyalgia.", ""),                                  // hyphen, title
        record("2", "A trial.", "We gave low dose naltrexone. Later, LOW DOSE NALTREXONE again."),  // twice
        record("3", "Pain at a low dose", "Naltrexone helped."),                  // split across two fields
        record("4", "Naltrexone at a low dose.", "Dose, low, naltrexone."),       // the words, not the phrase
        record("5", "Low dose; naltrexone.", ""),                                 // punctuation between: still a phrase
        record("6", "Rheumatoid arthritis and low back pain.", "", {"low dose naltrexone"}),
        record("7", "Nothing here.", "Dose naltrexone low."),
    };
    for (const ldn::Article& article : records) database.add_document(builder.build(article, ldn::Annotations{}));
    database.commit();

    for (const auto& words : ldn::indexed_phrases()) {
        const std::string term = ldn::indexed_phrase_term(words);
        CAPTURE(term);
        REQUIRE(term == "XW" + [&] {
            std::string joined;
            for (const std::string& word : words) joined += (joined.empty() ? "" : " ") + word;
            return joined;
        }());
        const Xapian::Query by_positions(Xapian::Query::OP_PHRASE, words.begin(), words.end(),
                                         static_cast<Xapian::termcount>(words.size()));
        CHECK(matches(database, Xapian::Query(term)) == matches(database, by_positions));
    }
    CHECK(matches(database, Xapian::Query("XWlow dose naltrexone")) == std::set<Xapian::docid>{1, 2, 5, 6});
    CHECK(matches(database, Xapian::Query("XWlow back pain")) == std::set<Xapian::docid>{6});
    // Occurrences times the field's weight: the title counts 3, the abstract and keywords 1 each.
    CHECK(wdf_of(database, 1, "XWlow dose naltrexone") == 3);
    CHECK(wdf_of(database, 2, "XWlow dose naltrexone") == 2);
    CHECK(wdf_of(database, 6, "XWlow dose naltrexone") == 1);
    CHECK(wdf_of(database, 6, "XWrheumatoid arthritis") == 3);
}

TEST_CASE("only listed phrases have a term", "[index][phrases]") {
    CHECK(ldn::indexed_phrase_term({"low", "dose", "naltrexone"}) == "XWlow dose naltrexone");
    CHECK(ldn::indexed_phrase_term({"low", "dose"}).empty());
    CHECK(ldn::indexed_phrase_term({"naltrexone", "low", "dose"}).empty());
    CHECK(ldn::indexed_phrase_term({"Slow", "Sdose", "Snaltrexone"}).empty());  // a field's phrase: positions
}

TEST_CASE("every several-word name of the synonym vocabulary is an indexed phrase", "[index][phrases]") {
    std::ifstream in(vocab_folder() / "synonyms.json");
    REQUIRE(in);
    const auto vocabulary = nlohmann::json::parse(in);
    for (const auto& group : vocabulary.at("groups")) {
        for (const auto& name : group) {
            std::vector<std::string> words;
            for (const auto& word : ldn::query::split_words(name.get<std::string>())) words.push_back(word.text);
            if (words.size() < 2) continue;
            CAPTURE(name);
            // When this fails: add the phrase to index/indexed_phrases.cpp and bump the schema version.
            CHECK_FALSE(ldn::indexed_phrase_term(words).empty());
        }
    }
}
