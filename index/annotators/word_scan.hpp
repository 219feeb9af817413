#pragma once
// Small steps over folded text: the word before or after a position, whether a sentence holds a
// word, and the numbers written in digits. The quantity annotators (dose, sample size, duration) are
// built from these instead of regular expressions.

#include <cstddef>
#include <optional>
#include <string_view>

namespace ldn::annotators {

struct Word {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string_view text;
};

// The word ending before `position`, skipping only spaces (and hyphens when `hyphen_is_space`);
// nullopt when punctuation other than those comes first or the text starts.
std::optional<Word> word_before(std::string_view text, std::size_t position, bool hyphen_is_space = true);
// The word starting at or after `position`, skipping only spaces (and hyphens when `hyphen_is_space`).
std::optional<Word> word_after(std::string_view text, std::size_t position, bool hyphen_is_space = true);

// Where `text` first holds `word` (a lowercase word, phrase or punctuation) with word boundaries at
// its ends that are letters or digits; npos when it does not.
std::size_t find_word(std::string_view text, std::string_view word);
inline bool contains_word(std::string_view text, std::string_view word) {
    return find_word(text, word) != std::string_view::npos;
}

// A number written in digits ("31", "4.5", ".5"), read from `begin`.
struct Number {
    double value = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
    bool has_decimals = false;
};
std::optional<Number> number_at(std::string_view text, std::size_t begin);
// The number that ends exactly at `end` (digits and at most one '.'), if any.
std::optional<Number> number_ending_at(std::string_view text, std::size_t end);

std::size_t skip_spaces(std::string_view text, std::size_t position);

}  // namespace ldn::annotators
