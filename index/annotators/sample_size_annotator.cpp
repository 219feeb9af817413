#include "index/annotators/sample_size_annotator.hpp"

#include <numeric>

#include "index/annotators/number_words.hpp"
#include "index/annotators/vocabulary_file.hpp"
#include "index/annotators/word_scan.hpp"

namespace ldn::annotators {

namespace {

constexpr int most_words_before_noun = 4;   // "150 age- and sex-matched controls"
constexpr int most_words_to_verb = 6;       // "31 women with primary fibromyalgia were enrolled"
constexpr int most_words_to_attrition = 3;  // "28 patients completed", not "… and assessed fatigue"
constexpr int largest_plausible_sample = 1'000'000;

std::unordered_set<std::string> word_set(const VocabularyFile& vocabulary, const std::string& key, bool required) {
    auto words = vocabulary.strings_member(vocabulary.root(), key, key);
    if (required && words.empty()) vocabulary.fail(key, "must be a non-empty array of words");
    return {words.begin(), words.end()};
}

bool ends_clause(char c) { return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '.'; }

bool is_copula(std::string_view word) { return word == "were" || word == "was"; }

}  // namespace

SampleSizeAnnotator::SampleSizeAnnotator(const std::filesystem::path& file) {
    VocabularyFile vocabulary(file);
    nouns_ = word_set(vocabulary, "nouns", true);
    control_nouns_ = word_set(vocabulary, "control_nouns", true);
    enrolment_verbs_ = word_set(vocabulary, "enrolment_verbs", true);
    attrition_words_ = word_set(vocabulary, "attrition_words", true);
    not_between_ = word_set(vocabulary, "not_between", true);
    not_after_ = word_set(vocabulary, "not_after", true);
    not_for_designs_ = word_set(vocabulary, "not_for_designs", false);
}

// A whole number in digits or words starting at `begin`; not a decimal, a percentage or part of a
// longer token ("t1", "4.5", "30%").
std::optional<SampleSizeAnnotator::Count> SampleSizeAnnotator::count_at(std::string_view text,
                                                                        std::size_t begin) const {
    if (is_digit(text[begin])) {
        auto number = number_at(text, begin);
        if (!number || number->has_decimals) return std::nullopt;
        if (number->end < text.size() && (is_word_byte(text[number->end]) || text[number->end] == '%'))
            return std::nullopt;
        if (number->end + 1 < text.size() && text[number->end] == '.' && is_digit(text[number->end + 1]))
            return std::nullopt;
        if (number->value < 1 || number->value > largest_plausible_sample) return std::nullopt;
        return Count{static_cast<int>(number->value), number->end};
    }
    auto words = number_words_at(text, begin);
    if (!words || words->value < 1) return std::nullopt;
    return Count{words->value, words->end};
}

SampleSizeAnnotator::Candidate SampleSizeAnnotator::candidate_at(std::string_view sentence, std::size_t count_begin,
                                                                 const Count& count) const {
    Candidate candidate{count.value, Strength::none, false};
    if (count_begin > 0 && (sentence[count_begin - 1] == '-' || sentence[count_begin - 1] == '/')) {
        return candidate;  // "18-65", "2/31", "+-3": the second half of a range, ratio or spread
    }
    auto before = word_before(sentence, count_begin, false);
    if (before && in(not_after_, before->text)) return candidate;
    bool enrolment_before = before && in(enrolment_verbs_, before->text);  // "we enrolled 58 …"
    bool denominator = false;  // "12 of 31 patients responded": a denominator is everyone
    if (before && before->text == "of") {
        auto total = word_before(sentence, before->begin, false);
        enrolment_before = total && total->text == "total";  // "a total of 67 …"
        denominator = !enrolment_before;
    }

    // A participant noun within a few words after the count.
    std::size_t position = count.end;
    bool noun = false;
    for (int step = 0; step <= most_words_before_noun; ++step) {
        auto word = word_after(sentence, position, true);
        if (!word ||
            sentence.substr(position, word->begin - position).find_first_not_of(" -") != std::string_view::npos) {
            break;
        }
        if (in(nouns_, word->text) || in(control_nouns_, word->text)) {
            noun = true;
            candidate.controls = in(control_nouns_, word->text);
            position = word->end;
            break;
        }
        if (in(not_between_, word->text) || is_digit(word->text.front()) || in(enrolment_verbs_, word->text) ||
            in(attrition_words_, word->text)) {
            break;
        }
        position = word->end;
    }
    if (noun && (denominator || enrolment_before)) {
        candidate.strength = enrolment_before ? Strength::enrolment : Strength::people_count;
        return candidate;
    }
    if (!noun) position = count.end;

    // What the clause goes on to say about them: enrolled, or screened, finished, responded…
    for (int step = 0; step < most_words_to_verb; ++step) {
        const std::size_t gap_begin = position;
        auto word = word_after(sentence, position, true);
        if (!word) break;
        const std::string_view gap = sentence.substr(gap_begin, word->begin - gap_begin);
        if (std::any_of(gap.begin(), gap.end(), ends_clause)) break;
        // Without a noun only "31 were randomized" counts, not "five randomized trials".
        if (!noun && step == 0 && !is_copula(word->text)) break;
        if (step < most_words_to_attrition && in(attrition_words_, word->text)) return candidate;
        if (in(enrolment_verbs_, word->text)) {
            candidate.strength = Strength::enrolment;
            return candidate;
        }
        position = word->end;
    }
    if (noun) candidate.strength = Strength::people_count;
    return candidate;
}

// The counts of one sentence, with counts of controls added to the count before them: "32 women
// with FM and 30 healthy controls" is a sample of 62.
std::vector<SampleSizeAnnotator::Candidate> SampleSizeAnnotator::sentence_candidates(std::string_view sentence) const {
    std::vector<Candidate> candidates;
    for (std::size_t i = 0; i < sentence.size(); ++i) {
        if (!is_word_byte(sentence[i]) || (i > 0 && is_word_byte(sentence[i - 1]))) continue;
        auto count = count_at(sentence, i);
        if (!count) continue;
        Candidate candidate = candidate_at(sentence, i, *count);
        if (candidate.strength != Strength::none) {
            if (candidate.controls && !candidates.empty() && !candidates.back().controls) {
                candidates.back().value += candidate.value;
            } else {
                candidates.push_back(candidate);
            }
        }
        i = count->end;
    }
    return candidates;
}

std::vector<int> SampleSizeAnnotator::n_equals_values(std::string_view sentence) {
    std::vector<int> values;
    for (std::size_t at = sentence.find('='); at != std::string_view::npos; at = sentence.find('=', at + 1)) {
        auto name = word_before(sentence, at, false);
        if (!name || name->text != "n") continue;
        const std::size_t begin = skip_spaces(sentence, at + 1);
        auto number = number_at(sentence, begin);
        if (!number || number->has_decimals || number->value < 1 || number->value > largest_plausible_sample) continue;
        values.push_back(static_cast<int>(number->value));
    }
    return values;
}

std::optional<int> SampleSizeAnnotator::annotate(const TextDocument& document,
                                                 const std::vector<char>& about_this_study) const {
    std::optional<int> people_count;
    std::optional<int> n_equals;
    for (std::size_t s = 0; s < document.sentences().size(); ++s) {
        if (!about_this_study[s] || document.segment_of_sentence(s).field == Field::keywords) continue;
        const std::string_view sentence = document.sentence_text(s);
        for (const Candidate& candidate : sentence_candidates(sentence)) {
            if (candidate.strength == Strength::enrolment) return candidate.value;
            if (!people_count) people_count = candidate.value;
        }
        if (!n_equals) {
            const std::vector<int> values = n_equals_values(sentence);
            if (!values.empty()) n_equals = std::accumulate(values.begin(), values.end(), 0);
        }
    }
    if (people_count) return people_count;
    return n_equals;
}

}  // namespace ldn::annotators
