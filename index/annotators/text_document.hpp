#pragma once
// The searchable text of one Article, prepared once and shared by every annotator: title, abstract
// sections and keywords joined into one string, folded for matching, and cut into sentences.
//
// Two foldings of the same text are kept, byte for byte aligned: `lower` (ASCII lowercase, for
// case-insensitive words and phrases) and `cased` (case kept, for abbreviations such as "AS" or "RA"
// that must not match the English words "as" and "ra"). Folding maps the Unicode punctuation PubMed
// abstracts use to ASCII (en dash to '-', no-break space to ' ', '≥' to ">=", 'µ' to 'u', the Lancet's
// middle-dot decimal point to '.') and accented Latin letters to their base letter ("Sjögren" reads
// "Sjogren"), so that the matchers only ever see ASCII for what they look for.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/article.hpp"

namespace ldn::annotators {

enum class Field { title, abstract, keywords };

// One stretch of the joined text that came from one place in the record.
struct Segment {
    Field field = Field::title;
    std::string section;  // uppercase NlmCategory or, failing that, Label of an abstract section
    std::size_t begin = 0;
    std::size_t end = 0;
    bool mostly_uppercase = false;  // an all-caps title: case-sensitive abbreviations are unreliable there
};

struct Sentence {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t segment = 0;  // index into TextDocument::segments()
};

class TextDocument {
public:
    explicit TextDocument(const Article& article);

    const std::string& lower() const { return lower_; }
    const std::string& cased() const { return cased_; }
    const std::vector<Segment>& segments() const { return segments_; }
    const std::vector<Sentence>& sentences() const { return sentences_; }

    // The sentence holding byte `position` (a position between sentences belongs to the next one).
    std::size_t sentence_at(std::size_t position) const;
    const Segment& segment_of_sentence(std::size_t sentence) const { return segments_[sentences_[sentence].segment]; }
    std::string_view sentence_text(std::size_t sentence) const;

private:
    void append_segment(Field field, std::string section, std::string_view text);
    void split_sentences(std::size_t segment);

    std::string lower_;
    std::string cased_;
    std::vector<Segment> segments_;
    std::vector<Sentence> sentences_;
};

// Letters, digits and any byte of a non-ASCII character left after folding (Greek letters and the
// like): the characters a word is made of. '-' is not, so "non-randomized" is two words.
inline bool is_word_byte(char c) {
    auto byte = static_cast<unsigned char>(c);
    return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9') || byte >= 0x80;
}

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Appends `text` to `lower` and `cased` with the foldings described above.
void fold_text(std::string_view text, std::string& lower, std::string& cased);

}  // namespace ldn::annotators
