// Fuzz target: the query language as every reader runs it, through search() (query/search/searcher.hpp):
// lexer, parser, builder (synonyms, wildcards), matching, facets and the spelling suggestion, over the
// search fixture (tests/fixtures/search/corpus.xml, 30 records) indexed through the real pipeline once
// at start-up. Seeds: every code span of docs/QUERY.md.
//
// Findings besides sanitizer reports: any exception but QuerySyntaxError; a syntax error message of
// several lines, or whose column lies outside the query; a page larger than asked; for a query of
// valid UTF-8, a message or suggestion that is not (the suggestion keeps the rest of the query byte
// for byte, so bytes that were invalid in the query stay invalid in it).

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "crawler/json_writer.hpp"
#include "index/annotator.hpp"
#include "index/index_jobs.hpp"
#include "index/index_writer.hpp"
#include "index/synonyms.hpp"
#include "query/search/query_language.hpp"
#include "query/search/query_words.hpp"
#include "query/search/searcher.hpp"

namespace {

namespace fs = std::filesystem;

[[noreturn]] void broken(const std::string& what) {
    std::fprintf(stderr, "fuzz_query_language: %s\n", what.c_str());
    std::abort();
}

// The index lives in a folder of its own, removed at a normal exit. LDN_FUZZ_WORK_DIR (set by
// scripts/fuzz) keeps folders that a crash leaves behind inside the build tree.
struct SearchIndex {
    fs::path folder;
    std::optional<Xapian::Database> database;

    SearchIndex() {
        const char* work = std::getenv("LDN_FUZZ_WORK_DIR");
        fs::path parent = work != nullptr && *work != '\0' ? fs::path(work) : fs::temp_directory_path();
        fs::create_directories(parent);
        std::string pattern = (parent / "fuzz_query_language.XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) broken("cannot create a folder under " + parent.string());
        folder = pattern;

        const fs::path source = LDN_SOURCE_DIR;
        const fs::path vocab = source / "data" / "vocab";
        const ldn::Annotator annotator(vocab);
        {
            ldn::IndexWriter writer(folder / "index", annotator);
            ldn::IndexObserver observer;
            observer.record_issue = [](const ldn::RecordIssue& issue) { broken("search corpus: " + issue.to_string()); };
            ldn::ingest_files({source / "tests" / "fixtures" / "search" / "corpus.xml"}, writer, false, observer);
            ldn::store_synonyms(writer, ldn::load_synonyms(vocab / "synonyms.json"));
            writer.commit();
        }
        database.emplace(Xapian::Database((folder / "index").string()));
    }

    ~SearchIndex() {
        database.reset();
        std::error_code ignored;
        fs::remove_all(folder, ignored);
    }
};

std::unique_ptr<SearchIndex> fixture_index;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fixture_index = std::make_unique<SearchIndex>();
    std::atexit([] { fixture_index.reset(); });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    ldn::SearchRequest request;
    request.query.assign(text);
    const bool valid_query = ldn::is_valid_utf8(text);
    request.limit = 5;
    request.facets = {ldn::Facet::year, ldn::Facet::design, ldn::Facet::condition};
    try {
        const ldn::SearchResults results = ldn::search(*fixture_index->database, request);
        if (results.hits.size() > request.limit || results.total < results.hits.size()) {
            broken("a page larger than asked, or a total smaller than the page");
        }
        if (results.suggestion && valid_query && !ldn::is_valid_utf8(*results.suggestion)) {
            broken("a suggestion that is not UTF-8: " + *results.suggestion);
        }
    } catch (const ldn::QuerySyntaxError& error) {
        const std::string_view message = error.what();
        if (message.find_first_of("\r\n") != std::string_view::npos) broken("a syntax error of several lines");
        if (valid_query && !ldn::is_valid_utf8(message)) broken("a syntax error message that is not UTF-8");
        if (error.column() < 1 || error.column() > ldn::query::character_count(text) + 1) {
            broken("a syntax error column outside the query: " + std::to_string(error.column()));
        }
    }
    return 0;
}
