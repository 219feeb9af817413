#pragma once
// Finds many words and phrases in one pass over a text (Aho-Corasick), compiled once when the
// vocabularies load: annotating a record costs one table look-up per byte, whatever the vocabulary
// size. std::regex would do the same work hundreds of times slower.
//
// Pattern syntax, as written in data/vocab/*.json:
//   "low back pain"   whole words; a space or a hyphen in the pattern matches either in the text
//   "fibromyalg*"     a trailing '*' makes the last word a prefix (fibromyalgia, fibromyalgic)
// Matches start and end at word boundaries (see is_word_byte). A case-insensitive matcher reads
// TextDocument::lower(); a case-sensitive one (abbreviations: "AS", "RA", "PsA") reads cased().

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ldn::annotators {

struct PhraseMatch {
    std::size_t begin = 0;
    std::size_t end = 0;  // one past the last matched byte
    int tag = 0;          // what the caller registered the pattern for
};

enum class Case { insensitive, sensitive };

class PhraseMatcher {
public:
    explicit PhraseMatcher(Case match_case = Case::insensitive) : case_(match_case) {}

    // Why `pattern` cannot be used (empty, no letter or digit, a '*' before its end), or nullopt.
    static std::optional<std::string> pattern_problem(std::string_view pattern);

    // Registers a pattern; call compile() once all are added. The pattern must have no problem.
    void add(std::string_view pattern, int tag);
    void compile();

    // Every whole-word match in `text`, ordered by end position (overlapping matches included).
    std::vector<PhraseMatch> find_all(std::string_view text) const;

private:
    struct Pattern {
        std::string bytes;
        bool prefix = false;
        int tag = 0;
    };

    Case case_;
    std::vector<Pattern> patterns_;
    std::array<std::uint8_t, 256> class_of_{};  // byte -> column of the transition table; 0: no pattern uses it
    std::size_t classes_ = 1;
    // state * classes_ + class -> the next state's row (next * classes_), shifted left by one, with the
    // low bit set when patterns end in the next state: the scan needs no multiplication and reads
    // the ending lists only where something ends.
    std::vector<std::uint32_t> transitions_;
    // The patterns ending at each state, flattened: state s owns ending_[ending_begin_[s] .. ending_begin_[s + 1]).
    // Compact on purpose: the scan reads ending_begin_ at every byte.
    std::vector<std::int32_t> ending_begin_;
    std::vector<std::int32_t> ending_;
};

}  // namespace ldn::annotators
