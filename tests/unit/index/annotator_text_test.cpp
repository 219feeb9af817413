// The building blocks under the annotators: folding, the phrase matcher, number words.
#include <catch2/catch.hpp>

#include "index/annotators/number_words.hpp"
#include "index/annotators/phrase_matcher.hpp"
#include "index/annotators/text_document.hpp"

using namespace ldn::annotators;

namespace {

std::vector<int> tags_found(const PhraseMatcher& matcher, const std::string& text) {
    std::vector<int> tags;
    for (const PhraseMatch& match : matcher.find_all(text)) tags.push_back(match.tag);
    return tags;
}

}  // namespace

TEST_CASE("folding maps typographic Unicode to ASCII and keeps both foldings aligned", "[annotator][text]") {
    std::string lower;
    std::string cased;
    fold_text("Sj\u00f6gren \u2013 4\u00b75\u00a0mg \u2265 2, 5 \u00b5g, \u2018AS\u2019", lower, cased);
    CHECK(cased == "Sjogren - 4.5 mg >= 2, 5 ug, 'AS'");
    CHECK(lower == "sjogren - 4.5 mg >= 2, 5 ug, 'as'");
}

TEST_CASE("a document is cut into sentences, not at decimals or abbreviations", "[annotator][text]") {
    ldn::Article article;
    article.title = "LDN";
    article.abstract.push_back({"", "", "We gave 4.5 mg, e.g. nightly vs. placebo. Pain fell. 31 women took part."});
    const TextDocument document(article);
    REQUIRE(document.sentences().size() == 4);  // the title and three
    CHECK(document.sentence_text(1) == "we gave 4.5 mg, e.g. nightly vs. placebo.");
    CHECK(document.sentence_text(3) == "31 women took part.");
}

TEST_CASE("the phrase matcher finds whole words, prefixes and hyphen or space alike", "[annotator][text]") {
    PhraseMatcher matcher;
    matcher.add("low back pain", 1);
    matcher.add("fibromyalg*", 2);
    matcher.add("ra", 3);
    matcher.compile();
    CHECK(tags_found(matcher, "chronic low-back pain") == std::vector<int>{1});
    CHECK(tags_found(matcher, "fibromyalgic women, fibromyalgia") == std::vector<int>{2, 2});
    CHECK(tags_found(matcher, "rat ra, (ra) bra").size() == 2);
    CHECK(tags_found(matcher, "yellow back pain").empty());
}

TEST_CASE("pattern problems are named", "[annotator][text]") {
    CHECK(PhraseMatcher::pattern_problem("") == std::string("is empty"));
    CHECK(PhraseMatcher::pattern_problem("a*b").has_value());
    CHECK(PhraseMatcher::pattern_problem("--").has_value());
    CHECK_FALSE(PhraseMatcher::pattern_problem("sjogren*").has_value());
}

TEST_CASE("numbers written in words are read", "[annotator][text]") {
    struct Row {
        const char* text;
        std::optional<int> value;
    };
    const Row rows[] = {
        {"twelve patients", 12},
        {"thirty-one women", 31},
        {"thirty one women", 31},
        {"one hundred and twenty adults", 120},
        {"two thousand five hundred people", 2500},
        {"one two", 1},
        {"none", std::nullopt},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        auto number = number_words_at(row.text, 0);
        REQUIRE(number.has_value() == row.value.has_value());
        if (number) CHECK(number->value == *row.value);
    }
}
