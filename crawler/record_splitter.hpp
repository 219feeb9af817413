#pragma once
// Splits a PubMed XML byte stream into records without building a tree of the whole file, so memory
// is bounded by the largest record (plus one read buffer), not by the file.
//
// A record is a child of the root element that PubMed defines: PubmedArticle, PubmedBookArticle and
// DeleteCitation under PubmedArticleSet (also wrapped in PubmedBookArticleSet in some files), or
// MedlineCitation and DeleteCitation under the legacy MedlineCitationSet. A record ends at the first
// closing tag of its own name: none of these elements nests inside itself, so a malformed record stays
// confined to its own bytes and the records after it are still found.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>

#include "crawler/byte_source.hpp"

namespace ldn {

enum class RecordKind { pubmed_article, pubmed_book_article, medline_citation, delete_citation };

struct RawRecord {
    RecordKind kind;
    std::string_view xml;      // the record element, from '<' to its closing '>'; valid until next()
    std::uint64_t byte_offset; // of the record's '<' in the (decompressed) stream
    std::size_t index;         // 1-based position among the file's records
};

// A structural problem in the stream between or across records (a record cut off by the end of the
// file, a missing root end tag, an oversized record). Reported, never fatal: records before it stand.
struct SplitProblem {
    std::string reason;
    std::string pmid;  // when the damaged bytes still show one
    std::uint64_t byte_offset;
    std::size_t index;  // the record it concerns (1-based), or the count of records so far
};

class RecordSplitter {
public:
    // Records larger than this are refused (reported and skipped) to keep memory bounded. PubMed's
    // largest records (thousands of authors or investigators, each with affiliations) take a few
    // MiB; 32 MiB leaves room for them while a hostile file cannot make the reader hold more. The
    // parser adds limits of its own on nesting and node count (pubmed_parser.hpp).
    static constexpr std::size_t default_max_record_bytes = 32u << 20;
    // Element names longer than this are not PubMed's: the name is cut there (so a run of name
    // characters without end cannot make the splitter buffer the whole stream).
    static constexpr std::size_t max_name_bytes = 1024;

    explicit RecordSplitter(ByteSource& source,
                            std::size_t max_record_bytes = default_max_record_bytes);

    // The root element's name. Reads the prolog on first use. Throws ldn::Error (exit 65) for an empty
    // stream, a stream that is not XML, or a root element that is not a PubMed one.
    const std::string& root();

    // The next record, or nullopt at the end of the stream. Problems met on the way are delivered
    // through take_problem() before the record that follows them is returned.
    std::optional<RawRecord> next();

    // A problem noticed by the last next() call, if any; call until it returns nullopt.
    std::optional<SplitProblem> take_problem();

    // Records met so far, including those reported as problems rather than returned.
    std::size_t records_seen() const { return records_; }

private:
    bool fill();
    bool ensure(std::size_t bytes);
    void compact();
    void read_prolog();
    void skip_past(std::string_view terminator, const char* construct);
    void skip_doctype();
    std::string read_name();
    std::size_t self_closing_end(std::size_t record_start);
    std::size_t find_record_end(std::string_view name, std::size_t record_start);
    void skip_element(std::string_view name, std::uint64_t start_offset);
    void report(std::string reason, std::uint64_t byte_offset, std::size_t index);
    std::uint64_t offset_of(std::size_t buffer_position) const { return buffer_offset_ + buffer_position; }

    ByteSource& source_;
    std::size_t max_record_bytes_;
    std::string buffer_;
    std::size_t pos_ = 0;              // cursor in buffer_
    std::uint64_t buffer_offset_ = 0;  // stream offset of buffer_[0]
    bool eof_ = false;
    bool prolog_read_ = false;
    bool finished_ = false;
    std::string root_;
    std::size_t records_ = 0;
    std::deque<SplitProblem> problems_;
};

}  // namespace ldn
