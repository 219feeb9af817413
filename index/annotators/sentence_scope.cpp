#include "index/annotators/sentence_scope.hpp"

#include <algorithm>

#include "index/annotators/vocabulary_file.hpp"

namespace ldn::annotators {

SentenceScope::SentenceScope(const std::filesystem::path& file) {
    VocabularyFile vocabulary(file);
    const auto& root = vocabulary.root();
    background_sections_ = vocabulary.strings_member(root, "background_sections", "background_sections");
    study_sections_ = vocabulary.strings_member(root, "study_sections", "study_sections");
    const auto other_work = vocabulary.patterns_member(root, "other_work", "other_work");
    if (other_work.empty()) vocabulary.fail("other_work", "must be a non-empty array of patterns");
    for (const std::string& pattern : other_work) other_work_.add(pattern, 0);
    other_work_.compile();
}

bool SentenceScope::section_in(const std::string& section, const std::vector<std::string>& names) {
    return std::any_of(names.begin(), names.end(),
                       [&](const std::string& name) { return section.find(name) != std::string::npos; });
}

bool SentenceScope::is_study_section(const std::string& section) const { return section_in(section, study_sections_); }

std::vector<char> SentenceScope::about_this_study(const TextDocument& document) const {
    const auto& sentences = document.sentences();
    std::vector<char> counted(sentences.size(), 1);
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        const Segment& segment = document.segment_of_sentence(i);
        if (segment.field == Field::abstract && section_in(segment.section, background_sections_)) counted[i] = 0;
    }
    for (const PhraseMatch& match : other_work_.find_all(document.lower())) {
        const std::size_t sentence = document.sentence_at(match.begin);
        if (document.segment_of_sentence(sentence).field != Field::title) counted[sentence] = 0;
    }
    return counted;
}

}  // namespace ldn::annotators
