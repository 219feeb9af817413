#pragma once
// The number of participants enrolled or randomized (data/vocab/participants.json, which spells out
// the decision). Percentages, ages, doses, years and p-values are never counts: a count must be tied
// to a participant noun, an enrolment verb or "n =", and must not be a decimal or a percentage.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "index/annotators/text_document.hpp"

namespace ldn::annotators {

class SampleSizeAnnotator {
public:
    explicit SampleSizeAnnotator(const std::filesystem::path& file);

    // With `sum_all_groups` (case-control designs) the counts of the first sentence that gives any are
    // added up: the sample is every group compared.
    std::optional<int> annotate(const TextDocument& document, const std::vector<char>& about_this_study,
                                bool sum_all_groups = false) const;

    // False for designs that have no participants of their own (participants.json "not_for_designs").
    bool counts_participants_of(const std::string& design) const { return !not_for_designs_.contains(design); }

private:
    enum class Strength { none, people_count, enrolment };
    struct Count {
        int value = 0;
        std::size_t end = 0;
    };
    struct Candidate {
        int value = 0;
        Strength strength = Strength::none;
        bool controls = false;  // a count of controls, added to the count it is compared with
        std::size_t begin = 0;  // where the count stands in its sentence
        std::size_t end = 0;    // where its noun (or else the count) ends
        std::string_view noun = {};
        bool randomized = false;  // enrolled by a verb of randomization, preferred over other enrolment
    };

    std::optional<Count> count_at(std::string_view text, std::size_t begin) const;
    Candidate candidate_at(std::string_view sentence, std::size_t count_begin, const Count& count) const;
    std::vector<Candidate> sentence_candidates(std::string_view sentence) const;
    bool opens_with_source_pool(std::string_view sentence, std::size_t count_begin, std::size_t count_end) const;
    bool responded(std::string_view sentence, std::size_t position) const;
    std::optional<Candidate> n_equals_candidate(std::string_view sentence) const;
    std::optional<std::string_view> enrolment_verb_after(std::string_view sentence, std::size_t position) const;
    void enrol(Candidate& candidate, std::string_view verb) const;
    bool in(const std::unordered_set<std::string>& words, std::string_view word) const {
        return words.contains(std::string(word));
    }

    std::unordered_set<std::string> nouns_;
    std::unordered_set<std::string> control_nouns_;
    std::unordered_set<std::string> singular_nouns_;
    std::unordered_set<std::string> control_modifiers_;
    std::unordered_set<std::string> randomization_verbs_;
    std::unordered_set<std::string> group_split_nouns_;
    std::unordered_set<std::string> pool_words_;
    std::unordered_set<std::string> response_words_;
    std::unordered_set<std::string> enrolment_verbs_;
    std::unordered_set<std::string> attrition_words_;
    std::unordered_set<std::string> not_between_;
    std::unordered_set<std::string> not_after_;
    std::unordered_set<std::string> not_for_designs_;
};

}  // namespace ldn::annotators
