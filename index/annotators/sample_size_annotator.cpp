#include "index/annotators/sample_size_annotator.hpp"

#include <algorithm>
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
    singular_nouns_ = word_set(vocabulary, "singular_nouns", true);
    control_modifiers_ = word_set(vocabulary, "control_modifiers", true);
    randomization_verbs_ = word_set(vocabulary, "randomization_verbs", true);
    group_split_nouns_ = word_set(vocabulary, "group_split_nouns", true);
    pool_words_ = word_set(vocabulary, "pool_words", true);
    response_words_ = word_set(vocabulary, "response_words", true);
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

void SampleSizeAnnotator::enrol(Candidate& candidate, std::string_view verb) const {
    candidate.strength = Strength::enrolment;
    candidate.randomized = in(randomization_verbs_, verb);
}

SampleSizeAnnotator::Candidate SampleSizeAnnotator::candidate_at(std::string_view sentence, std::size_t count_begin,
                                                                 const Count& count) const {
    Candidate candidate{.value = count.value, .end = count.end};
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

    // A participant noun within a few words after the count. A word joined by a hyphen to the one
    // before it ("opioid-treated", "sex-matched") belongs to a compound modifier: it takes no step and
    // is never read as a verb.
    std::size_t position = count.end;
    bool noun = false;
    std::optional<std::string_view> participle;  // "the 99 randomized participants"
    bool control_modifier = false;      // "24 healthy women"
    for (int step = 0; step <= most_words_before_noun;) {
        auto word = word_after(sentence, position, true);
        if (!word) break;
        const std::string_view gap = sentence.substr(position, word->begin - position);
        if (gap.find_first_not_of(" -") != std::string_view::npos) break;
        position = word->end;
        if (gap == "-") continue;
        if (in(nouns_, word->text) || in(control_nouns_, word->text)) {
            // Number agreement: "two patient organisations" counts organisations, not patients.
            if (count.value > 1 && in(singular_nouns_, word->text)) {
                ++step;
                continue;
            }
            noun = true;
            candidate.noun = word->text;
            candidate.end = word->end;
            candidate.controls = control_modifier || in(control_nouns_, word->text);
            break;
        }
        if (in(enrolment_verbs_, word->text)) {
            participle = word->text;
            ++step;
            continue;
        }
        if (in(not_between_, word->text) || is_digit(word->text.front()) || in(attrition_words_, word->text)) break;
        control_modifier = control_modifier || in(control_modifiers_, word->text);
        ++step;
    }
    if (noun && participle) {
        enrol(candidate, *participle);
        return candidate;
    }
    if (noun && enrolment_before) {
        enrol(candidate, before->text);
        return candidate;
    }
    if (noun && denominator) {
        candidate.strength = Strength::people_count;
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
        // Without a noun only "31 were randomized" counts, or a count that opens its clause with a
        // verb standing alone ("; 274 entered the extension"), not "five randomized trials".
        if (!noun && step == 0 && !is_copula(word->text)) {
            if (!before && in(enrolment_verbs_, word->text)) {
                auto next = word_after(sentence, word->end, false);
                if (!next || in(not_between_, next->text)) enrol(candidate, word->text);
            }
            return candidate;
        }
        if (step < most_words_to_attrition && in(attrition_words_, word->text)) return candidate;
        if (in(enrolment_verbs_, word->text)) {
            enrol(candidate, word->text);
            return candidate;
        }
        position = word->end;
    }
    if (noun) candidate.strength = Strength::people_count;
    return candidate;
}

// The counts of one sentence, with counts of controls added to the count before them ("32 women
// with FM and 30 healthy controls" is a sample of 62), and the parts of a sample to their whole.
// "Of 5,600 members invited, …": a sentence that opens with the pool its people were drawn from
// (invited, contacted, screened, identified…). The pool is not the sample; those drawn from it are.
bool SampleSizeAnnotator::opens_with_source_pool(std::string_view sentence, std::size_t count_begin,
                                                 std::size_t count_end) const {
    auto of = word_before(sentence, count_begin, false);
    if (of && of->text == "the") of = word_before(sentence, of->begin, false);
    if (!of || of->text != "of" || sentence.substr(0, of->begin).find_first_not_of(' ') != std::string_view::npos) {
        return false;
    }
    for (auto word = word_after(sentence, count_end, true); word;
         word = word_after(sentence, word->end, true)) {
        if (in(pool_words_, word->text)) return true;
    }
    return false;
}

// Whether a count drawn from a pool is the people who answered or took part: "1,117 responded",
// "2,058 adults completed interviews".
bool SampleSizeAnnotator::responded(std::string_view sentence, std::size_t position) const {
    for (int step = 0; step < most_words_to_attrition; ++step) {
        const std::size_t gap_begin = position;
        auto word = word_after(sentence, position, true);
        if (!word) return false;
        const std::string_view gap = sentence.substr(gap_begin, word->begin - gap_begin);
        if (std::any_of(gap.begin(), gap.end(), ends_clause)) return false;
        if (in(response_words_, word->text)) return true;
        position = word->end;
    }
    return false;
}

