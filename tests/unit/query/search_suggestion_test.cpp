// "Did you mean": a misspelt word or filter value is replaced by the closest term of the index when
// little matches and the correction finds more; a query that finds enough gets no suggestion.
#include <catch2/catch.hpp>

#include "query/search/spelling_suggestion.hpp"
#include "tests/unit/query/search_test_corpus.hpp"

using namespace ldn;
using namespace ldn::test;

TEST_CASE("a misspelt word gets the corrected query as a suggestion", "[search]") {
    SearchCorpus corpus;
    struct Row {
        const char* typed;
        const char* suggestion;
    };
    const Row rows[] = {
        {"fibromyalgai", "fibromyalgia"},
        {"osteoarthritsi", "osteoarthritis"},
        {"Paon", "pain"},
        // The field prefix and everything but the word are kept byte for byte.
        {"title:fibromyalgai", "title:fibromyalgia"},
    };
    for (const Row& row : rows) {
        SearchResults results = search(corpus.database, query(row.typed));
        INFO(row.typed);
        CHECK(results.total == 0);
        CHECK(results.suggestion == std::optional<std::string>(row.suggestion));
    }
}

TEST_CASE("a misspelt filter value gets a suggestion", "[search]") {
    SearchCorpus corpus;
    SearchResults results = search(corpus.database, query("condition:fibromyalgai"));
    CHECK(results.total == 0);
    CHECK(results.suggestion == std::optional<std::string>("condition:fibromyalgia"));
}

TEST_CASE("a query that finds records, or one with nothing to correct, gets no suggestion", "[search]") {
    SearchCorpus corpus;
    // Many results; one result whose words are all in the index; no result but nothing misspelt.
    for (const char* text : {"fibromyalgia", "dreams", "xylophone", "2030"}) {
        INFO(text);
        CHECK_FALSE(search(corpus.database, query(text)).suggestion);
    }
    CHECK(search(corpus.database, query("dreams")).total == 1);
}

TEST_CASE("a correction must find more than the query it corrects, filters included", "[search]") {
    SearchCorpus corpus;
    SearchRequest request = query("fibromyalgai");
    request.conditions = {"osteoarthritis"};
    SearchResults results = search(corpus.database, request);
    CHECK(results.total == 0);
    CHECK_FALSE(results.suggestion);
}

TEST_CASE("the closest term allows one edit in short words and two in longer ones", "[search]") {
    Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const char* terms : {"care cart", "care", "care", "naltrexone Stitle"}) {
        Xapian::Document document;
        std::string text = terms;
        for (std::size_t start = 0; start < text.size();) {
            std::size_t end = std::min(text.find(' ', start), text.size());
            document.add_term(text.substr(start, end - start));
            start = end + 1;
        }
        database.add_document(document);
    }
    struct Row {
        const char* prefix;
        const char* word;
        std::optional<std::string> expected;
    };
    const Row rows[] = {
        {"", "carx", "care"},                 // care (3 records) beats cart (1) at one edit
        {"", "cxrx", std::nullopt},           // two edits in a four-letter word
        {"", "naltrxeone", "naltrexone"},     // two edits in a longer word
        {"", "naltxxxxne", std::nullopt},     // three
        {"", "xaltrexone", std::nullopt},     // a wrong first letter is not looked for
        {"S", "titel", "title"},              // within the prefix only
        {"", "titel", std::nullopt},
        {"", "ca", std::nullopt},             // too short to guess
        {"", "car1", std::nullopt},           // numbers are not corrected
    };
    for (const Row& row : rows) {
        INFO(row.prefix << row.word);
        CHECK(closest_term(database, row.prefix, row.word) == row.expected);
    }
}

// Found by fuzz_query_language: a query holding bytes that are not UTF-8. The corrected word is
// replaced and the rest, the invalid byte included, is kept as typed; nothing throws. (The fuzz
// target first called the invalid byte in the suggestion a fault; it checks UTF-8 only for queries
// that are UTF-8 themselves now.)
TEST_CASE("a query with a byte that is not UTF-8 gets its word corrected and the rest kept as typed",
          "[search][regression]") {
    SearchCorpus corpus;
    const std::string typed = "Paon\xe0\xb1\xb0\xab ,";
    SearchResults results = search(corpus.database, query(typed));
    CHECK(results.total == 0);
    CHECK(results.suggestion == std::optional<std::string>("pain\xe0\xb1\xb0\xab ,"));
}
