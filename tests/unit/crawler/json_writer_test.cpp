// The direct JSON writer must give the very bytes nlohmann's dump gives: stored document data is
// compared byte for byte to tell unchanged records from updated ones, and `ldn parse` output is a
// documented contract.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "crawler/article_json.hpp"
#include "crawler/errors.hpp"
#include "crawler/json_writer.hpp"
#include "crawler/pubmed_reader.hpp"
#include "index/annotations.hpp"
#include "index/document_builder.hpp"
#include "tests/support/paths.hpp"

namespace {

std::string dumped(const nlohmann::ordered_json& value) {
    return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::vector<ldn::Article> articles_of(const std::filesystem::path& file) {
    std::vector<ldn::Article> articles;
    ldn::read_pubmed_file(
        file, [&](ldn::Article&& article) { articles.push_back(std::move(article)); },
        [](const ldn::RecordIssue&) {});
    return articles;
}

}  // namespace

TEST_CASE("an Article written directly equals its dumped ordered_json, for every reader fixture",
          "[json-writer]") {
    std::size_t compared = 0;
    for (const auto& entry : std::filesystem::directory_iterator(ldn::test::fixture(""))) {
        if (entry.path().extension() != ".xml") continue;
        std::vector<ldn::Article> articles;
        try {
            articles = articles_of(entry.path());
        } catch (const ldn::Error&) {
            continue;  // the fixtures of unreadable input
        }
        for (const ldn::Article& article : articles) {
            CAPTURE(entry.path().filename().string(), article.pmid);
            CHECK(ldn::article_json_text(article) == dumped(nlohmann::ordered_json(article)));
            ++compared;
        }
    }
    CHECK(compared >= 20);
}

TEST_CASE("the 2016 baseline sample writes the same bytes both ways", "[json-writer]") {
    LDN_REQUIRE_SHARED_SAMPLE(baseline, "medline16n0902.xml.gz");
    std::size_t compared = 0;
    for (const ldn::Article& article : articles_of(baseline)) {
        if (ldn::article_json_text(article) != dumped(nlohmann::ordered_json(article))) {
            FAIL_CHECK("PMID " << article.pmid << " differs");
        }
        ++compared;
    }
    CHECK(compared == 605);
}

TEST_CASE("hostile strings are escaped and repaired as nlohmann does", "[json-writer]") {
    const std::vector<std::string> texts{
        "",
        "plain",
        "quote \" and backslash \\ and slash /",
        "controls \b\f\n\r\t and \x01\x1f and DEL \x7f",
        std::string("nul \0 inside", 12),
        "Sj\xc3\xb6gren \xe2\x80\x93 \xf0\x9f\x98\x80 \xe2\x80\xa8",
        "invalid \xff byte",
        "truncated \xc3",
        "overlong \xc0\xaf and surrogate \xed\xa0\x80",
        "above range \xf4\x90\x80\x80",
    };
    for (const std::string& text : texts) {
        CAPTURE(text);
        ldn::Article article;
        article.pmid = "1";
        article.title = text;
        article.keywords = {text, text};
        CHECK(ldn::article_json_text(article) == dumped(nlohmann::ordered_json(article)));
    }
}

TEST_CASE("document data with annotations equals the dumped tree, numbers included", "[json-writer]") {
    ldn::Article article;
    article.pmid = "29768149";
    article.year = 2018;
    ldn::Annotations annotations;
    annotations.conditions = {"fibromyalgia", "lupus"};
    annotations.design = "rct";
    annotations.evidence_level = 2;
    annotations.doses_mg = {0.1, 1.5, 4.5, 12.0, 380};
    annotations.dose_class = "low";
    annotations.sample_size = 1204;
    annotations.duration_weeks = 26.1;
    nlohmann::ordered_json expected = article;
    expected["annotations"] = annotations;
    CHECK(ldn::document_data(article, annotations) == dumped(expected));

    annotations = ldn::Annotations{};  // nulls and empty arrays
    expected["annotations"] = annotations;
    CHECK(ldn::document_data(article, annotations) == dumped(expected));
}

TEST_CASE("the writer separates nested items with commas and nothing else", "[json-writer]") {
    std::string text;
    ldn::JsonWriter json(text);
    json.begin_object();
    json.key("a"), json.begin_array();
    json.begin_array(), json.end_array();
    json.begin_object(), json.end_object();
    json.value(1), json.null();
    json.end_array();
    json.key("b"), json.value(std::optional<int>());
    json.end_object();
    CHECK(text == R"({"a":[[],{},1,null],"b":null})");
}
