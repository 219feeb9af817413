#include "index/annotators/human_annotator.hpp"

#include "index/annotators/vocabulary_file.hpp"

namespace ldn::annotators {

namespace {

std::unordered_set<std::string> mesh_uis(const VocabularyFile& vocabulary, const std::string& key) {
    std::unordered_set<std::string> uis;
    const auto& headings = vocabulary.array_member(vocabulary.root(), key, key, false);
    for (std::size_t i = 0; i < headings.size(); ++i) {
        const std::string path = indexed(key, i);
        if (!headings[i].is_object()) vocabulary.fail(path, "must be an object {\"ui\", \"name\"}");
        uis.insert(vocabulary.string_member(headings[i], "ui", path + ".ui"));
    }
    return uis;
}

}  // namespace

HumanAnnotator::HumanAnnotator(const std::filesystem::path& file) {
    VocabularyFile vocabulary(file);
    const auto& root = vocabulary.root();
    human_mesh_ = mesh_uis(vocabulary, "human_mesh");
    animal_mesh_ = mesh_uis(vocabulary, "animal_mesh");
    for (std::string& type : vocabulary.strings_member(root, "human_publication_types", "human_publication_types")) {
        human_publication_types_.insert(std::move(type));
    }
    cues_.load(vocabulary, root, "cues");
    auto required = [&](const char* id) {
        auto index = cues_.index_of(id);
        if (!index) vocabulary.fail("cues", std::string("needs a group with id '") + id + "'");
        return *index;
    };
    animal_cue_ = required("animal");
    in_vitro_cue_ = required("in-vitro");
    human_cue_ = required("human");
}

bool HumanAnnotator::annotate(const Article& article, const TextDocument& document,
                              const std::vector<char>& about_this_study, const SentenceScope& scope) const {
    const std::vector<CueHits> hits = cues_.scan(document, about_this_study, scope);
    const CueHits& animal = hits[animal_cue_];
    const CueHits& in_vitro = hits[in_vitro_cue_];
    const CueHits& human = hits[human_cue_];
    if (in_vitro.in_title) return false;

    bool animals = false;
    for (const MeshHeading& heading : article.mesh) {
        if (human_mesh_.contains(heading.ui)) return true;
        animals = animals || animal_mesh_.contains(heading.ui);
    }
    if (animals) return false;
    for (const std::string& type : article.publication_types) {
        if (human_publication_types_.contains(type)) return true;
    }
    if (animal.in_title && !human.in_title) return false;
    return !(animal.count + in_vitro.count > 0 && human.count == 0);
}

}  // namespace ldn::annotators
