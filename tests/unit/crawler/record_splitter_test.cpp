// The record splitter: how many records, of which kind, where they start in the (decompressed) bytes,
// and which structural problems it reports, without ever building a tree of the whole file.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/byte_source.hpp"
#include "crawler/errors.hpp"
#include "crawler/record_splitter.hpp"
#include "tests/support/paths.hpp"

namespace {

using ldn::RecordKind;

struct Record {
    RecordKind kind;
    std::string xml;
    std::uint64_t byte_offset;
    std::size_t index;
};

struct Split {
    std::string root;
    std::vector<Record> records;
    std::vector<ldn::SplitProblem> problems;
};

Split split(ldn::ByteSource& source, std::size_t max_record_bytes =
                                         ldn::RecordSplitter::default_max_record_bytes) {
    ldn::RecordSplitter splitter(source, max_record_bytes);
    Split out;
    out.root = splitter.root();
    auto drain = [&] {
        while (auto problem = splitter.take_problem()) out.problems.push_back(*problem);
    };
    while (auto record = splitter.next()) {
        drain();
        out.records.push_back(
            Record{record->kind, std::string(record->xml), record->byte_offset, record->index});
    }
    drain();
    return out;
}

Split split_memory(std::string_view bytes,
                   std::size_t max_record_bytes = ldn::RecordSplitter::default_max_record_bytes) {
    auto source = ldn::memory_source(bytes);
    return split(*source, max_record_bytes);
}

Split split_fixture(const std::string& name) {
    auto source = ldn::open_file_source(ldn::test::fixture(name));
    return split(*source);
}

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string problems_text(const Split& result) {
    std::string text;
    for (const auto& problem : result.problems)
        text += "problem at byte " + std::to_string(problem.byte_offset) + " (record " +
                std::to_string(problem.index) + "): " + problem.reason + "\n";
    return text;
}

std::vector<RecordKind> kinds(const Split& result) {
    std::vector<RecordKind> out;
    for (const Record& record : result.records) out.push_back(record.kind);
    return out;
}

const char* element_name(RecordKind kind) {
    switch (kind) {
        case RecordKind::pubmed_article: return "PubmedArticle";
        case RecordKind::pubmed_book_article: return "PubmedBookArticle";
        case RecordKind::medline_citation: return "MedlineCitation";
        case RecordKind::delete_citation: return "DeleteCitation";
    }
    return "?";
}

bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Every record's bytes are exactly the bytes of the (decompressed) text at its offset, start with
// '<' + its element name and end with its end tag; indexes count 1, 2, 3, ...
void check_offsets(const Split& result, const std::string& text) {
    for (std::size_t i = 0; i < result.records.size(); ++i) {
        const Record& record = result.records[i];
        INFO("record " << i + 1 << " at byte " << record.byte_offset);
        CHECK(record.index == i + 1);
        REQUIRE(record.byte_offset < text.size());
        CHECK(text[record.byte_offset] == '<');
        CHECK(text.compare(record.byte_offset, record.xml.size(), record.xml) == 0);
        const std::string name = element_name(record.kind);
        CHECK(record.xml.rfind("<" + name, 0) == 0);
        CHECK(ends_with(record.xml, "</" + name + ">"));
    }
}

// Hands out the bytes a few at a time (1, 2, ... 7, 1, ...), so that every tag, name and end tag is cut
// across reads somewhere.
class TrickleSource : public ldn::ByteSource {
public:
    explicit TrickleSource(std::string bytes) : bytes_(std::move(bytes)) {}
    std::size_t read(char* buffer, std::size_t size) override {
        const std::size_t step = 1 + (calls_++ % 7);
        const std::size_t n = std::min({size, step, bytes_.size() - pos_});
        std::copy_n(bytes_.data() + pos_, n, buffer);
        pos_ += n;
        return n;
    }
    const std::string& name() const override { return name_; }
    std::uint64_t input_position() const override { return pos_; }

private:
    std::string bytes_;
    std::string name_ = "<trickle>";
    std::size_t pos_ = 0;
    std::size_t calls_ = 0;
};

const std::string kArticle2 =
    "<PubmedArticle><MedlineCitation><PMID Version=\"1\">2</PMID></MedlineCitation></PubmedArticle>";

}  // namespace

