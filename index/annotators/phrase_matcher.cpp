#include "index/annotators/phrase_matcher.hpp"

#include <algorithm>
#include <queue>

#include "index/annotators/text_document.hpp"

namespace ldn::annotators {

namespace {

char lower_byte(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::optional<std::string> PhraseMatcher::pattern_problem(std::string_view pattern) {
    if (pattern.empty()) return "is empty";
    const std::size_t star = pattern.find('*');
    if (star != std::string_view::npos && star + 1 != pattern.size()) return "may only have '*' at its end";
    if (std::none_of(pattern.begin(), pattern.end(), is_word_byte)) return "has no letter or digit";
    if (!is_word_byte(pattern.front())) return "must start with a letter or digit";
    return std::nullopt;
}

void PhraseMatcher::add(std::string_view pattern, int tag) {
    Pattern added;
    added.prefix = pattern.ends_with('*');
    if (added.prefix) pattern.remove_suffix(1);
    added.bytes.reserve(pattern.size());
    for (char c : pattern) {
        // Space and hyphen are one class: "low-back pain" and "low back pain" read alike.
        char byte = (c == '-') ? ' ' : c;
        added.bytes += case_ == Case::insensitive ? lower_byte(byte) : byte;
    }
    added.tag = tag;
    patterns_.push_back(std::move(added));
}

void PhraseMatcher::compile() {
    class_of_.fill(0);
    classes_ = 1;
    for (const Pattern& pattern : patterns_) {
        for (char c : pattern.bytes) {
            auto& column = class_of_[static_cast<unsigned char>(c)];
            if (column == 0) column = static_cast<std::uint8_t>(classes_++);
        }
    }
    class_of_[static_cast<unsigned char>('-')] = class_of_[static_cast<unsigned char>(' ')];

    // The trie, with -1 for "no edge yet".
    std::vector<std::int32_t> trie(classes_, -1);
    std::vector<std::vector<std::int32_t>> outputs(1);
    for (std::size_t index = 0; index < patterns_.size(); ++index) {
        std::int32_t state = 0;
        for (char c : patterns_[index].bytes) {
            std::size_t slot = static_cast<std::size_t>(state) * classes_ + class_of_[static_cast<unsigned char>(c)];
            if (trie[slot] < 0) {
                trie[slot] = static_cast<std::int32_t>(outputs.size());
                outputs.emplace_back();
                trie.resize(trie.size() + classes_, -1);
            }
            state = trie[slot];
        }
        outputs[static_cast<std::size_t>(state)].push_back(static_cast<std::int32_t>(index));
    }

    // Failure links, breadth first, turning the trie into a complete automaton.
    std::vector<std::int32_t> failure(outputs.size(), 0);
    std::queue<std::int32_t> pending;
    for (std::size_t column = 0; column < classes_; ++column) {
        std::int32_t& next = trie[column];
        if (next < 0) {
            next = 0;
        } else {
            pending.push(next);
        }
    }
    while (!pending.empty()) {
        const auto state = static_cast<std::size_t>(pending.front());
        pending.pop();
        const auto fallen_back = static_cast<std::size_t>(failure[state]);
        const auto& inherited = outputs[fallen_back];
        outputs[state].insert(outputs[state].end(), inherited.begin(), inherited.end());
        for (std::size_t column = 0; column < classes_; ++column) {
            std::int32_t& next = trie[state * classes_ + column];
            const std::int32_t fallback = trie[fallen_back * classes_ + column];
            if (next < 0) {
                next = fallback;
            } else {
                failure[static_cast<std::size_t>(next)] = fallback;
                pending.push(next);
            }
        }
    }

    transitions_.resize(trie.size());
    for (std::size_t slot = 0; slot < trie.size(); ++slot) {
        const auto next = static_cast<std::size_t>(trie[slot]);
        transitions_[slot] = static_cast<std::uint32_t>((next * classes_) << 1 | (outputs[next].empty() ? 0 : 1));
    }
    ending_begin_.assign(1, 0);
    ending_.clear();
    for (const auto& ending : outputs) {
        ending_.insert(ending_.end(), ending.begin(), ending.end());
        ending_begin_.push_back(static_cast<std::int32_t>(ending_.size()));
    }
}

std::vector<PhraseMatch> PhraseMatcher::find_all(std::string_view text) const {
    std::vector<PhraseMatch> found;
    if (patterns_.empty()) return found;
    std::size_t row = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::uint32_t cell = transitions_[row + class_of_[static_cast<unsigned char>(text[i])]];
        row = cell >> 1;
        if ((cell & 1) == 0) continue;
        const std::size_t state = row / classes_;
        const auto first = static_cast<std::size_t>(ending_begin_[state]);
        const auto last = static_cast<std::size_t>(ending_begin_[state + 1]);
        for (std::size_t e = first; e < last; ++e) {
            const Pattern& pattern = patterns_[static_cast<std::size_t>(ending_[e])];
            const std::size_t end = i + 1;
            const std::size_t begin = end - pattern.bytes.size();
            if (begin > 0 && is_word_byte(text[begin - 1])) continue;
            if (!pattern.prefix && end < text.size() && is_word_byte(text[end])) continue;
            found.push_back({begin, end, pattern.tag});
        }
    }
    return found;
}

}  // namespace ldn::annotators
