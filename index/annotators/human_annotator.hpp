#pragma once
// Whether a record studies people (data/vocab/subjects.json). In order:
//   1. An in-vitro cue in the title -> not human: human cells in a dish are not participants, even
//      when MeSH says "Humans".
//   2. MeSH "Humans" -> human; MeSH "Animals" without "Humans" -> not human.
//   3. A publication type only clinical research has (Randomized Controlled Trial, Case Reports…) -> human.
//   4. Text: an animal or in-vitro cue in the title without a human cue there -> not human; animal or
//      in-vitro cues about this study and no human cue about this study anywhere -> not human.
//   5. Otherwise human: most of this literature is clinical, and a review is about people.

#include <filesystem>
#include <string>
#include <unordered_set>
#include <vector>

#include "crawler/article.hpp"
#include "index/annotators/cue_groups.hpp"
#include "index/annotators/sentence_scope.hpp"
#include "index/annotators/text_document.hpp"

namespace ldn::annotators {

class HumanAnnotator {
public:
    explicit HumanAnnotator(const std::filesystem::path& file);

    bool annotate(const Article& article, const TextDocument& document, const std::vector<char>& about_this_study,
                  const SentenceScope& scope) const;

private:
    std::unordered_set<std::string> human_mesh_;
    std::unordered_set<std::string> animal_mesh_;
    std::unordered_set<std::string> human_publication_types_;
    CueGroups cues_;
    std::size_t animal_cue_ = 0;
    std::size_t in_vitro_cue_ = 0;
    std::size_t human_cue_ = 0;
};

}  // namespace ldn::annotators
