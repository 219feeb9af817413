#pragma once
// Named groups of text cues ("randomized", "open-label", "animal"), read from a vocabulary array:
//   {"id": "randomized", "phrases": ["randomized", "randomised"], "unless_preceded_by": ["non", "not"],
//    "needs_in_sentence": ["we", "this"], "only_in_title": false, "why": "…"}
// A cue counts when its sentence is about this study (SentenceScope), the word before it is not one
// of unless_preceded_by ("non-randomized"), and, when needs_in_sentence is given, its sentence holds
// one of those words unless it is the title or a study section ("METHODS: A meta-analysis of …").
// An only_in_title group counts in the title alone ("…: a review", but not "Institutional Review Board").
// A decides_in_title group, found in the title, settles what the rest of the text says (see DesignAnnotator).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "index/annotators/phrase_matcher.hpp"
#include "index/annotators/sentence_scope.hpp"
#include "index/annotators/text_document.hpp"
#include "index/annotators/vocabulary_file.hpp"

namespace ldn::annotators {

struct CueHits {
    int count = 0;          // counted matches
    bool in_title = false;  // at least one of them in the title
};

class CueGroups {
public:
    // Reads the array at `key` of `object`; group ids must be unique.
    void load(const VocabularyFile& vocabulary, const nlohmann::json& object, const std::string& key);

    std::optional<std::size_t> index_of(std::string_view id) const;
    bool decides_in_title(std::size_t group) const { return groups_[group].decides_in_title; }

    // Hits per group, in load order.
    std::vector<CueHits> scan(const TextDocument& document, const std::vector<char>& about_this_study,
                              const SentenceScope& scope) const;

private:
    struct Group {
        std::string id;
        std::vector<std::string> unless_preceded_by;
        std::vector<std::string> needs_in_sentence;
        bool only_in_title = false;
        bool decides_in_title = false;
    };

    bool counts(const Group& group, const TextDocument& document, const PhraseMatch& match,
                const SentenceScope& scope) const;

    std::vector<Group> groups_;
    PhraseMatcher matcher_;
};

}  // namespace ldn::annotators
