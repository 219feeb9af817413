#include "crawler/record_splitter.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "crawler/errors.hpp"

namespace ldn {

namespace {

constexpr std::size_t read_chunk = 1u << 20;

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

bool ends_name(char c) { return is_space(c) || c == '>' || c == '/'; }

struct KnownRecord {
    std::string_view name;
    RecordKind kind;
};

constexpr std::array<KnownRecord, 4> known_records{{
    {"PubmedArticle", RecordKind::pubmed_article},
    {"PubmedBookArticle", RecordKind::pubmed_book_article},
    {"MedlineCitation", RecordKind::medline_citation},
    {"DeleteCitation", RecordKind::delete_citation},
}};

// Book records may come wrapped in their own set inside a PubmedArticleSet.
constexpr std::string_view book_article_wrapper = "PubmedBookArticleSet";

constexpr std::array<std::string_view, 3> pubmed_roots{
    "PubmedArticleSet", "MedlineCitationSet", "PubmedBookArticleSet"};

// Built by appending: GCC 12 warns falsely (-Wrestrict) about "literal" + std::string temporaries.
std::string tag(std::string_view before, std::string_view name, std::string_view after) {
    std::string text;
    text.reserve(before.size() + name.size() + after.size());
    text.append(before).append(name).append(after);
    return text;
}

// The PMID of a record cut short or otherwise unparsable, for a message that helps find it.
std::string sniff_pmid(std::string_view bytes) {
    std::size_t tag = bytes.find("<PMID");
    if (tag == std::string_view::npos) return {};
    std::size_t open_end = bytes.find('>', tag);
    if (open_end == std::string_view::npos) return {};
    std::string pmid;
    for (std::size_t i = open_end + 1; i < bytes.size() && pmid.size() < 20; ++i) {
        char c = bytes[i];
        if (c >= '0' && c <= '9') {
            pmid += c;
        } else {
            break;
        }
    }
    return pmid;
}

}  // namespace

RecordSplitter::RecordSplitter(ByteSource& source, std::size_t max_record_bytes)
    : source_(source), max_record_bytes_(max_record_bytes) {}

bool RecordSplitter::fill() {
    if (eof_) return false;
    std::size_t old_size = buffer_.size();
    buffer_.resize(old_size + read_chunk);
    std::size_t got = source_.read(buffer_.data() + old_size, read_chunk);
    buffer_.resize(old_size + got);
    if (got == 0) eof_ = true;
    return got > 0;
}

bool RecordSplitter::ensure(std::size_t bytes) {
    while (buffer_.size() - pos_ < bytes) {
        if (!fill()) return false;
    }
    return true;
}

// Drops consumed bytes once they are most of the buffer, so each byte is moved at most about once.
void RecordSplitter::compact() {
    if (pos_ == 0 || pos_ < buffer_.size() / 2) return;
    buffer_.erase(0, pos_);
    buffer_offset_ += pos_;
    pos_ = 0;
}

void RecordSplitter::report(std::string reason, std::uint64_t byte_offset, std::size_t index) {
    problems_.push_back(SplitProblem{std::move(reason), {}, byte_offset, index});
}

std::optional<SplitProblem> RecordSplitter::take_problem() {
    if (problems_.empty()) return std::nullopt;
    SplitProblem problem = std::move(problems_.front());
    problems_.pop_front();
    return problem;
}

// Moves the cursor past the next `terminator`; the stream must contain one.
void RecordSplitter::skip_past(std::string_view terminator, const char* construct) {
    std::uint64_t start = offset_of(pos_);
    for (;;) {
        std::size_t found = buffer_.find(terminator, pos_);
        if (found != std::string::npos) {
            pos_ = found + terminator.size();
            return;
        }
        // Keep only what could be the start of a terminator split across reads.
        pos_ = buffer_.size() > terminator.size() ? buffer_.size() - terminator.size() + 1 : pos_;
        compact();
        if (!fill()) {
            throw input_error(source_.name() + ": unterminated " + construct + " at byte " +
                              std::to_string(start));
        }
    }
}

// The name at the cursor (not consumed), at most max_name_bytes long.
std::string RecordSplitter::read_name() {
    std::size_t end = pos_;
    for (;;) {
        while (end < buffer_.size() && !ends_name(buffer_[end]) && end - pos_ < max_name_bytes) ++end;
        if (end < buffer_.size() || end - pos_ >= max_name_bytes || !fill()) break;
    }
    std::string name = buffer_.substr(pos_, end - pos_);
    return name;
}

// Moves the cursor past a DOCTYPE (at "<!"), internal subset included. Nothing in it is read: no DTD
// is fetched, no entity declared there is ever expanded. Quoted literals, comments and processing
// instructions may hold '[', ']' and '>', so they are stepped over whole; consumed bytes are
// dropped as it goes, so a huge subset costs time, not memory.
void RecordSplitter::skip_doctype() {
    std::uint64_t start = offset_of(pos_);
    pos_ += 2;
    bool in_subset = false;
    char quote = 0;
    for (;;) {
        if (pos_ >= buffer_.size()) {
            compact();
            if (!fill()) {
                throw input_error(source_.name() + ": unterminated DOCTYPE at byte " + std::to_string(start));
            }
        }
        char c = buffer_[pos_];
        if (quote != 0) {
            if (c == quote) quote = 0;
            ++pos_;
            continue;
        }
        if (in_subset && c == '<' && ensure(4)) {
            if (buffer_.compare(pos_, 4, "<!--") == 0) {
                skip_past("-->", "comment in the DOCTYPE");
                continue;
            }
            if (buffer_.compare(pos_, 2, "<?") == 0) {
                skip_past("?>", "processing instruction in the DOCTYPE");
                continue;
            }
        }
        ++pos_;
        if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '[') {
            in_subset = true;
        } else if (c == ']') {
            in_subset = false;
        } else if (c == '>' && !in_subset) {
            return;
        }
    }
}

