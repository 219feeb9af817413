#include "index/annotators/text_document.hpp"

#include <algorithm>

namespace ldn::annotators {

namespace {

// Base letters of U+00C0..U+00FF (UTF-8 C3 80..C3 BF), in code point order; × and ÷ become 'x' and '/'.
constexpr std::string_view latin1_letters = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

void append_both(std::string_view folded, std::string& lower, std::string& cased) {
    cased += folded;
    for (char c : folded) lower += ascii_lower(c);
}

// The ASCII stand-in for the UTF-8 sequence at the start of `rest`, and how many bytes it covers.
// Returns an empty replacement with length 0 when the sequence is not one we fold.
struct Replacement {
    std::string_view text;
    std::size_t length = 0;
};

Replacement fold_sequence(std::string_view rest) {
    auto byte = [&](std::size_t i) { return i < rest.size() ? static_cast<unsigned char>(rest[i]) : 0u; };
    const unsigned lead = byte(0);
    if (lead == 0xC3 && byte(1) >= 0x80 && byte(1) <= 0xBF) return {latin1_letters.substr(byte(1) - 0x80, 1), 2};
    if (lead == 0xC2) {
        switch (byte(1)) {
            case 0xA0: return {" ", 2};   // no-break space
            case 0xAD: return {"", 2};    // soft hyphen
            case 0xB1: return {"+-", 2};  // ±
            case 0xB5: return {"u", 2};   // micro sign: "µg" must not read as "mg"
            case 0xB7: return {".", 2};   // middle dot, the Lancet's decimal point
            default: return {};
        }
    }
    if (lead == 0xCE && byte(1) == 0xBC) return {"u", 2};  // Greek small mu
    if (lead == 0xE2 && byte(1) == 0x80) {
        const unsigned third = byte(2);
        if (third <= 0x8A || third == 0xAF) return {" ", 3};   // the typographic spaces
        if (third == 0x8B) return {"", 3};                     // zero-width space
        if (third >= 0x90 && third <= 0x95) return {"-", 3};   // hyphens and dashes
        if (third == 0x98 || third == 0x99) return {"'", 3};   // single quotes
        if (third == 0x9C || third == 0x9D) return {"\"", 3};  // double quotes
        if (third == 0xA6) return {"...", 3};                  // ellipsis
        return {};
    }
    if (lead == 0xE2 && byte(1) == 0x88 && byte(2) == 0x92) return {"-", 3};   // minus sign
    if (lead == 0xE2 && byte(1) == 0x89 && byte(2) == 0xA4) return {"<=", 3};  // ≤
    if (lead == 0xE2 && byte(1) == 0x89 && byte(2) == 0xA5) return {">=", 3};  // ≥
    return {};
}

bool mostly_uppercase(std::string_view text) {
    std::size_t letters = 0;
    std::size_t upper = 0;
    for (char c : text) {
        if (c >= 'a' && c <= 'z') ++letters;
        if (c >= 'A' && c <= 'Z') {
            ++letters;
            ++upper;
        }
    }
    constexpr std::size_t enough_letters = 12;
    return letters >= enough_letters && upper * 10 > letters * 7;
}

std::string uppercase(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

}  // namespace

void fold_text(std::string_view text, std::string& lower, std::string& cased) {
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (static_cast<unsigned char>(c) < 0x80) {
            const char plain = (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
            cased += plain;
            lower += ascii_lower(plain);
            ++i;
            continue;
        }
        Replacement replacement = fold_sequence(text.substr(i));
        if (replacement.length > 0) {
            append_both(replacement.text, lower, cased);
            i += replacement.length;
        } else {
            cased += c;
            lower += c;
            ++i;
        }
    }
}

TextDocument::TextDocument(const Article& article) {
    append_segment(Field::title, "", article.title);
    for (const AbstractSection& section : article.abstract) {
        std::string name = section.category;
        if (name.empty() || name == "UNASSIGNED") name = uppercase(section.label);
        append_segment(Field::abstract, std::move(name), section.text);
    }
    std::string keywords;
    for (const std::string& keyword : article.keywords) {
        if (!keywords.empty()) keywords += "; ";
        keywords += keyword;
    }
    append_segment(Field::keywords, "", keywords);
}

void TextDocument::append_segment(Field field, std::string section, std::string_view text) {
    if (text.empty()) return;
    if (!lower_.empty()) {
        // A line break between parts of the record: never part of a word, a phrase or a sentence.
        lower_ += '\n';
        cased_ += '\n';
    }
    Segment segment;
    segment.field = field;
    segment.section = std::move(section);
    segment.begin = lower_.size();
    fold_text(text, lower_, cased_);
    segment.end = lower_.size();
    segment.mostly_uppercase = mostly_uppercase(std::string_view(cased_).substr(segment.begin));
    segments_.push_back(std::move(segment));
    split_sentences(segments_.size() - 1);
}

// A sentence ends at '.', '?' or '!' followed by a space and a character that is not a lowercase
// letter: "4.5 mg" (no space), "e.g. patients" and "vs. placebo" (lowercase next) do not end one.
void TextDocument::split_sentences(std::size_t segment_index) {
    const Segment& segment = segments_[segment_index];
    std::size_t start = segment.begin;
    for (std::size_t i = segment.begin; i + 2 < segment.end; ++i) {
        const char c = cased_[i];
        if ((c == '.' || c == '?' || c == '!') && cased_[i + 1] == ' ' &&
            !(cased_[i + 2] >= 'a' && cased_[i + 2] <= 'z')) {
            sentences_.push_back({start, i + 1, segment_index});
            start = i + 2;
        }
    }
    if (start < segment.end) sentences_.push_back({start, segment.end, segment_index});
}

std::size_t TextDocument::sentence_at(std::size_t position) const {
    auto after = std::upper_bound(sentences_.begin(), sentences_.end(), position,
                                  [](std::size_t value, const Sentence& sentence) { return value < sentence.end; });
    if (after == sentences_.end()) return sentences_.empty() ? 0 : sentences_.size() - 1;
    return static_cast<std::size_t>(after - sentences_.begin());
}

std::string_view TextDocument::sentence_text(std::size_t sentence) const {
    const Sentence& found = sentences_[sentence];
    return std::string_view(lower_).substr(found.begin, found.end - found.begin);
}

}  // namespace ldn::annotators
