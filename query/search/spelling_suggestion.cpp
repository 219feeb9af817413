#include "query/search/spelling_suggestion.hpp"

#include <algorithm>
#include <cstddef>
#include <map>
#include <utility>
#include <vector>

namespace ldn {

namespace {

// Candidates read per word: the scan starts at the word's first letter, so this bounds the cost on a
// large index (a first letter with more terms than this only looks at the first ones alphabetically).
constexpr std::size_t candidate_limit = 5000;
// Too short a word is one edit away from too many others for a guess to mean anything.
constexpr std::size_t shortest_word = 3;

std::u32string code_points(std::string_view text) {
    std::u32string out;
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
        out.push_back(static_cast<char32_t>(*it));
    }
    return out;
}

std::size_t allowed_edits(std::size_t letters) { return letters <= 4 ? 1 : 2; }

// Levenshtein distance, giving up (returning limit + 1) once every path costs more than `limit`.
std::size_t edit_distance(const std::u32string& from, const std::u32string& to, std::size_t limit) {
    std::size_t length_gap = from.size() > to.size() ? from.size() - to.size() : to.size() - from.size();
    if (length_gap > limit) return limit + 1;
    std::vector<std::size_t> previous(to.size() + 1);
    std::vector<std::size_t> current(to.size() + 1);
    for (std::size_t j = 0; j <= to.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= from.size(); ++i) {
        current[0] = i;
        std::size_t row_best = current[0];
        for (std::size_t j = 1; j <= to.size(); ++j) {
            std::size_t substitution = previous[j - 1] + (from[i - 1] == to[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
            row_best = std::min(row_best, current[j]);
        }
        if (row_best > limit) return limit + 1;
        std::swap(previous, current);
    }
    return previous[to.size()];
}

bool has_digit(const std::u32string& word) {
    return std::any_of(word.begin(), word.end(), [](char32_t c) { return c >= U'0' && c <= U'9'; });
}

}  // namespace

std::optional<std::string> closest_term(const Xapian::Database& database, const std::string& prefix,
                                        const std::string& word) {
    const std::u32string letters = code_points(word);
    if (letters.size() < shortest_word || has_digit(letters)) return std::nullopt;
    const std::size_t limit = allowed_edits(letters.size());

    std::string start = prefix;
    Xapian::Unicode::append_utf8(start, static_cast<unsigned>(letters.front()));
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    Xapian::doccount best_frequency = 0;
    std::size_t read = 0;
    for (auto term = database.allterms_begin(start); term != database.allterms_end(start) && read < candidate_limit;
         ++term, ++read) {
        std::string candidate = (*term).substr(prefix.size());
        std::size_t distance = edit_distance(letters, code_points(candidate), limit);
        if (distance > limit) continue;
        Xapian::doccount frequency = term.get_termfreq();
        if (distance < best_distance || (distance == best_distance && frequency > best_frequency)) {
            best = std::move(candidate);
            best_distance = distance;
            best_frequency = frequency;
        }
    }
    return best;
}

std::optional<std::string> respelt_query(const Xapian::Database& database, std::string_view text,
                                         const std::vector<QueryWord>& words) {
    // Replacements by position, so the text between the words is copied untouched.
    std::map<std::size_t, std::pair<std::size_t, std::string>> replacements;
    for (const QueryWord& word : words) {
        if (word.offset + word.length > text.size()) continue;
        if (database.term_exists(word.prefix + word.text)) continue;
        if (std::optional<std::string> correction = closest_term(database, word.prefix, word.text)) {
            replacements[word.offset] = {word.length, *correction};
        }
    }
    if (replacements.empty()) return std::nullopt;
    std::string out;
    std::size_t copied = 0;
    for (const auto& [offset, replacement] : replacements) {
        if (offset < copied) continue;
        out.append(text.substr(copied, offset - copied));
        out += replacement.second;
        copied = offset + replacement.first;
    }
    out.append(text.substr(copied));
    return out;
}

}  // namespace ldn