// The counts of one sentence, with counts of controls added to the count before them ("32 women
// with FM and 30 healthy controls" is a sample of 62), and the parts of a sample to their whole.
std::vector<SampleSizeAnnotator::Candidate> SampleSizeAnnotator::sentence_candidates(std::string_view sentence) const {
    std::vector<Candidate> candidates;
    bool drawn_from_pool = false;
    for (std::size_t i = 0; i < sentence.size(); ++i) {
        if (!is_word_byte(sentence[i]) || (i > 0 && is_word_byte(sentence[i - 1]))) continue;
        auto count = count_at(sentence, i);
        if (!count) continue;
        Candidate candidate = candidate_at(sentence, i, *count);
        candidate.begin = i;
        if (candidates.empty() && !drawn_from_pool && opens_with_source_pool(sentence, i, count->end)) {
            drawn_from_pool = true;
            i = count->end;
            continue;
        }
        if (drawn_from_pool && candidate.strength == Strength::none && responded(sentence, candidate.end)) {
            candidate.strength = Strength::people_count;
        }
        if (candidate.strength != Strength::none) {
            // "40 women and 12 men": the parts of one sample.
            const bool split_of_previous = !candidates.empty() && in(group_split_nouns_, candidate.noun) &&
                                           in(group_split_nouns_, candidates.back().noun) &&
                                           sentence.substr(candidates.back().end, i - candidates.back().end) == " and ";
            if ((candidate.controls && !candidates.empty() && !candidates.back().controls) || split_of_previous) {
                candidates.back().value += candidate.value;
            } else {
                candidates.push_back(candidate);
            }
        }
        i = count->end;
    }
    return candidates;
}

// Whether the clause that goes on from `position` says its people were enrolled: "(n = 604) were
// randomized", "(n = 34) received naltrexone", not "(n = 12) withdrew".
std::optional<std::string_view> SampleSizeAnnotator::enrolment_verb_after(std::string_view sentence,
                                                                          std::size_t position) const {
    position = skip_spaces(sentence, position);
    if (position < sentence.size() && sentence[position] == ')') ++position;
    for (int step = 0; step < most_words_to_verb; ++step) {
        const std::size_t gap_begin = position;
        auto word = word_after(sentence, position, true);
        if (!word) return std::nullopt;
        const std::string_view gap = sentence.substr(gap_begin, word->begin - gap_begin);
        if (std::any_of(gap.begin(), gap.end(), ends_clause)) return std::nullopt;
        if (step < most_words_to_attrition && in(attrition_words_, word->text)) return std::nullopt;
        if (in(enrolment_verbs_, word->text)) return word->text;
        position = word->end;
    }
    return std::nullopt;
}

// "n = N" in a sentence, as one count where it first stands: the sum when groups are given apart
// ("LDN (n = 16) or placebo (n = 15)").
std::optional<SampleSizeAnnotator::Candidate> SampleSizeAnnotator::n_equals_candidate(std::string_view sentence) const {
    std::optional<Candidate> candidate;
    for (std::size_t at = sentence.find('='); at != std::string_view::npos; at = sentence.find('=', at + 1)) {
        auto name = word_before(sentence, at, false);
        if (!name || name->text != "n") continue;
        const std::size_t begin = skip_spaces(sentence, at + 1);
        auto number = number_at(sentence, begin);
        if (!number || number->has_decimals || number->value < 1 || number->value > largest_plausible_sample) continue;
        if (candidate) {
            candidate->value += static_cast<int>(number->value);
            continue;
        }
        candidate = Candidate{.value = static_cast<int>(number->value),
                              .strength = Strength::people_count,
                              .begin = name->begin,
                              .end = number->end};
        if (auto verb = enrolment_verb_after(sentence, number->end)) enrol(*candidate, *verb);
    }
    return candidate;
}

std::optional<int> SampleSizeAnnotator::annotate(const TextDocument& document,
                                                 const std::vector<char>& about_this_study, bool sum_all_groups) const {
    std::optional<int> enrolled;
    std::optional<int> people_count;
    for (std::size_t s = 0; s < document.sentences().size(); ++s) {
        if (!about_this_study[s] || document.segment_of_sentence(s).field == Field::keywords) continue;
        const std::string_view sentence = document.sentence_text(s);
        std::vector<Candidate> candidates = sentence_candidates(sentence);
        if (auto n_equals = n_equals_candidate(sentence)) {
            auto later = std::find_if(candidates.begin(), candidates.end(),
                                      [&](const Candidate& c) { return c.begin > n_equals->begin; });
            candidates.insert(later, *n_equals);
        }
        if (sum_all_groups && !candidates.empty()) {
            return std::accumulate(candidates.begin(), candidates.end(), 0,
                                   [](int sum, const Candidate& c) { return sum + c.value; });
        }
        for (const Candidate& candidate : candidates) {
            // "randomized if both are given": enrolled into a run-in, then randomized, counts the latter.
            if (candidate.strength == Strength::enrolment && candidate.randomized) return candidate.value;
            if (candidate.strength == Strength::enrolment && !enrolled) enrolled = candidate.value;
            if (!people_count) people_count = candidate.value;
        }
    }
    return enrolled ? enrolled : people_count;
}

}  // namespace ldn::annotators
