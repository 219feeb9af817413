// The authors' conclusion (issue 6's honesty rules): the CONCLUSION(S) section, else the closing
// sentences, always the record's own characters.
#include <catch2/catch.hpp>

#include "query/summary/conclusion.hpp"

using namespace ldn;

namespace {

AbstractSection section(std::string label, std::string category, std::string text) {
    return AbstractSection{std::move(label), std::move(category), std::move(text)};
}

AbstractSection unstructured(std::string text) { return section("", "", std::move(text)); }

}  // namespace

TEST_CASE("a structured abstract gives its conclusions section", "[summary]") {
    struct Row {
        const char* label;
        const char* category;
    };
    for (const Row row : {Row{"CONCLUSIONS", "CONCLUSIONS"}, Row{"CONCLUSION", ""}, Row{"Conclusions", ""},
                          Row{"CONCLUSIONS AND RELEVANCE", "CONCLUSIONS"}, Row{"Interpretation", "CONCLUSIONS"}}) {
        INFO(row.label << " / " << row.category);
        const QuotedConclusion conclusion = authors_conclusion(
            {section("OBJECTIVE", "OBJECTIVE", "To test LDN."), section("RESULTS", "RESULTS", "Pain fell by 2 points."),
             section(row.label, row.category, "LDN reduced pain (p = 0.04).")});
        CHECK(conclusion.text == "LDN reduced pain (p = 0.04).");
        CHECK(conclusion.source == "conclusions section");
    }
}

TEST_CASE("two conclusion sections are quoted both, in order", "[summary]") {
    const QuotedConclusion conclusion = authors_conclusion(
        {section("CONCLUSIONS", "CONCLUSIONS", "LDN helped."), section("RESULTS", "RESULTS", "Pain fell."),
         section("CONCLUSION", "CONCLUSIONS", "More trials are needed.")});
    CHECK(conclusion.text == "LDN helped. More trials are needed.");
}

TEST_CASE("without a conclusions section the last two sentences are quoted", "[summary]") {
    const QuotedConclusion conclusion = authors_conclusion({unstructured(
        "Low-dose naltrexone is used off label. We treated 12 patients with 4.5 mg vs. placebo for 8 weeks. "
        "Pain fell in 9 of them (Smith et al. saw the same). These results need a randomized trial.")});
    CHECK(conclusion.text ==
          "Pain fell in 9 of them (Smith et al. saw the same). These results need a randomized trial.");
    CHECK(conclusion.source == "closing sentences");
}

TEST_CASE("a structured abstract without conclusions gives the closing sentences of its last section", "[summary]") {
    const QuotedConclusion conclusion = authors_conclusion(
        {section("BACKGROUND", "BACKGROUND", "LDN is popular."),
         section("RESULTS", "RESULTS", "Pain fell. Sleep did not change."), section("FUNDING", "UNASSIGNED", "")});
    CHECK(conclusion.text == "Pain fell. Sleep did not change.");
    CHECK(conclusion.source == "closing sentences");
}

TEST_CASE("a short abstract is quoted whole and exactly as written", "[summary]") {
    const std::string text =
        "A 45-year-old woman — with fibromyalgia — became nearly free of pain on naltrexone ≥4.5 mg?!";
    const QuotedConclusion conclusion = authors_conclusion({unstructured("  " + text + "\n")});
    CHECK(conclusion.text == text);
}

TEST_CASE("a record without an abstract has no conclusion", "[summary]") {
    CHECK(authors_conclusion({}).text.empty());
    CHECK(authors_conclusion({}).source.empty());
    CHECK(authors_conclusion({unstructured("  ")}).source.empty());
}

TEST_CASE("sentences end at a point before a capital, not inside numbers or abbreviations", "[summary]") {
    const std::vector<std::string_view> sentences =
        split_sentences("Doses of 4.5 mg were used, e.g. at night. Did it help? Yes (\"mostly.\") 12 of 20 improved.");
    REQUIRE(sentences.size() == 4);
    CHECK(sentences[0] == "Doses of 4.5 mg were used, e.g. at night.");
    CHECK(sentences[1] == "Did it help?");
    CHECK(sentences[2] == "Yes (\"mostly.\")");
    CHECK(sentences[3] == "12 of 20 improved.");
}

TEST_CASE("a title's abbreviation does not end a sentence", "[summary]") {
    const std::vector<std::string_view> sentences = split_sentences("They were seen by Dr. Smith. All improved.");
    REQUIRE(sentences.size() == 2);
    CHECK(sentences[0] == "They were seen by Dr. Smith.");
}
