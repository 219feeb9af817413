#pragma once
// Reads a whole PubMed XML file (or stream) record by record: splitting, parsing, and reporting each
// malformed record with its location while the good records around it still come through.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "crawler/article.hpp"
#include "crawler/byte_source.hpp"

namespace ldn {

// A record that was reported and skipped. Formats as
// "FILE: record N (PMID p) at byte B: reason" (the PMID part only when one is known).
struct RecordIssue {
    std::string file;
    std::size_t record = 0;
    std::string pmid;
    std::uint64_t byte_offset = 0;
    std::string reason;

    std::string to_string() const;
};

struct ReadSummary {
    std::string root;        // PubmedArticleSet or MedlineCitationSet
    std::size_t records = 0; // records seen, good or bad
    std::size_t articles = 0;  // Article values delivered (a DeleteCitation gives one per PMID)
    std::size_t deleted = 0;   // of which deletions
    std::size_t issues = 0;    // records reported and skipped
};

using ArticleSink = std::function<void(Article&&)>;
using IssueSink = std::function<void(const RecordIssue&)>;

// Throws ldn::Error: exit 74 when the file cannot be opened or read; exit 65 when it is empty, not
// gzip-readable, not XML, or not PubMed XML. Everything else is an issue, and reading goes on.
ReadSummary read_pubmed(ByteSource& source, const ArticleSink& on_article, const IssueSink& on_issue);
ReadSummary read_pubmed_file(const std::filesystem::path& path, const ArticleSink& on_article,
                             const IssueSink& on_issue);

}  // namespace ldn
