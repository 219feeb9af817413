#include "index/indexed_phrases.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "index/schema.hpp"

namespace ldn {

namespace {

std::vector<std::vector<std::string>> split_phrases(const std::vector<std::string>& phrases) {
    std::vector<std::vector<std::string>> split;
    for (const std::string& phrase : phrases) {
        std::vector<std::string> words{""};
        for (char c : phrase) {
            if (c == ' ') {
                words.emplace_back();
            } else {
                words.back() += c;
            }
        }
        split.push_back(std::move(words));
    }
    return split;
}

// Every word of every phrase, in term order: one forward pass over a document's terms finds them.
const std::vector<std::string>& phrase_words() {
    static const std::vector<std::string> words = [] {
        std::set<std::string> unique;
        for (const auto& phrase : indexed_phrases()) unique.insert(phrase.begin(), phrase.end());
        return std::vector<std::string>(unique.begin(), unique.end());
    }();
    return words;
}

Xapian::termcount weight_at(const std::vector<TextSpan>& spans, Xapian::termpos position) {
    for (const TextSpan& span : spans) {
        if (position >= span.first && position <= span.last) return span.weight;
    }
    return 1;
}

}  // namespace

const std::vector<std::vector<std::string>>& indexed_phrases() {
    static const std::vector<std::vector<std::string>> phrases = split_phrases({
        "low dose naltrexone",
        "fibromyalgia syndrome",
        "rheumatoid arthritis",
        "degenerative joint disease",
        "psoriatic arthritis",
        "ankylosing spondylitis",
        "bechterew disease",
        "axial spondyloarthritis",
        "systemic lupus erythematosus",
        "sjogren syndrome",
        "sjögren syndrome",
        "sjogren's syndrome",
        "complex regional pain syndrome",
        "reflex sympathetic dystrophy",
        "low back pain",
        "randomized controlled trial",
        "randomised controlled trial",
        "me cfs",
        "chronic fatigue syndrome",
        "myalgic encephalomyelitis",
    });
    return phrases;
}

std::string indexed_phrase_term(const std::vector<std::string>& words) {
    const auto& phrases = indexed_phrases();
    if (std::find(phrases.begin(), phrases.end(), words) == phrases.end()) return {};
    std::string term = schema::prefix::phrase;
    for (std::size_t i = 0; i < words.size(); ++i) term += (i == 0 ? "" : " ") + words[i];
    return term;
}

void add_indexed_phrases(Xapian::Document& document, const std::vector<TextSpan>& unprefixed_text) {
    std::map<std::string, std::vector<Xapian::termpos>> positions;
    Xapian::TermIterator term = document.termlist_begin();
    for (const std::string& word : phrase_words()) {
        term.skip_to(word);
        if (term == document.termlist_end()) break;
        if (*term == word) positions[word].assign(term.positionlist_begin(), term.positionlist_end());
    }
    for (const auto& phrase : indexed_phrases()) {
        if (!std::all_of(phrase.begin(), phrase.end(), [&](const std::string& word) { return positions.count(word) != 0; })) {
            continue;
        }
        Xapian::termcount wdf = 0;
        for (Xapian::termpos start : positions[phrase.front()]) {
            bool whole = true;
            for (std::size_t k = 1; k < phrase.size() && whole; ++k) {
                const auto& later = positions[phrase[k]];
                whole = std::binary_search(later.begin(), later.end(), start + static_cast<Xapian::termpos>(k));
            }
            if (whole) wdf += weight_at(unprefixed_text, start);
        }
        if (wdf != 0) document.add_term(indexed_phrase_term(phrase), wdf);
    }
}

}  // namespace ldn
