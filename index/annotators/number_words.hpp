#pragma once
// Numbers written in English words, as abstracts do at the start of a sentence: "Thirty-one women",
// "one hundred and twenty patients", "Twelve". Reads lowercase folded text.

#include <cstddef>
#include <optional>
#include <string_view>

namespace ldn::annotators {

struct WordNumber {
    int value = 0;
    std::size_t end = 0;  // one past the last word of the number
};

// The number spelled from `begin` (which must start a word), or nullopt when no number word is there.
std::optional<WordNumber> number_words_at(std::string_view text, std::size_t begin);

}  // namespace ldn::annotators
