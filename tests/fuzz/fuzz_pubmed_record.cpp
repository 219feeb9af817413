// Fuzz target: the PubMed reader over bytes in memory, as `ldn parse`, `ldn ingest` and the crawler's
// efetch check run it: gzip sniffing (byte_source), the record splitter, the record parser, and each
// Article's JSON line. Seeds: tests/fixtures/*.xml and every record of the corpora (tests/fuzz/README.md).
//
// What counts as a finding besides a sanitizer report: an exception other than ldn::Error (the one
// channel for "not PubMed XML / not gzip"), a kept article whose PMID is not a number, a JSON line
// that is not JSON, or counts that disagree with what the sinks received.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "crawler/article_json.hpp"
#include "crawler/byte_source.hpp"
#include "crawler/errors.hpp"
#include "crawler/pubmed_reader.hpp"

namespace {

[[noreturn]] void broken(const std::string& what) {
    std::fprintf(stderr, "fuzz_pubmed_record: %s\n", what.c_str());
    std::abort();
}

bool is_number(std::string_view text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto source = ldn::memory_source(bytes, "<fuzz>");
    std::size_t articles = 0;
    std::size_t deleted = 0;
    std::size_t issues = 0;
    try {
        const ldn::ReadSummary summary = ldn::read_pubmed(
            *source,
            [&](ldn::Article&& article) {
                ++articles;
                if (article.deleted) {
                    ++deleted;
                } else if (!is_number(article.pmid)) {
                    broken("kept an article whose PMID is not a number: '" + article.pmid + "'");
                }
                const std::string line = ldn::article_json_text(article);
                if (!nlohmann::json::accept(line)) broken("article JSON is not JSON: " + line);
            },
            [&](const ldn::RecordIssue& issue) {
                ++issues;
                if (issue.to_string().empty()) broken("an issue without a message");
            });
        if (summary.articles != articles || summary.deleted != deleted || summary.issues != issues) {
            broken("summary counts disagree with the sinks");
        }
    } catch (const ldn::Error&) {
        // Not PubMed XML, empty, or broken gzip: refused as specified (exit 65 or 74).
    }
    return 0;
}