TEST_CASE("the splitter finds every record of a file with its kind and index", "[splitter]") {
    Split result = split_fixture("delete_citation_at_end.xml");
    CHECK(result.root == "PubmedArticleSet");
    CHECK(result.problems.empty());
    CHECK(kinds(result) == std::vector<RecordKind>{RecordKind::pubmed_article,
                                                   RecordKind::pubmed_article,
                                                   RecordKind::delete_citation});
}

TEST_CASE("record kinds follow the element: books, legacy citations and deletions", "[splitter]") {
    Split books = split_fixture("book_article.xml");
    CHECK(books.root == "PubmedArticleSet");
    CHECK(kinds(books) == std::vector<RecordKind>{RecordKind::pubmed_book_article,
                                                  RecordKind::pubmed_book_article});

    Split legacy = split_fixture("medline_citation_set.xml");
    CHECK(legacy.root == "MedlineCitationSet");
    CHECK(kinds(legacy) == std::vector<RecordKind>{RecordKind::medline_citation,
                                                   RecordKind::medline_citation,
                                                   RecordKind::delete_citation});
    CHECK(legacy.problems.empty());
}

TEST_CASE("record counts of the fixtures", "[splitter]") {
    std::string name;
    std::size_t count = 0;
    std::tie(name, count) = GENERATE(table<std::string, std::size_t>({
        {"inline_markup.xml", 1},
        {"structured_abstract.xml", 2},
        {"medline_date_shapes.xml", 7},
        {"pubdate_shapes.xml", 7},
        {"book_article.xml", 2},
        {"delete_citation_at_end.xml", 3},
        {"medline_citation_set.xml", 3},
        {"malformed_middle.xml", 3},
        {"missing_pmid.xml", 3},
        {"full_record.xml", 1},
        {"full_record.xml.gz", 1},
    }));
    INFO("fixture " << name);
    Split result = split_fixture(name);
    CHECK(result.records.size() == count);
    CHECK(result.problems.empty());
}

TEST_CASE("byte_offset points at the '<' of each record and the record bytes match the file", "[splitter]") {
    const std::string name = GENERATE(as<std::string>{}, "delete_citation_at_end.xml",
                                      "medline_citation_set.xml", "book_article.xml",
                                      "medline_date_shapes.xml", "malformed_middle.xml",
                                      "inline_markup.xml");
    INFO("fixture " << name);
    const std::string text = slurp(ldn::test::fixture(name));
    Split result = split_fixture(name);
    REQUIRE_FALSE(result.records.empty());
    check_offsets(result, text);

    // The first record starts at the first occurrence of its start tag after the root.
    const std::string first_tag = std::string("<") + element_name(result.records[0].kind);
    const std::size_t root_at = text.find("<" + result.root);
    CHECK(result.records[0].byte_offset == text.find(first_tag, root_at + 1 + result.root.size()));
}

TEST_CASE("byte offsets of a gzip file count the decompressed bytes", "[splitter][gzip]") {
    const std::string text = slurp(ldn::test::fixture("full_record.xml"));
    Split gz = split_fixture("full_record.xml.gz");
    Split plain = split_fixture("full_record.xml");
    REQUIRE(gz.records.size() == 1);
    REQUIRE(plain.records.size() == 1);
    check_offsets(gz, text);
    CHECK(gz.records[0].byte_offset == plain.records[0].byte_offset);
    CHECK(gz.records[0].byte_offset == text.find("<PubmedArticle>"));
    CHECK(gz.records[0].xml == plain.records[0].xml);
}

TEST_CASE("records cut across arbitrary read boundaries are found the same", "[splitter]") {
    const std::string name = GENERATE(as<std::string>{}, "delete_citation_at_end.xml",
                                      "medline_citation_set.xml", "book_article.xml",
                                      "full_record.xml", "malformed_middle.xml");
    INFO("fixture " << name);
    const std::string text = slurp(ldn::test::fixture(name));
    Split whole = split_memory(text);
    TrickleSource trickle(text);
    Split pieces = split(trickle);
    CHECK(pieces.root == whole.root);
    REQUIRE(pieces.records.size() == whole.records.size());
    for (std::size_t i = 0; i < whole.records.size(); ++i) {
        INFO("record " << i + 1);
        CHECK(pieces.records[i].kind == whole.records[i].kind);
        CHECK(pieces.records[i].byte_offset == whole.records[i].byte_offset);
        CHECK(pieces.records[i].xml == whole.records[i].xml);
    }
    check_offsets(pieces, text);
}

