// The query's words are the words Xapian's TermGenerator indexes: checked against TermGenerator
// itself on the awkward cases (initials, joiners, suffixes, numbers, non-ASCII letters).
#include <catch2/catch.hpp>

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "query/search/query_words.hpp"

namespace {

// The unstemmed words TermGenerator writes for `text`, in position order.
std::vector<std::string> indexed_words(const std::string& text) {
    Xapian::TermGenerator generator;
    Xapian::Document document;
    generator.set_document(document);
    generator.index_text(text);
    std::map<Xapian::termpos, std::string> by_position;
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
        for (auto position = term.positionlist_begin(); position != term.positionlist_end(); ++position) {
            by_position[*position] = *term;
        }
    }
    std::vector<std::string> words;
    for (const auto& [position, word] : by_position) words.push_back(word);
    return words;
}

std::vector<std::string> query_words(const std::string& text) {
    std::vector<std::string> words;
    for (const auto& word : ldn::query::split_words(text)) words.push_back(word.text);
    return words;
}

}  // namespace

TEST_CASE("query words are cut exactly as TermGenerator indexes them", "[query-language][query-words]") {
    const char* texts[] = {
        "Low-dose naltrexone (LDN) 4.5 mg/day for 12 weeks.",
        "U.S.A. and P.T.O but U.S.a and A.B. and Ab.C, I.",
        "AT&T C++ C# fish+chips c++++ x+",
        "1,000 patients; 3.5-4.5 mg, 2.5.3 and 1;2 but 1:2",
        "Sjögren\u2019s syndrome, O'Brien, l\u2019homme and naïve café ÉCOLE",
        "zero\u200bwidth and snake_case and x.y.z",
        "covid-19 SARS-CoV-2 IL-6 TNF-\u03b1 and \u03b2-endorphin",
        "Naltrexone: a review \u2014 \u201cquoted\u201d \u00abguillemets\u00bb",
        "e.g. i.e. et al.",
        "",
        "--- ... !!!",
    };
    for (const char* text : texts) {
        CAPTURE(text);
        CHECK(query_words(text) == indexed_words(text));
    }
}

TEST_CASE("a query word knows where it stands in the query", "[query-language][query-words]") {
    struct Row {
        const char* text;
        std::size_t base;
        std::vector<ldn::query::TextWord> words;
    };
    const Row rows[] = {
        {"low-dose", 0, {{"low", 0, 3}, {"dose", 4, 4}}},
        {"Sjögren's", 10, {{"sjögren's", 10, 10}}},
        {"(U.S.A.)", 0, {{"usa", 1, 5}}},
        {"C++, 4.5mg", 0, {{"c++", 0, 3}, {"4.5mg", 5, 5}}},
        {"O\u2019Brien", 0, {{"o'brien", 0, 9}}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        const auto words = ldn::query::split_words(row.text, row.base);
        REQUIRE(words.size() == row.words.size());
        for (std::size_t i = 0; i < words.size(); ++i) {
            CHECK(words[i].text == row.words[i].text);
            CHECK(words[i].offset == row.words[i].offset);
            CHECK(words[i].length == row.words[i].length);
        }
    }
}

TEST_CASE("a word's stemmed term is the one TermGenerator writes", "[query-language][query-words]") {
    struct Row {
        const char* prefix;
        const char* word;
    };
    const Row rows[] = {{"", "randomized"}, {"S", "randomised"}, {"XA", "patients"}, {"", "4.5"},
                        {"S", "19"},        {"", "sjögren's"},   {"K", "c++"},        {"", "_x"}};
    for (const Row& row : rows) {
        CAPTURE(row.prefix, row.word);
        Xapian::TermGenerator generator;
        generator.set_stemmer(Xapian::Stem("english"));
        Xapian::Document document;
        generator.set_document(document);
        generator.index_text(row.word, 1, row.prefix);
        const std::string term = ldn::query::stemmed_term(row.prefix, row.word);
        auto found = document.termlist_begin();
        found.skip_to(term);
        REQUIRE(found != document.termlist_end());
        CHECK(*found == term);
        // Only a stemmed term lacks positions; a number has no stemmed term and is found unstemmed.
        const bool stemmed = term.front() == 'Z';
        CHECK((found.positionlist_count() == 0) == stemmed);
    }
    CHECK(ldn::query::stemmed_term("", "randomized") == "Zrandom");
    CHECK(ldn::query::stemmed_term("S", "4.5") == "S4.5");
}

TEST_CASE("columns count characters, not bytes", "[query-language][query-words]") {
    CHECK(ldn::query::column_at("Sjögren (", 9) == 9);
    CHECK(ldn::query::column_at("abc", 0) == 1);
    CHECK(ldn::query::character_count("naïve") == 5);
    CHECK(ldn::query::has_word_character("--x--"));
    CHECK_FALSE(ldn::query::has_word_character("--\u2014:"));
}
