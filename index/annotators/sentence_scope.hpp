#pragma once
// Which sentences speak about the study itself (data/vocab/sentences.json). Cues for the design, the
// sample size and the duration count only there: not in a BACKGROUND section ("a previous randomized
// trial of 40 patients…"), and not in a sentence that looks back or ahead ("larger randomized trials
// are needed", "an earlier meta-analysis"). The title always counts.

#include <filesystem>
#include <string>
#include <vector>

#include "index/annotators/phrase_matcher.hpp"
#include "index/annotators/text_document.hpp"

namespace ldn::annotators {

class SentenceScope {
public:
    explicit SentenceScope(const std::filesystem::path& file);

    // One flag per sentence of `document`: true when the sentence speaks about this study.
    std::vector<char> about_this_study(const TextDocument& document) const;

    // True for an abstract section that describes this study's aim or methods ("OBJECTIVE",
    // "METHODS"): a cue there needs no "we" or "this" to be about this study.
    bool is_study_section(const std::string& section) const;

private:
    static bool section_in(const std::string& section, const std::vector<std::string>& names);

    std::vector<std::string> background_sections_;
    std::vector<std::string> study_sections_;
    PhraseMatcher other_work_;
};

}  // namespace ldn::annotators
