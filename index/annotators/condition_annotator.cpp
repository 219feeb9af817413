#include "index/annotators/condition_annotator.hpp"

#include <algorithm>

#include "index/annotators/vocabulary_file.hpp"
#include "index/annotators/word_scan.hpp"

namespace ldn::annotators {

namespace {

constexpr int negation_reach_words = 4;          // "without concomitant primary fibromyalgia"
constexpr std::size_t listing_reach_bytes = 40;  // "chronic pain conditions, including"

bool is_mesh_ui(const std::string& ui) {
    return ui.size() >= 7 && ui[0] == 'D' && std::all_of(ui.begin() + 1, ui.end(), [](char c) { return is_digit(c); });
}

}  // namespace

ConditionAnnotator::ConditionAnnotator(const std::filesystem::path& file) {
    VocabularyFile vocabulary(file);
    const auto& conditions = vocabulary.array_member(vocabulary.root(), "conditions", "conditions", false);
    for (std::size_t i = 0; i < conditions.size(); ++i) {
        const std::string path = indexed("conditions", i);
        const auto& entry = conditions[i];
        if (!entry.is_object()) vocabulary.fail(path, "must be an object");
        std::string id = vocabulary.string_member(entry, "id", path + ".id");
        if (std::find(ids_.begin(), ids_.end(), id) != ids_.end())
            vocabulary.fail(path + ".id", "repeats the id '" + id + "'");
        vocabulary.string_member(entry, "label", path + ".label");
        const int tag = static_cast<int>(ids_.size());

        const auto& mesh = vocabulary.array_member(entry, "mesh", path + ".mesh", true);
        for (std::size_t m = 0; m < mesh.size(); ++m) {
            const std::string mesh_path = indexed(path + ".mesh", m);
            if (!mesh[m].is_object()) vocabulary.fail(mesh_path, "must be an object {\"ui\", \"name\"}");
            std::string ui = vocabulary.string_member(mesh[m], "ui", mesh_path + ".ui");
            if (!is_mesh_ui(ui)) vocabulary.fail(mesh_path + ".ui", "must be a MeSH descriptor UI such as D005356");
            vocabulary.string_member(mesh[m], "name", mesh_path + ".name");
            if (!by_mesh_ui_.emplace(ui, ids_.size()).second) {
                vocabulary.fail(mesh_path + ".ui", "belongs to two conditions");
            }
        }
        const auto phrases = vocabulary.patterns_member(entry, "phrases", path + ".phrases");
        const auto abbreviations = vocabulary.patterns_member(entry, "abbreviations", path + ".abbreviations");
        if (mesh.empty() && phrases.empty() && abbreviations.empty()) {
            vocabulary.fail(path, "needs at least one of mesh, phrases, abbreviations");
        }
        for (const std::string& phrase : phrases) phrases_.add(phrase, tag);
        for (const std::string& abbreviation : abbreviations) abbreviations_.add(abbreviation, tag);
        catch_all_.push_back(vocabulary.bool_member(entry, "only_when_no_other", path + ".only_when_no_other", false));
        ids_.push_back(std::move(id));
    }
    phrases_.compile();
    abbreviations_.compile();

    const auto& negation = vocabulary.member(vocabulary.root(), "negation", "negation");
    if (!negation.is_object()) vocabulary.fail("negation", "must be an object {\"words_before\", \"sentence_words\"}");
    for (std::string& word : vocabulary.strings_member(negation, "words_before", "negation.words_before")) {
        negating_words_.insert(std::move(word));
    }
    for (const std::string& word : vocabulary.patterns_member(negation, "sentence_words", "negation.sentence_words")) {
        excluding_sentence_words_.add(word, 0);
    }
    excluding_sentence_words_.compile();
    listing_words_ = vocabulary.strings_member(vocabulary.root(), "catch_all_listing_words", "catch_all_listing_words");
}

bool ConditionAnnotator::negated(const TextDocument& document, const Mention& mention) const {
    const std::string& text = document.lower();
    auto word = word_before(text, mention.begin);
    for (int step = 0; word && step < negation_reach_words; ++step, word = word_before(text, word->begin)) {
        if (negating_words_.contains(std::string(word->text))) return true;
    }
    return false;
}

std::vector<ConditionAnnotator::Mention> ConditionAnnotator::counted_mentions(const TextDocument& document) const {
    std::vector<char> excluding(document.sentences().size(), 0);
    for (const PhraseMatch& match : excluding_sentence_words_.find_all(document.lower())) {
        excluding[document.sentence_at(match.begin)] = 1;
    }
    std::vector<Mention> mentions;
    auto consider = [&](const PhraseMatch& match) {
        const std::size_t sentence = document.sentence_at(match.begin);
        const Segment& segment = document.segment_of_sentence(sentence);
        Mention mention{static_cast<std::size_t>(match.tag), match.begin, match.end, segment.field == Field::title};
        if (!excluding[sentence] && !negated(document, mention)) mentions.push_back(mention);
    };
    for (const PhraseMatch& match : phrases_.find_all(document.lower())) consider(match);
    for (const PhraseMatch& match : abbreviations_.find_all(document.cased())) {
        if (!document.segment_of_sentence(document.sentence_at(match.begin)).mostly_uppercase) consider(match);
    }
    return mentions;
}

// "chronic pain (fibromyalgia 38%, …)", "chronic pain conditions including fibromyalgia": a listing
// word shortly after the catch-all phrase, and a specific condition after it in the same sentence.
bool ConditionAnnotator::introduces_list(const TextDocument& document, const Mention& catch_all,
                                         const std::vector<Mention>& mentions) const {
    const std::string& text = document.lower();
    const std::size_t sentence_end = document.sentences()[document.sentence_at(catch_all.begin)].end;
    const std::string_view after =
        std::string_view(text).substr(catch_all.end, std::min(listing_reach_bytes, sentence_end - catch_all.end));
    std::size_t listing_end = std::string_view::npos;
    for (const std::string& word : listing_words_) {
        const std::size_t at = find_word(after, word);
        if (at != std::string_view::npos) listing_end = std::min(listing_end, at + word.size());
    }
    if (listing_end == std::string_view::npos) return false;
    const std::size_t list_begin = catch_all.end + listing_end;
    return std::any_of(mentions.begin(), mentions.end(), [&](const Mention& mention) {
        return !catch_all_[mention.condition] && mention.begin >= list_begin && mention.begin < sentence_end;
    });
}

std::vector<std::string> ConditionAnnotator::annotate(const Article& article, const TextDocument& document) const {
    std::vector<char> by_mesh(ids_.size(), 0);
    for (const MeshHeading& heading : article.mesh) {
        if (auto known = by_mesh_ui_.find(heading.ui); known != by_mesh_ui_.end()) by_mesh[known->second] = 1;
    }
    const std::vector<Mention> mentions = counted_mentions(document);
    std::vector<char> in_text(ids_.size(), 0);
    bool specific = false;
    bool specific_in_title = false;
    for (const Mention& mention : mentions) {
        in_text[mention.condition] = 1;
        if (!catch_all_[mention.condition]) {
            specific = true;
            specific_in_title = specific_in_title || mention.in_title;
        }
    }
    for (std::size_t i = 0; i < ids_.size(); ++i) specific = specific || (by_mesh[i] && !catch_all_[i]);

    // Whether a catch-all found in the text stands beside the specific conditions.
    auto catch_all_kept = [&](std::size_t condition) {
        if (!specific) return true;
        return std::any_of(mentions.begin(), mentions.end(), [&](const Mention& mention) {
            if (mention.condition != condition) return false;
            return (mention.in_title && !specific_in_title) || introduces_list(document, mention, mentions);
        });
    };
    std::vector<std::string> conditions;
    for (std::size_t i = 0; i < ids_.size(); ++i) {
        const bool kept = by_mesh[i] || (in_text[i] && (!catch_all_[i] || catch_all_kept(i)));
        if (kept) conditions.push_back(ids_[i]);
    }
    std::sort(conditions.begin(), conditions.end());
    return conditions;
}

}  // namespace ldn::annotators