TEST_CASE("a malformed record does not swallow the record after it", "[splitter]") {
    const std::string text = slurp(ldn::test::fixture("malformed_middle.xml"));
    Split result = split_memory(text);
    REQUIRE(result.records.size() == 3);
    CHECK(result.problems.empty());  // bad XML inside a record is the parser's business
    CHECK(result.records[1].xml.find("31001102") != std::string::npos);
    CHECK(result.records[1].xml.find("31001103") == std::string::npos);
    CHECK(result.records[2].xml.find("31001103") != std::string::npos);
    CHECK(result.records[2].index == 3);
}

TEST_CASE("a file cut off inside a record returns the records before it and reports the cut",
          "[splitter]") {
    const std::string text = slurp(ldn::test::fixture("truncated.xml"));
    Split result = split_memory(text);
    REQUIRE(result.records.size() == 1);
    CHECK(result.records[0].xml.find("31001301") != std::string::npos);
    REQUIRE_FALSE(result.problems.empty());
    const ldn::SplitProblem& cut = result.problems.front();
    CHECK_FALSE(cut.reason.empty());
    CHECK(cut.index == 2);
    const std::size_t second = text.find("<PubmedArticle>", text.find("<PubmedArticle>") + 1);
    CHECK(cut.byte_offset >= second);
    CHECK(cut.byte_offset <= text.size());
}

TEST_CASE("a file that ends after a complete record but without the root end tag is reported",
          "[splitter]") {
    std::string text = "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n" + kArticle2 + "\n";
    Split result = split_memory(text);
    REQUIRE(result.records.size() == 1);
    CHECK_FALSE(result.problems.empty());
}

TEST_CASE("the root of an empty, non-XML or non-PubMed stream is refused with exit code 65",
          "[splitter][errors]") {
    const std::string bytes = GENERATE(as<std::string>{}, "", "   \n\t ", "hello, this is not XML\n",
                                       "<?xml version=\"1.0\"?>\n<html><body>down</body></html>\n",
                                       "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>\n",
                                       "{\"error\":\"API rate limit exceeded\",\"count\":\"11\"}");
    INFO("input: " << bytes);
    auto source = ldn::memory_source(bytes);
    ldn::RecordSplitter splitter(*source);
    try {
        splitter.root();
        FAIL("root() accepted it");
    } catch (const ldn::Error& error) {
        CHECK(error.code() == ldn::ExitCode::data_error);
    }
}

TEST_CASE("a root element that is not PubMed's is named in the error", "[splitter][errors]") {
    auto source = ldn::open_file_source(ldn::test::fixture("wrong_root_html.xml"));
    ldn::RecordSplitter splitter(*source);
    try {
        splitter.root();
        FAIL("root() accepted <html>");
    } catch (const ldn::Error& error) {
        CHECK(error.code() == ldn::ExitCode::data_error);
        CHECK(std::string(error.what()).find("html") != std::string::npos);
    }
}

TEST_CASE("comments, whitespace and processing instructions between records are skipped", "[splitter]") {
    const std::string first =
        "<PubmedArticle><MedlineCitation><PMID Version=\"1\">1</PMID></MedlineCitation></PubmedArticle>";
    const std::string text = "<?xml version=\"1.0\"?>\n<!-- before the root -->\n<PubmedArticleSet>\n"
                             "  <!-- a comment between records -->\n  " +
                             first + "\n\n  <?some-pi data?>\n\t" + kArticle2 + "\n</PubmedArticleSet>";
    Split result = split_memory(text);
    CHECK(result.problems.empty());
    REQUIRE(result.records.size() == 2);
    CHECK(result.records[0].xml == first);
    CHECK(result.records[1].xml == kArticle2);
    check_offsets(result, text);
}

