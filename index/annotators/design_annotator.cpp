#include "index/annotators/design_annotator.hpp"

#include <limits>

#include "index/annotators/vocabulary_file.hpp"

namespace ldn::annotators {

using nlohmann::json;

std::size_t DesignAnnotator::design_named(const VocabularyFile& vocabulary, const json& id,
                                          const std::string& path) const {
    if (!id.is_string()) vocabulary.fail(path, "must be a design id");
    for (std::size_t i = 0; i < designs_.size(); ++i) {
        if (designs_[i].id == id.get_ref<const std::string&>()) return i;
    }
    vocabulary.fail(path, "names the unknown design '" + id.get<std::string>() + "'");
}

std::size_t DesignAnnotator::design_index(const VocabularyFile& vocabulary, const json& object, const std::string& key,
                                          const std::string& path) const {
    return design_named(vocabulary, vocabulary.member(object, key, path), path);
}

DesignAnnotator::Rule DesignAnnotator::read_rule(const VocabularyFile& vocabulary, const json& entry,
                                                 const std::string& path) const {
    if (!entry.is_object()) vocabulary.fail(path, "must be an object {\"cue\", \"design\"}");
    const std::string cue = vocabulary.string_member(entry, "cue", path + ".cue");
    auto index = cues_.index_of(cue);
    if (!index) vocabulary.fail(path + ".cue", "names the unknown cue group '" + cue + "'");
    return Rule{*index, design_index(vocabulary, entry, "design", path + ".design")};
}

DesignAnnotator::DesignAnnotator(const std::filesystem::path& file) {
    VocabularyFile vocabulary(file);
    const json& root = vocabulary.root();

    const json& designs = vocabulary.array_member(root, "designs", "designs", false);
    for (std::size_t i = 0; i < designs.size(); ++i) {
        const std::string path = indexed("designs", i);
        if (!designs[i].is_object()) vocabulary.fail(path, "must be an object");
        Design design;
        design.id = vocabulary.string_member(designs[i], "id", path + ".id");
        for (const Design& earlier : designs_) {
            if (earlier.id == design.id) vocabulary.fail(path + ".id", "repeats the id '" + design.id + "'");
        }
        const double level = vocabulary.number_member(designs[i], "evidence_level", path + ".evidence_level");
        if (level != static_cast<int>(level) || level < 1 || level > 5) {
            vocabulary.fail(path + ".evidence_level", "must be a whole number from 1 to 5");
        }
        design.evidence_level = static_cast<int>(level);
        designs_.push_back(std::move(design));
    }

    cues_.load(vocabulary, root, "cues");

    const json& types = vocabulary.array_member(root, "publication_types", "publication_types", false);
    for (std::size_t i = 0; i < types.size(); ++i) {
        const std::string path = indexed("publication_types", i);
        if (!types[i].is_object()) vocabulary.fail(path, "must be an object");
        const std::string name = vocabulary.string_member(types[i], "type", path + ".type");
        PublicationType type;
        type.design = design_index(vocabulary, types[i], "design", path + ".design");
        if (types[i].contains("refine")) {
            const json& refine = vocabulary.array_member(types[i], "refine", path + ".refine", true);
            for (std::size_t r = 0; r < refine.size(); ++r) {
                type.refine.push_back(read_rule(vocabulary, refine[r], indexed(path + ".refine", r)));
            }
        }
        if (!publication_types_.emplace(name, std::move(type)).second) {
            vocabulary.fail(path + ".type", "repeats the publication type '" + name + "'");
        }
    }

    rank_.assign(designs_.size(), std::numeric_limits<std::size_t>::max());
    const json& precedence =
        vocabulary.array_member(root, "publication_type_precedence", "publication_type_precedence", false);
    for (std::size_t i = 0; i < precedence.size(); ++i) {
        rank_[design_named(vocabulary, precedence[i], indexed("publication_type_precedence", i))] = i;
    }
    for (std::size_t d = 0; d < designs_.size(); ++d) {
        if (rank_[d] == std::numeric_limits<std::size_t>::max()) {
            vocabulary.fail("publication_type_precedence", "must list the design '" + designs_[d].id + "'");
        }
    }

    const json& rules = vocabulary.array_member(root, "text_rules", "text_rules", false);
    for (std::size_t i = 0; i < rules.size(); ++i)
        text_rules_.push_back(read_rule(vocabulary, rules[i], indexed("text_rules", i)));
    fallback_ = design_index(vocabulary, root, "fallback", "fallback");
    fallback_with_participants_ =
        design_index(vocabulary, root, "fallback_with_participants", "fallback_with_participants");

    const json& non_human = vocabulary.member(root, "non_human", "non_human");
    if (!non_human.is_object()) vocabulary.fail("non_human", "must be an object {\"design\", \"except\"}");
    non_human_design_ = design_index(vocabulary, non_human, "design", "non_human.design");
    kept_when_non_human_.assign(designs_.size(), 0);
    const json& except = vocabulary.array_member(non_human, "except", "non_human.except", true);
    for (std::size_t i = 0; i < except.size(); ++i) {
        kept_when_non_human_[design_named(vocabulary, except[i], indexed("non_human.except", i))] = 1;
    }
}

std::size_t DesignAnnotator::first_found(const std::vector<Rule>& rules, const std::vector<CueHits>& hits,
                                         std::size_t otherwise) {
    for (const Rule& rule : rules) {
        if (hits[rule.cue].count > 0) return rule.design;
    }
    return otherwise;
}

// The first text rule whose cue group decides in the title and is found there, or designs_.size().
std::size_t DesignAnnotator::decided_by_title(const std::vector<CueHits>& hits) const {
    for (const Rule& rule : text_rules_) {
        if (cues_.decides_in_title(rule.cue) && hits[rule.cue].in_title) return rule.design;
    }
    return designs_.size();
}

Design DesignAnnotator::annotate(const Article& article, const TextDocument& document,
                                 const std::vector<char>& about_this_study, const SentenceScope& scope, bool human,
                                 bool has_participants) const {
    const std::vector<CueHits> hits = cues_.scan(document, about_this_study, scope);
    std::size_t chosen = designs_.size();
    for (const std::string& name : article.publication_types) {
        auto type = publication_types_.find(name);
        if (type == publication_types_.end()) continue;
        const std::size_t design = first_found(type->second.refine, hits, type->second.design);
        if (chosen == designs_.size() || rank_[design] < rank_[chosen]) chosen = design;
    }
    bool guessed = false;
    if (chosen == designs_.size()) {
        chosen = decided_by_title(hits);
        if (chosen == designs_.size()) chosen = first_found(text_rules_, hits, designs_.size());
        guessed = chosen == designs_.size();
        if (guessed) chosen = has_participants ? fallback_with_participants_ : fallback_;
    }
    if (!human && (guessed || !kept_when_non_human_[chosen])) chosen = non_human_design_;
    return designs_[chosen];
}

}  // namespace ldn::annotators
