#include "index/annotators/dose_annotator.hpp"

#include <algorithm>

#include "index/annotators/vocabulary_file.hpp"
#include "index/annotators/word_scan.hpp"

namespace ldn::annotators {

namespace {

constexpr std::size_t shortest_suffix_checked_word = 6;
constexpr double largest_plausible_dose_mg = 1000;
constexpr int most_filler_words = 4;

bool is_list_word(std::string_view word) { return word == "to" || word == "and" || word == "or"; }

}  // namespace

DoseAnnotator::DoseAnnotator(const std::filesystem::path& file) {
    VocabularyFile vocabulary(file);
    const auto& root = vocabulary.root();
    const auto names = vocabulary.patterns_member(root, "naltrexone_names", "naltrexone_names");
    if (names.empty()) vocabulary.fail("naltrexone_names", "must be a non-empty array of patterns");
    for (const std::string& name : names) drugs_.add(name, naltrexone);
    for (const std::string& name : vocabulary.patterns_member(root, "other_drug_names", "other_drug_names")) {
        drugs_.add(name, other_drug);
    }
    drugs_.compile();
    other_drug_suffixes_ = vocabulary.strings_member(root, "other_drug_suffixes", "other_drug_suffixes");
    units_ = vocabulary.strings_member(root, "units", "units");
    if (units_.empty()) vocabulary.fail("units", "must be a non-empty array of strings");
    for (std::string& word : vocabulary.strings_member(root, "per_words", "per_words"))
        per_words_.insert(std::move(word));
    for (std::string& word : vocabulary.strings_member(root, "fillers", "fillers")) fillers_.insert(std::move(word));
    low_max_mg_ = vocabulary.number_member(root, "low_max_mg", "low_max_mg");
    standard_min_mg_ = vocabulary.number_member(root, "standard_min_mg", "standard_min_mg");
    if (!(low_max_mg_ > 0 && low_max_mg_ < standard_min_mg_)) {
        vocabulary.fail("low_max_mg", "must be above 0 and below standard_min_mg");
    }
}

std::vector<DoseAnnotator::DrugMention> DoseAnnotator::drug_mentions(const std::string& text) const {
    std::vector<DrugMention> mentions;
    for (const PhraseMatch& match : drugs_.find_all(text)) {
        mentions.push_back({match.begin, match.end, match.tag == naltrexone});
    }
    // Words that end like a drug name ("adalimumab") are other drugs too.
    for (std::size_t i = 0; i < text.size();) {
        if (!is_word_byte(text[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && is_word_byte(text[end])) ++end;
        const std::string_view word(text.data() + i, end - i);
        const bool drug_like = word.size() >= shortest_suffix_checked_word &&
                               std::any_of(other_drug_suffixes_.begin(), other_drug_suffixes_.end(),
                                           [&](const std::string& suffix) { return word.ends_with(suffix); });
        const bool known = std::any_of(mentions.begin(), mentions.end(), [&](const DrugMention& mention) {
            return mention.begin <= i && i < mention.end;
        });
        if (drug_like && !known) mentions.push_back({i, end, false});
        i = end;
    }
    std::sort(mentions.begin(), mentions.end(),
              [](const DrugMention& a, const DrugMention& b) { return a.begin < b.begin; });
    return mentions;
}

// Where "<number> <unit>" written from `position` ends ("360 mg" in "32 mg/360 mg"), if it is there.
std::optional<std::size_t> DoseAnnotator::dose_number_end_after(const std::string& text, std::size_t position) const {
    auto number = number_at(text, skip_spaces(text, position));
    if (!number) return std::nullopt;
    auto unit = word_after(text, number->end, false);
    if (!unit || std::find(units_.begin(), units_.end(), unit->text) == units_.end()) return std::nullopt;
    return unit->end;
}

// Where a dose's unit really ends, or nullopt when the unit is a concentration or per body weight:
// "mg/day" and "mg per night" are doses, "mg/kg", "mg/dl" and "mg per kg" are not.
std::optional<std::size_t> DoseAnnotator::accepted_unit_end(const std::string& text, std::size_t unit_end) const {
    if (unit_end < text.size() && text[unit_end] == '/') {
        if (dose_number_end_after(text, unit_end + 1)) return unit_end;  // "32 mg/360 mg": a combination
        auto per = word_after(text, unit_end + 1, false);
        if (!per || per->begin != unit_end + 1 || !per_words_.contains(std::string(per->text))) return std::nullopt;
        return per->end;
    }
    if (auto next = word_after(text, unit_end, false); next && next->text == "per") {
        auto per = word_after(text, next->end, false);
        if (!per || !per_words_.contains(std::string(per->text))) return std::nullopt;
        return per->end;
    }
    return unit_end;
}

std::vector<DoseAnnotator::DoseMention> DoseAnnotator::dose_mentions(const std::string& text) const {
    std::vector<DoseMention> mentions;
    for (const std::string& unit : units_) {
        for (std::size_t at = text.find(unit); at != std::string::npos; at = text.find(unit, at + 1)) {
            const std::size_t unit_end = at + unit.size();
            if (unit_end < text.size() && is_word_byte(text[unit_end])) continue;  // "mgs" is its own unit
            // The number ends right before the unit, or before a space or hyphen: "4.5mg", "4.5 mg", "50-mg".
            std::size_t number_end = at;
            if (number_end > 0 && (text[number_end - 1] == ' ' || text[number_end - 1] == '-')) --number_end;
            auto number = number_ending_at(text, number_end);
            if (!number) continue;
            auto end = accepted_unit_end(text, unit_end);
            if (!end) continue;

            DoseMention mention{number->begin, *end, {number->value}, std::nullopt};
            if (*end < text.size() && text[*end] == '/') {
                mention.combination_part = 0;
            } else if (number->begin > 0 && text[number->begin - 1] == '/') {
                auto previous_unit = word_before(text, number->begin - 1, false);
                if (previous_unit && std::find(units_.begin(), units_.end(), previous_unit->text) != units_.end()) {
                    mention.combination_part = 1;
                }
            }
            // Ranges and lists written with one unit: "1.5-4.5 mg", "1.5 to 4.5 mg", "1.5, 3 and 4.5 mg".
            for (;;) {
                std::size_t position = mention.begin;
                bool connected = false;
                for (;;) {
                    while (position > 0 && text[position - 1] == ' ') --position;
                    if (position > 0 && (text[position - 1] == '-' || text[position - 1] == ',')) {
                        --position;
                        connected = true;
                        continue;
                    }
                    auto word = word_before(text, position, false);
                    if (word && is_list_word(word->text) && word->end == position) {
                        position = word->begin;
                        connected = true;
                        continue;
                    }
                    break;
                }
                if (!connected) break;
                auto earlier = number_ending_at(text, position);
                if (!earlier) break;
                mention.values.push_back(earlier->value);
                mention.begin = earlier->begin;
            }
            mentions.push_back(std::move(mention));
        }
    }
    return mentions;
}

// For a dose of a combination, the drug of the pair named closest before it ("naltrexone/bupropion")
// in the same place; nullptr when no such pair is named.
const DoseAnnotator::DrugMention* DoseAnnotator::combination_drug(const std::string& text, const DoseMention& dose,
                                                                  const std::vector<DrugMention>& drugs) {
    for (std::size_t i = drugs.size(); i-- > 1;) {
        if (drugs[i].end > dose.begin) continue;
        const DrugMention& first = drugs[i - 1];
        const std::string_view between(text.data() + first.end, drugs[i].begin - first.end);
        if (between.find_first_not_of(" /") != std::string_view::npos || between.find('/') == std::string_view::npos) {
            return nullptr;
        }
        return *dose.combination_part == 0 ? &first : &drugs[i];
    }
    return nullptr;
}

bool DoseAnnotator::is_naltrexone_dose(const std::string& text, const DoseMention& dose,
                                       const std::vector<DrugMention>& drugs) const {
    if (dose.combination_part) {
        if (const DrugMention* drug = combination_drug(text, dose, drugs)) return drug->is_naltrexone;
    }
    // The drug named right after the dose, past filler words: "4.5 mg daily of LDN".
    std::size_t position = dose.unit_end;
    for (int step = 0; step <= most_filler_words; ++step) {
        while (position < text.size() && (text[position] == ' ' || text[position] == '/')) ++position;
        auto named =
            std::find_if(drugs.begin(), drugs.end(), [&](const DrugMention& drug) { return drug.begin == position; });
        if (named != drugs.end()) return named->is_naltrexone;
        auto word = word_after(text, position, false);
        if (!word || word->begin != position || !fillers_.contains(std::string(word->text))) break;
        position = word->end;
    }
    // Otherwise the drug named closest before it.
    const DrugMention* closest = nullptr;
    for (const DrugMention& drug : drugs) {
        if (drug.end > dose.begin) break;
        closest = &drug;
    }
    return closest != nullptr && closest->is_naltrexone;
}

// `doses` is ascending: any low dose makes the record "low", even beside 50 mg (doses.json says why).
std::optional<std::string> DoseAnnotator::classify(const std::vector<double>& doses) const {
    if (doses.empty()) return std::nullopt;
    if (doses.front() <= low_max_mg_) return "low";
    if (doses.back() >= standard_min_mg_) return "standard";
    return std::nullopt;
}

Doses DoseAnnotator::annotate(const TextDocument& document) const {
    Doses result;
    const std::string& text = document.lower();
    std::vector<DoseMention> doses = dose_mentions(text);
    if (doses.empty()) return result;
    const std::vector<DrugMention> drugs = drug_mentions(text);
    if (std::none_of(drugs.begin(), drugs.end(), [](const DrugMention& drug) { return drug.is_naltrexone; }))
        return result;

    for (const DoseMention& dose : doses) {
        if (!is_naltrexone_dose(text, dose, drugs)) continue;
        for (double value : dose.values) {
            if (value > 0 && value <= largest_plausible_dose_mg) result.mg.push_back(value);
        }
    }
    std::sort(result.mg.begin(), result.mg.end());
    result.mg.erase(std::unique(result.mg.begin(), result.mg.end()), result.mg.end());
    result.dose_class = classify(result.mg);
    return result;
}

}  // namespace ldn::annotators
