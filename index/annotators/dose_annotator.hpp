#pragma once
// Naltrexone doses in mg (data/vocab/doses.json). A dose mention is a number, or a range or list of
// numbers ("1.5-4.5 mg", "1.5 to 4.5 mg", "3 and 4.5 mg", "4.5mg", "4.5 milligrams", "4.5 mg/day"),
// followed by a unit. It belongs to naltrexone when the drug named right after it, past filler words,
// is naltrexone ("4.5 mg of LDN"), or, with no drug right after, when the drug named closest before it
// in the record is ("LDN ... titrated to 4.5 mg", not "LDN and amitriptyline 25 mg"). Every
// naltrexone dose written in the record counts, background mentions ("licensed at 50 mg") included.
// A combination product pairs its doses with its drugs in order: "naltrexone/bupropion 32 mg/360 mg"
// gives naltrexone 32 mg.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "index/annotators/phrase_matcher.hpp"
#include "index/annotators/text_document.hpp"

namespace ldn::annotators {

struct Doses {
    std::vector<double> mg;  // ascending, distinct
    std::optional<std::string> dose_class;
};

class DoseAnnotator {
public:
    explicit DoseAnnotator(const std::filesystem::path& file);

    Doses annotate(const TextDocument& document) const;

private:
    enum DrugTag { naltrexone = 0, other_drug = 1 };
    struct DrugMention {
        std::size_t begin = 0;
        std::size_t end = 0;
        bool is_naltrexone = false;
    };
    struct DoseMention {
        std::size_t begin = 0;     // first byte of its first number
        std::size_t unit_end = 0;  // one past the unit (and a "/day")
        std::vector<double> values;
        std::optional<std::size_t> combination_part;  // 0 for "32 mg" in "32 mg/360 mg", 1 for "360 mg"
    };

    std::vector<DrugMention> drug_mentions(const std::string& text) const;
    std::vector<DoseMention> dose_mentions(const std::string& text) const;
    std::optional<std::size_t> accepted_unit_end(const std::string& text, std::size_t unit_end) const;
    std::optional<std::size_t> dose_number_end_after(const std::string& text, std::size_t position) const;
    static const DrugMention* combination_drug(const std::string& text, const DoseMention& dose,
                                               const std::vector<DrugMention>& drugs);
    bool is_naltrexone_dose(const std::string& text, const DoseMention& dose,
                            const std::vector<DrugMention>& drugs) const;
    std::optional<std::string> classify(const std::vector<double>& doses) const;

    PhraseMatcher drugs_{Case::insensitive};
    std::vector<std::string> other_drug_suffixes_;
    std::vector<std::string> units_;
    std::unordered_set<std::string> per_words_;
    std::unordered_set<std::string> fillers_;
    double low_max_mg_ = 5;
    double standard_min_mg_ = 50;
};

}  // namespace ldn::annotators
