#include "index/annotators/cue_groups.hpp"

#include <algorithm>

#include "index/annotators/word_scan.hpp"

namespace ldn::annotators {

void CueGroups::load(const VocabularyFile& vocabulary, const nlohmann::json& object, const std::string& key) {
    const auto& array = vocabulary.array_member(object, key, key, false);
    for (std::size_t i = 0; i < array.size(); ++i) {
        const std::string path = indexed(key, i);
        const auto& entry = array[i];
        if (!entry.is_object()) vocabulary.fail(path, "must be an object");
        Group group;
        group.id = vocabulary.string_member(entry, "id", path + ".id");
        if (index_of(group.id)) vocabulary.fail(path + ".id", "repeats the id '" + group.id + "'");
        const auto phrases = vocabulary.patterns_member(entry, "phrases", path + ".phrases");
        if (phrases.empty()) vocabulary.fail(path + ".phrases", "must be a non-empty array of patterns");
        for (const std::string& phrase : phrases) matcher_.add(phrase, static_cast<int>(groups_.size()));
        group.unless_preceded_by = vocabulary.strings_member(entry, "unless_preceded_by", path + ".unless_preceded_by");
        group.needs_in_sentence = vocabulary.strings_member(entry, "needs_in_sentence", path + ".needs_in_sentence");
        group.only_in_title = vocabulary.bool_member(entry, "only_in_title", path + ".only_in_title", false);
        group.decides_in_title = vocabulary.bool_member(entry, "decides_in_title", path + ".decides_in_title", false);
        groups_.push_back(std::move(group));
    }
    matcher_.compile();
}

std::optional<std::size_t> CueGroups::index_of(std::string_view id) const {
    for (std::size_t i = 0; i < groups_.size(); ++i) {
        if (groups_[i].id == id) return i;
    }
    return std::nullopt;
}

bool CueGroups::counts(const Group& group, const TextDocument& document, const PhraseMatch& match,
                       const SentenceScope& scope) const {
    const std::string& text = document.lower();
    if (auto before = word_before(text, match.begin)) {
        if (std::find(group.unless_preceded_by.begin(), group.unless_preceded_by.end(), before->text) !=
            group.unless_preceded_by.end()) {
            return false;
        }
    }
    const std::size_t sentence = document.sentence_at(match.begin);
    const Segment& segment = document.segment_of_sentence(sentence);
    if (group.only_in_title) return segment.field == Field::title;
    if (group.needs_in_sentence.empty()) return true;
    if (segment.field == Field::title || scope.is_study_section(segment.section)) return true;
    const std::string_view words = document.sentence_text(sentence);
    return std::any_of(group.needs_in_sentence.begin(), group.needs_in_sentence.end(),
                       [&](const std::string& word) { return contains_word(words, word); });
}

std::vector<CueHits> CueGroups::scan(const TextDocument& document, const std::vector<char>& about_this_study,
                                     const SentenceScope& scope) const {
    std::vector<CueHits> hits(groups_.size());
    for (const PhraseMatch& match : matcher_.find_all(document.lower())) {
        const std::size_t sentence = document.sentence_at(match.begin);
        if (!about_this_study[sentence]) continue;
        const Group& group = groups_[static_cast<std::size_t>(match.tag)];
        if (!counts(group, document, match, scope)) continue;
        CueHits& hit = hits[static_cast<std::size_t>(match.tag)];
        ++hit.count;
        if (document.segment_of_sentence(sentence).field == Field::title) hit.in_title = true;
    }
    return hits;
}

}  // namespace ldn::annotators
