#include "query/summary/dose_profile.hpp"

#include <algorithm>

namespace ldn {

DoseProfile dose_profile(const std::vector<std::vector<double>>& doses_per_record) {
    DoseProfile profile;
    std::vector<double> every_dose;
    for (const std::vector<double>& doses : doses_per_record) {
        if (doses.empty()) continue;
        ++profile.studies_with_dose;
        std::vector<double> distinct = doses;
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        for (double dose : distinct) {
            ++profile.studies_per_dose[dose];
            every_dose.push_back(dose);
        }
    }
    if (every_dose.empty()) return profile;

    std::sort(every_dose.begin(), every_dose.end());
    profile.lowest = every_dose.front();
    profile.highest = every_dose.back();
    const std::size_t middle = every_dose.size() / 2;
    profile.median =
        every_dose.size() % 2 == 1 ? every_dose[middle] : (every_dose[middle - 1] + every_dose[middle]) / 2;
    // The map is ordered by dose, so the first dose with the highest count is the smallest on a tie.
    std::size_t most = 0;
    for (const auto& [dose, studies] : profile.studies_per_dose) {
        if (studies > most) {
            most = studies;
            profile.most_common = dose;
        }
    }
    return profile;
}

}  // namespace ldn
