#pragma once
// Conditions a record is about (data/vocab/conditions.json): a condition is found when the record
// carries one of its MeSH descriptor UIs, or its title, abstract or keywords hold one of its phrases
// (any case) or abbreviations (exact case, and not in an all-caps title, where "AS" is just a word).
// A text mention does not count when it is negated ("patients without fibromyalgia") or in a
// sentence that excludes patients ("those with RA or SLE were excluded"); MeSH is never negated.
// A condition marked "only_when_no_other" (chronic-pain) is the catch-all: besides a specific
// condition it is kept only when its MeSH descriptor is on the record, when the title names it and
// no specific condition (a review "in chronic pain"), or when its phrase introduces a list of
// specific conditions ("chronic pain (fibromyalgia 38%, CRPS 12%)"). So a fibromyalgia trial that
// calls FM "a chronic pain condition" is fibromyalgia alone.

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "crawler/article.hpp"
#include "index/annotators/phrase_matcher.hpp"
#include "index/annotators/text_document.hpp"

namespace ldn::annotators {

class ConditionAnnotator {
public:
    explicit ConditionAnnotator(const std::filesystem::path& file);

    // Condition ids, sorted and distinct.
    std::vector<std::string> annotate(const Article& article, const TextDocument& document) const;

private:
    struct Mention {
        std::size_t condition = 0;
        std::size_t begin = 0;
        std::size_t end = 0;
        bool in_title = false;
    };

    std::vector<Mention> counted_mentions(const TextDocument& document) const;
    bool negated(const TextDocument& document, const Mention& mention) const;
    bool introduces_list(const TextDocument& document, const Mention& catch_all,
                         const std::vector<Mention>& mentions) const;

    std::vector<std::string> ids_;
    std::vector<char> catch_all_;  // per condition: only_when_no_other
    std::unordered_map<std::string, std::size_t> by_mesh_ui_;
    PhraseMatcher phrases_{Case::insensitive};
    PhraseMatcher abbreviations_{Case::sensitive};
    std::unordered_set<std::string> negating_words_;
    PhraseMatcher excluding_sentence_words_{Case::insensitive};
    std::vector<std::string> listing_words_;
};

}  // namespace ldn::annotators
