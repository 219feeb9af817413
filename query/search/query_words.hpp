#pragma once
// Words as Xapian's TermGenerator cuts them when it indexes a record, so that a query looks for
// exactly the terms the index holds: "4.5", "1,000", "sjögren's", "at&t", "c++" and "U.S.A." are
// one word each; "covid-19" and "low-dose" are two (TermGenerator puts them at adjacent positions).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ldn::query {

struct TextWord {
    std::string text;        // lower case, as TermGenerator indexes it unstemmed
    std::size_t offset = 0;  // bytes from the start of the query text to the word's first character
    std::size_t length = 0;  // bytes the word spans in the query text
};

// The words of `text`, in order. `base` is added to every offset: the byte offset of `text` within
// the whole query.
std::vector<TextWord> split_words(std::string_view text, std::size_t base = 0);

// True when `text` holds a character TermGenerator would put into a word.
bool has_word_character(std::string_view text);

// Characters (UTF-8 code points) in `text`, which need not be valid UTF-8.
std::size_t character_count(std::string_view text);

// The 1-based column, counted in characters, of the byte at `offset`.
std::size_t column_at(std::string_view text, std::size_t offset);

// The term Xapian's TermGenerator (English stemmer, STEM_SOME) writes for `word` in the field with
// term prefix `prefix` and without positions: "Z" + prefix + stem, or for a word that does not
// start with a letter (a number, "4.5") the unstemmed prefix + word.
std::string stemmed_term(const std::string& prefix, const std::string& word);

}  // namespace ldn::query