TEST_CASE("book articles wrapped in PubmedBookArticleSet are records too", "[splitter][book]") {
    const std::string book =
        "<PubmedBookArticle><BookDocument><PMID Version=\"1\">9</PMID></BookDocument>"
        "</PubmedBookArticle>";
    const std::string text = "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n<PubmedBookArticleSet>" + book +
                             "</PubmedBookArticleSet>\n" + kArticle2 + "\n</PubmedArticleSet>\n";
    Split result = split_memory(text);
    INFO(problems_text(result));
    CHECK(result.problems.empty());
    REQUIRE(kinds(result) ==
            std::vector<RecordKind>{RecordKind::pubmed_book_article, RecordKind::pubmed_article});
    CHECK(result.records[0].xml == book);
    check_offsets(result, text);
}

TEST_CASE("a record larger than the limit is reported and skipped, and the next one still comes",
          "[splitter]") {
    const std::string small1 =
        "<PubmedArticle><MedlineCitation><PMID Version=\"1\">1</PMID></MedlineCitation></PubmedArticle>";
    const std::string big = "<PubmedArticle><MedlineCitation><PMID Version=\"1\">5</PMID><Article>"
                            "<ArticleTitle>" +
                            std::string(10000, 'x') +
                            "</ArticleTitle></Article></MedlineCitation></PubmedArticle>";
    const std::string text = "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n" + small1 + "\n" + big +
                             "\n" + kArticle2 + "\n</PubmedArticleSet>\n";
    Split result = split_memory(text, 2048);
    INFO(problems_text(result));
    INFO("record sizes: " << [&] {
        std::string sizes;
        for (const Record& record : result.records) sizes += std::to_string(record.xml.size()) + " ";
        return sizes;
    }());
    REQUIRE(result.records.size() == 2);
    CHECK(result.records[0].xml == small1);
    CHECK(result.records[1].xml == kArticle2);
    CHECK(result.records[1].index == 3);
    CHECK(result.records[1].byte_offset == text.find(kArticle2));
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].index == 2);
    CHECK(result.problems[0].byte_offset == text.find(big));
    CHECK_FALSE(result.problems[0].reason.empty());
}

TEST_CASE("a DeleteCitation right before the root end tag, with no trailing newline, is found",
          "[splitter][delete]") {
    const std::string deletion =
        "<DeleteCitation><PMID Version=\"1\">7</PMID><PMID Version=\"1\">8</PMID></DeleteCitation>";
    const std::string text = "<?xml version=\"1.0\"?>\n<PubmedArticleSet>" + kArticle2 + deletion +
                             "</PubmedArticleSet>";
    Split result = split_memory(text);
    CHECK(result.problems.empty());
    REQUIRE(kinds(result) ==
            std::vector<RecordKind>{RecordKind::pubmed_article, RecordKind::delete_citation});
    CHECK(result.records[1].xml == deletion);
    check_offsets(result, text);
}

TEST_CASE("records_seen counts records, returned or reported", "[splitter]") {
    const std::string text = slurp(ldn::test::fixture("delete_citation_at_end.xml"));
    auto source = ldn::memory_source(text);
    ldn::RecordSplitter splitter(*source);
    CHECK(splitter.root() == "PubmedArticleSet");
    std::size_t returned = 0;
    while (splitter.next()) ++returned;
    CHECK(returned == 3);
    CHECK(splitter.records_seen() == 3);
}

TEST_CASE("a record of several MiB over a 64 KiB limit is skipped without holding it, the next one comes",
          "[splitter]") {
    const std::string big = "<PubmedArticle><MedlineCitation><PMID Version=\"1\">5</PMID><Article>"
                            "<ArticleTitle>" +
                            std::string(4u << 20, 'x') +
                            "</ArticleTitle></Article></MedlineCitation></PubmedArticle>";
    const std::string text =
        "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n" + big + "\n" + kArticle2 + "\n</PubmedArticleSet>\n";
    Split result = split_memory(text, 64u << 10);
    INFO(problems_text(result));
    REQUIRE(result.records.size() == 1);
    CHECK(result.records[0].xml == kArticle2);
    CHECK(result.records[0].index == 2);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].index == 1);
    CHECK(result.problems[0].byte_offset == text.find(big));
}
