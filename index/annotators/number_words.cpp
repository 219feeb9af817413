#include "index/annotators/number_words.hpp"

#include <array>

#include "index/annotators/word_scan.hpp"

namespace ldn::annotators {

namespace {

struct NumberWord {
    std::string_view word;
    int value;
};

constexpr std::array<NumberWord, 28> units_and_tens = {{
    {"one", 1},       {"two", 2},       {"three", 3},    {"four", 4},     {"five", 5},       {"six", 6},
    {"seven", 7},     {"eight", 8},     {"nine", 9},     {"ten", 10},     {"eleven", 11},    {"twelve", 12},
    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
    {"nineteen", 19}, {"twenty", 20},   {"thirty", 30},  {"forty", 40},   {"fifty", 50},     {"sixty", 60},
    {"seventy", 70},  {"eighty", 80},   {"ninety", 90},  {"zero", 0},
}};

std::optional<int> small_value(std::string_view word) {
    for (const NumberWord& entry : units_and_tens) {
        if (entry.word == word) return entry.value;
    }
    return std::nullopt;
}

}  // namespace

// Grammar: [below-hundred] ["hundred" ["and"] [below-hundred]] ["thousand" …], where below-hundred is
// a unit, a teen, a ten, or a ten and a unit joined by a hyphen or a space ("thirty-one", "thirty one").
std::optional<WordNumber> number_words_at(std::string_view text, std::size_t begin) {
    int total = 0;
    int current = 0;
    bool any = false;
    std::size_t end = begin;
    std::size_t position = begin;
    bool after_hundred = false;
    while (auto word = word_after(text, position)) {
        if (!any && word->begin != begin) break;
        if (auto value = small_value(word->text)) {
            // "thirty one" continues a ten; "one two" is not one number.
            const bool continues_ten = current % 100 >= 20 && current % 10 == 0 && *value < 10;
            if (any && !continues_ten && !after_hundred) break;
            current += *value;
            after_hundred = false;
        } else if (word->text == "hundred" && any && current % 100 > 0 && current < 100) {
            current *= 100;
            after_hundred = true;
        } else if (word->text == "thousand" && any) {
            total += current * 1000;
            current = 0;
            after_hundred = true;
        } else if (word->text == "and" && after_hundred) {
            position = word->end;
            continue;
        } else {
            break;
        }
        any = true;
        end = word->end;
        position = word->end;
    }
    if (!any) return std::nullopt;
    return WordNumber{total + current, end};
}

}  // namespace ldn::annotators