const std::string& RecordSplitter::root() {
    if (!prolog_read_) read_prolog();
    return root_;
}

void RecordSplitter::read_prolog() {
    prolog_read_ = true;
    if (!ensure(1)) throw input_error(source_.name() + ": empty file, not PubMed XML");
    if (ensure(3) && buffer_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
    for (;;) {
        while (ensure(1) && is_space(buffer_[pos_])) ++pos_;
        if (!ensure(2)) {
            throw input_error(source_.name() + ": no root element, not PubMed XML");
        }
        if (buffer_[pos_] != '<') {
            throw input_error(source_.name() + ": not XML (starts with text at byte " +
                              std::to_string(offset_of(pos_)) + "), not PubMed XML");
        }
        if (buffer_[pos_ + 1] == '?') {
            skip_past("?>", "processing instruction");
        } else if (ensure(4) && buffer_.compare(pos_, 4, "<!--") == 0) {
            skip_past("-->", "comment");
        } else if (buffer_[pos_ + 1] == '!') {
            skip_doctype();
        } else {
            break;
        }
    }
    ++pos_;
    root_ = read_name();
    if (std::find(pubmed_roots.begin(), pubmed_roots.end(), root_) == pubmed_roots.end()) {
        throw input_error(source_.name() + ": not PubMed XML (root element <" + root_ +
                          ">, expected <PubmedArticleSet> or <MedlineCitationSet>)");
    }
    pos_ += root_.size();
    skip_past(">", "root start tag");
    if (buffer_[pos_ - 2] == '/') finished_ = true;  // <PubmedArticleSet/> holds no records
}

// The buffer position just past a record written as one empty-element tag (<DeleteCitation/>), or
// npos for a record with content (or a start tag that does not end within the record limit: the
// caller then finds no end either and reports it). Each byte is searched once.
std::size_t RecordSplitter::self_closing_end(std::size_t record_start) {
    std::size_t searched = record_start;
    for (;;) {
        std::size_t close = buffer_.find('>', searched);
        if (close != std::string::npos) {
            return buffer_[close - 1] == '/' ? close + 1 : std::string::npos;
        }
        searched = buffer_.size();
        if (searched - record_start > max_record_bytes_ || !fill()) return std::string::npos;
    }
}

// The buffer position just past the record's closing tag, or npos when the stream ends first. A
// record growing beyond the limit is abandoned here (the caller then skips it).
std::size_t RecordSplitter::find_record_end(std::string_view name, std::size_t record_start) {
    std::string closing = tag("</", name, "");
    std::size_t search_from = record_start;
    for (;;) {
        std::size_t found = buffer_.find(closing, search_from);
        while (found != std::string::npos) {
            std::size_t after = found + closing.size();
            while (after < buffer_.size() && is_space(buffer_[after])) ++after;
            if (after < buffer_.size() && buffer_[after] == '>') return after + 1;
            if (after >= buffer_.size()) break;  // need more bytes to decide
            found = buffer_.find(closing, found + 1);
        }
        search_from = buffer_.size() > closing.size() + 64 ? buffer_.size() - closing.size() - 64
                                                           : record_start;
        search_from = std::max(search_from, record_start);
        if (buffer_.size() - record_start > max_record_bytes_) return std::string::npos;
        if (!fill()) return std::string::npos;
    }
}

void RecordSplitter::skip_element(std::string_view name, std::uint64_t start_offset) {
    std::string closing = tag("</", name, ">");
    for (;;) {
        std::size_t found = buffer_.find(closing, pos_);
        if (found != std::string::npos) {
            pos_ = found + closing.size();
            return;
        }
        pos_ = buffer_.size() > closing.size() ? buffer_.size() - closing.size() + 1 : pos_;
        compact();
        if (!fill()) {
            report(tag("<", name, "> starting here is cut off by the end of the file"),
                   start_offset, records_);
            finished_ = true;
            return;
        }
    }
}

std::optional<RawRecord> RecordSplitter::next() {
    if (!prolog_read_) read_prolog();
    compact();
    while (!finished_) {
        while (ensure(1) && is_space(buffer_[pos_])) ++pos_;
        if (!ensure(1)) {
            report("file ends before </" + root_ + "> (truncated after record " +
                       std::to_string(records_) + ")",
                   offset_of(pos_), records_);
            finished_ = true;
            break;
        }
        if (buffer_[pos_] != '<') {
            std::uint64_t start = offset_of(pos_);
            std::size_t next_tag = buffer_.find('<', pos_);
            while (next_tag == std::string::npos) {
                pos_ = buffer_.size();
                compact();
                if (!fill()) break;
                next_tag = buffer_.find('<', pos_);
            }
            report("stray text between records skipped", start, records_);
            pos_ = next_tag == std::string::npos ? buffer_.size() : next_tag;
            continue;
        }
        ensure(9);
        std::string_view ahead(buffer_.data() + pos_, buffer_.size() - pos_);
        if (ahead.starts_with("<!--")) {
            skip_past("-->", "comment");
            continue;
        }
        if (ahead.starts_with("<?")) {
            skip_past("?>", "processing instruction");
            continue;
        }
        if (ahead.starts_with("<![CDATA[")) {
            skip_past("]]>", "CDATA section");
            continue;
        }
        if (ahead.starts_with("</")) {
            pos_ += 2;
            std::string name = read_name();
            if (name == root_) {
                finished_ = true;
                break;
            }
            if (name == book_article_wrapper) {
                skip_past(">", "end tag");
                continue;
            }
            report("unexpected </" + name + "> between records skipped", offset_of(pos_ - 2),
                   records_);
            skip_past(">", "end tag");
            continue;
        }

        std::size_t record_start = pos_;
        std::uint64_t start_offset = offset_of(pos_);
        ++pos_;
        std::string name = read_name();
        if (name == book_article_wrapper) {
            skip_past(">", "start tag");  // its children are records like the others
            continue;
        }
        auto known = std::find_if(known_records.begin(), known_records.end(),
                                  [&](const KnownRecord& record) { return record.name == name; });
        if (known == known_records.end()) {
            report("unexpected element <" + name + "> between records skipped", start_offset,
                   records_);
            skip_element(name, start_offset);
            continue;
        }

        ++records_;
        std::size_t end = self_closing_end(record_start);
        if (end == std::string::npos) end = find_record_end(name, record_start);
        bool oversized = end == std::string::npos ? !eof_ : end - record_start > max_record_bytes_;
        if (oversized) {
            report("record larger than the limit of " + std::to_string(max_record_bytes_) + " bytes skipped",
                   start_offset, records_);
            problems_.back().pmid = sniff_pmid(std::string_view(buffer_).substr(record_start, 1 << 16));
            if (end != std::string::npos) {
                pos_ = end;
            } else {
                pos_ = record_start + 1;
                skip_element(name, start_offset);
            }
            continue;
        }
        if (end == std::string::npos) {
            report("record cut off by the end of the file (no </" + name + ">)", start_offset,
                   records_);
            problems_.back().pmid = sniff_pmid(std::string_view(buffer_).substr(record_start));
            finished_ = true;
            break;
        }
        pos_ = end;
        return RawRecord{known->kind,
                         std::string_view(buffer_).substr(record_start, end - record_start),
                         start_offset, records_};
    }
    return std::nullopt;
}

}  // namespace ldn
