#include "index/annotators/duration_annotator.hpp"

#include "index/annotators/number_words.hpp"
#include "index/annotators/vocabulary_file.hpp"
#include "index/annotators/word_scan.hpp"

namespace ldn::annotators {

namespace {

constexpr int longest_number_in_words = 3;  // "one hundred twenty"
constexpr int words_looked_back = 3;
constexpr int most_bridged_words = 2;
constexpr int total_reach_words = 2;  // "12 weeks in total", "a total of 8 weeks"

std::unordered_set<std::string> word_set(const VocabularyFile& vocabulary, const std::string& key) {
    auto words = vocabulary.strings_member(vocabulary.root(), key, key);
    return {words.begin(), words.end()};
}

}  // namespace

DurationAnnotator::DurationAnnotator(const std::filesystem::path& file) {
    VocabularyFile vocabulary(file);
    const auto& units = vocabulary.array_member(vocabulary.root(), "units", "units", false);
    for (std::size_t i = 0; i < units.size(); ++i) {
        const std::string path = indexed("units", i);
        if (!units[i].is_object()) vocabulary.fail(path, "must be an object {\"unit\", \"weeks\"}");
        const std::string unit = vocabulary.string_member(units[i], "unit", path + ".unit");
        if (auto problem = PhraseMatcher::pattern_problem(unit)) vocabulary.fail(path + ".unit", *problem);
        const double weeks = vocabulary.number_member(units[i], "weeks", path + ".weeks");
        if (weeks <= 0) vocabulary.fail(path + ".weeks", "must be above 0");
        units_.add(unit, static_cast<int>(weeks_per_unit_.size()));
        weeks_per_unit_.push_back(weeks);
    }
    units_.compile();
    study_words_ = word_set(vocabulary, "study_words");
    lead_words_ = word_set(vocabulary, "lead_words");
    total_words_ = word_set(vocabulary, "total_words");
    not_bridging_ = word_set(vocabulary, "not_bridging");
    not_after_ = word_set(vocabulary, "not_after");
    not_before_ = word_set(vocabulary, "not_before");
    not_for_designs_ = word_set(vocabulary, "not_for_designs");
}

// The number right before a unit: "12 weeks", "12-week", "8-12 weeks" (the upper end), "three months",
// "twenty-four weeks".
std::optional<DurationAnnotator::Amount> DurationAnnotator::amount_before(std::string_view text,
                                                                          std::size_t unit_begin) const {
    std::size_t end = unit_begin;
    while (end > 0 && text[end - 1] == ' ') --end;
    if (end > 0 && text[end - 1] == '-') --end;
    while (end > 0 && text[end - 1] == ' ') --end;
    if (auto number = number_ending_at(text, end)) return Amount{number->value, number->begin};

    // Words: the longest run of number words that ends right before the unit.
    std::optional<Amount> found;
    std::size_t start = end;
    for (int words = 0; words < longest_number_in_words; ++words) {
        auto word = word_before(text, start);
        if (!word) break;
        start = word->begin;
        if (auto spelled = number_words_at(text, start); spelled && spelled->end == end) {
            found = Amount{static_cast<double>(spelled->value), start};
        }
    }
    return found;
}

bool DurationAnnotator::total_near(std::string_view text, std::size_t amount_begin, std::size_t unit_end) const {
    auto before = word_before(text, amount_begin);
    auto after = word_after(text, unit_end);
    for (int step = 0; step < total_reach_words; ++step) {
        if ((before && in(total_words_, before->text)) || (after && in(total_words_, after->text))) return true;
        if (before) before = word_before(text, before->begin);
        if (after) after = word_after(text, after->end);
    }
    return false;
}

DurationAnnotator::Tie DurationAnnotator::tie_of(std::string_view text, const Amount& amount,
                                                 std::size_t unit_end) const {
    // "12 +- 3 weeks": a spread, not a duration.
    std::size_t before_number = amount.begin;
    while (before_number > 0 && text[before_number - 1] == ' ') --before_number;
    if (before_number >= 2 && text[before_number - 1] == '-' && text[before_number - 2] == '+') return Tie::excluded;

    int looked_back = 0;
    // "at least 3 months", "mean age was 52 years", "median survival 20 months": a few words back.
    auto previous = word_before(text, amount.begin);
    for (auto word = previous; word && looked_back < words_looked_back; word = word_before(text, word->begin)) {
        if (in(not_after_, word->text)) return Tie::excluded;
        ++looked_back;
    }
    // "a 52-week, double-blind trial": one comma may stand between the unit and what it describes.
    const std::size_t after_unit = (unit_end < text.size() && text[unit_end] == ',') ? unit_end + 1 : unit_end;
    auto next = word_after(text, after_unit);
    if (next && in(not_before_, next->text)) return Tie::excluded;
    if (total_near(text, amount.begin, unit_end)) return Tie::total;
    if (next && next->text == "of") next = word_after(text, next->end);
    if (next && in(not_before_, next->text)) return Tie::excluded;  // "12 years of age"
    if (next && in(study_words_, next->text)) return Tie::intervention;
    // Describing words between: "a 5-day outpatient ketamine infusion".
    for (int bridged = 0; bridged < most_bridged_words; ++bridged) {
        if (!next || in(not_bridging_, next->text) || is_digit(next->text.front())) break;
        next = word_after(text, next->end);
        if (next && in(study_words_, next->text)) return Tie::intervention;
    }
    if (previous && in(lead_words_, previous->text)) return Tie::intervention;
    return Tie::loose;
}

std::optional<double> DurationAnnotator::annotate(const TextDocument& document,
                                                  const std::vector<char>& about_this_study,
                                                  const std::string& design) const {
    if (not_for_designs_.contains(design)) return std::nullopt;
    const std::string& text = document.lower();
    std::optional<double> intervention;
    std::optional<double> longest_loose;
    for (const PhraseMatch& match : units_.find_all(text)) {
        const std::size_t sentence = document.sentence_at(match.begin);
        if (!about_this_study[sentence] || document.segment_of_sentence(sentence).field == Field::keywords) continue;
        auto amount = amount_before(text, match.begin);
        if (!amount || amount->value <= 0) continue;
        const double weeks = amount->value * weeks_per_unit_[static_cast<std::size_t>(match.tag)];
        switch (tie_of(text, *amount, match.end)) {
            case Tie::total: return weeks;
            case Tie::intervention:
                if (!intervention) intervention = weeks;
                break;
            case Tie::loose:
                if (!longest_loose || weeks > *longest_loose) longest_loose = weeks;
                break;
            case Tie::excluded: break;
        }
    }
    return intervention ? intervention : longest_loose;
}

}  // namespace ldn::annotators
