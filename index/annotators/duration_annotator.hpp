#pragma once
// How long the treatment or study lasted, in weeks (data/vocab/durations.json, which spells out the
// decision and the unit conversions: a month is 52/12 weeks).

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "index/annotators/phrase_matcher.hpp"
#include "index/annotators/text_document.hpp"

namespace ldn::annotators {

class DurationAnnotator {
public:
    explicit DurationAnnotator(const std::filesystem::path& file);

    // Nothing for the designs listed in not_for_designs (reviews).
    std::optional<double> annotate(const TextDocument& document, const std::vector<char>& about_this_study,
                                   const std::string& design) const;

private:
    enum class Tie { excluded, loose, intervention, total };
    struct Amount {
        double value = 0;
        std::size_t begin = 0;
    };

    std::optional<Amount> amount_before(std::string_view text, std::size_t unit_begin) const;
    Tie tie_of(std::string_view text, const Amount& amount, std::size_t unit_end) const;
    bool total_near(std::string_view text, std::size_t amount_begin, std::size_t unit_end) const;
    bool in(const std::unordered_set<std::string>& words, std::string_view word) const {
        return words.contains(std::string(word));
    }

    std::vector<double> weeks_per_unit_;  // by matcher tag
    PhraseMatcher units_{Case::insensitive};
    std::unordered_set<std::string> study_words_;
    std::unordered_set<std::string> lead_words_;
    std::unordered_set<std::string> total_words_;
    std::unordered_set<std::string> not_bridging_;
    std::unordered_set<std::string> not_after_;
    std::unordered_set<std::string> not_before_;
    std::unordered_set<std::string> not_for_designs_;
};

}  // namespace ldn::annotators
