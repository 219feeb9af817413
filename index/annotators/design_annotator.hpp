#pragma once
// The study design and its evidence level (data/vocab/designs.json). The decision, in order:
//   1. Each publication type the vocabulary knows gives a design, refined by the first of its
//      "refine" rules whose cue group is found ("Clinical Trial" + a randomization cue -> rct;
//      "Review" + a systematic-review cue -> sr-ma). Several types: the design first in
//      "publication_type_precedence" wins (Letter + Case Reports -> case-report).
//   2. Without a known publication type, the text decides: first the title, where the first
//      "text_rules" entry whose cue group "decides_in_title" and is found there wins ("…: a
//      retrospective analysis" whatever trials the abstract mentions); then the first "text_rules"
//      entry whose cue group is found anywhere. The order encodes precedence (a systematic review OF
//      randomized trials is sr-ma, a case report that reviews the literature is a case report);
//      nothing found gives "fallback_with_participants" (observational) for a record that counts the
//      people it studied, "fallback" otherwise.
//   3. A record that is not about humans becomes "non_human.design" (preclinical) unless a
//      publication type or a cue gave it one of "non_human.except" (reviews and editorials of animal
//      work stay what they are).
// Cues count only in sentences about this study (SentenceScope); see CueGroups for the details.

#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "crawler/article.hpp"
#include "index/annotators/cue_groups.hpp"
#include "index/annotators/sentence_scope.hpp"
#include "index/annotators/text_document.hpp"

namespace ldn::annotators {

struct Design {
    std::string id;
    int evidence_level = 5;
};

class DesignAnnotator {
public:
    explicit DesignAnnotator(const std::filesystem::path& file);

    // `has_participants`: the record states how many people it studied.
    Design annotate(const Article& article, const TextDocument& document, const std::vector<char>& about_this_study,
                    const SentenceScope& scope, bool human, bool has_participants) const;

private:
    struct Rule {
        std::size_t cue = 0;
        std::size_t design = 0;
    };
    struct PublicationType {
        std::size_t design = 0;
        std::vector<Rule> refine;
    };

    std::size_t design_named(const VocabularyFile& vocabulary, const nlohmann::json& id, const std::string& path) const;
    std::size_t design_index(const VocabularyFile& vocabulary, const nlohmann::json& object, const std::string& key,
                             const std::string& path) const;
    Rule read_rule(const VocabularyFile& vocabulary, const nlohmann::json& entry, const std::string& path) const;
    static std::size_t first_found(const std::vector<Rule>& rules, const std::vector<CueHits>& hits,
                                   std::size_t otherwise);
    std::size_t decided_by_title(const std::vector<CueHits>& hits) const;

    std::vector<Design> designs_;
    CueGroups cues_;
    std::unordered_map<std::string, PublicationType> publication_types_;
    std::vector<std::size_t> rank_;  // per design: its place in publication_type_precedence
    std::vector<Rule> text_rules_;
    std::size_t fallback_ = 0;
    std::size_t fallback_with_participants_ = 0;
    std::size_t non_human_design_ = 0;
    std::vector<char> kept_when_non_human_;  // per design
};

}  // namespace ldn::annotators
