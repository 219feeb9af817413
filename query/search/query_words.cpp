#include "query/search/query_words.hpp"

#include <xapian.h>

#include <optional>

namespace ldn::query {

namespace {

using Xapian::Utf8Iterator;
namespace unicode = Xapian::Unicode;

// Marks a zero-width character that TermGenerator drops from inside a word.
constexpr unsigned dropped_character = 0xFFFFFFFF;

unsigned folded_word_character(unsigned ch) { return unicode::is_wordchar(ch) ? unicode::tolower(ch) : 0; }

bool is_ascii_capital(unsigned ch) { return ch >= 'A' && ch <= 'Z'; }

bool is_decimal_digit(unsigned ch) { return unicode::get_category(ch) == unicode::DECIMAL_DIGIT_NUMBER; }

bool is_zero_width(unsigned ch) { return ch == 0x200b || ch == 0x200c || ch == 0x200d || ch == 0x2060 || ch == 0xfeff; }

// What joins two letters into one word ("o'brien", "at&t"), as TermGenerator decides it; the
// typographic apostrophes become the ASCII one. 0 when `ch` separates words.
unsigned letter_joiner(unsigned ch) {
    if (ch == '\'' || ch == '&' || ch == 0xb7 || ch == 0x5f4 || ch == 0x2027) return ch;
    if (ch == 0x2019 || ch == 0x201b) return '\'';
    return is_zero_width(ch) ? dropped_character : 0;
}

// What joins two digits into one number ("4.5", "1,000"): Unicode's numeric separators.
unsigned digit_joiner(unsigned ch) {
    switch (ch) {
        case ',': case '.': case ';': case 0x037e: case 0x0589: case 0x060d: case 0x07f8: case 0x2044:
        case 0xfe10: case 0xfe13: case 0xfe14:
            return ch;
        default:
            return is_zero_width(ch) ? dropped_character : 0;
    }
}

// Reads one word at a time the way TermGenerator's parser does: initials ("P.T.O."), then a run of
// word characters with their joiners, then up to three '+' or '#' ("c++", "c#") unless a word
// character follows them ("fish+chips" is two words).
class WordScanner {
public:
    WordScanner(std::string_view text, std::size_t base) : text_(text), base_(base), at_(text.data(), text.size()) {}

    std::optional<TextWord> next() {
        while (!at_end() && !unicode::is_wordchar(*at_)) ++at_;
        if (at_end()) return std::nullopt;
        TextWord word;
        word.offset = offset();
        std::size_t end = 0;
        if (!(is_ascii_capital(*at_) && read_initials(word.text, end))) read_word(word.text, end);
        word.offset += base_;
        word.length = end + base_ - word.offset;
        return word;
    }

private:
    bool at_end() const { return at_ == Utf8Iterator(); }
    std::size_t offset() const { return text_.size() - at_.left(); }
    std::size_t offset_of(const Utf8Iterator& it) const { return text_.size() - it.left(); }

    // Capitals joined by dots, not followed by a word character; one capital is not initials.
    bool read_initials(std::string& term, std::size_t& end) {
        std::string initials;
        Utf8Iterator p = at_;
        std::size_t initials_end = 0;
        do {
            unicode::append_utf8(initials, unicode::tolower(*p));
            ++p;
            initials_end = offset_of(p);
        } while (p != Utf8Iterator() && *p == '.' && ++p != Utf8Iterator() && is_ascii_capital(*p));
        if (initials.size() < 2 || (p != Utf8Iterator() && unicode::is_wordchar(*p))) return false;
        term = std::move(initials);
        end = initials_end;
        at_ = p;
        return true;
    }

    void read_word(std::string& term, std::size_t& end) {
        unsigned ch = folded_word_character(*at_);
        while (true) {
            unsigned previous = 0;
            do {
                unicode::append_utf8(term, ch);
                previous = ch;
                ++at_;
                end = offset();
                if (at_end()) return;
                ch = folded_word_character(*at_);
            } while (ch);
            Utf8Iterator after = at_;
            ++after;
            if (after == Utf8Iterator()) break;
            const unsigned following = folded_word_character(*after);
            if (!following) break;
            const unsigned joiner = is_decimal_digit(previous) && is_decimal_digit(*after) ? digit_joiner(*at_)
                                                                                          : letter_joiner(*at_);
            if (!joiner) break;
            if (joiner != dropped_character) unicode::append_utf8(term, joiner);
            ch = following;
            at_ = after;
        }
        read_suffix(term, end);
    }

    void read_suffix(std::string& term, std::size_t& end) {
        const std::size_t word_size = term.size();
        const std::size_t word_end = end;
        for (int count = 1; !at_end() && (*at_ == '+' || *at_ == '#'); ++count) {
            if (count > 3) {
                term.resize(word_size);
                end = word_end;
                return;
            }
            unicode::append_utf8(term, *at_);
            ++at_;
            end = offset();
        }
        if (!at_end() && unicode::is_wordchar(*at_)) {
            term.resize(word_size);
            end = word_end;
        }
    }

    std::string_view text_;
    std::size_t base_;
    Utf8Iterator at_;
};

bool should_stem(const std::string& word) {
    const unsigned letters = (1u << unicode::LOWERCASE_LETTER) | (1u << unicode::TITLECASE_LETTER) |
                             (1u << unicode::MODIFIER_LETTER) | (1u << unicode::OTHER_LETTER);
    return (letters >> unicode::get_category(*Utf8Iterator(word))) & 1u;
}

}  // namespace

std::vector<TextWord> split_words(std::string_view text, std::size_t base) {
    std::vector<TextWord> words;
    WordScanner scanner(text, base);
    while (auto word = scanner.next()) words.push_back(std::move(*word));
    return words;
}

bool has_word_character(std::string_view text) {
    for (Utf8Iterator it(text.data(), text.size()); it != Utf8Iterator(); ++it) {
        if (unicode::is_wordchar(*it)) return true;
    }
    return false;
}

std::size_t character_count(std::string_view text) {
    std::size_t count = 0;
    for (Utf8Iterator it(text.data(), text.size()); it != Utf8Iterator(); ++it) ++count;
    return count;
}

std::size_t column_at(std::string_view text, std::size_t offset) {
    return character_count(text.substr(0, offset)) + 1;
}

std::string stemmed_term(const std::string& prefix, const std::string& word) {
    // A Stem keeps working buffers, so each thread (the server parses queries concurrently) has its own.
    thread_local const Xapian::Stem english("english");
    if (!should_stem(word)) return prefix + word;
    const std::string stem = english(word);
    return stem.empty() ? prefix + word : "Z" + prefix + stem;
}

}  // namespace ldn::query
