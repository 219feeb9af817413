#include "query/summary/vocabulary_conditions.hpp"

#include "index/annotators/vocabulary_file.hpp"

namespace ldn {

std::vector<std::string> vocabulary_condition_ids(const std::filesystem::path& conditions_file) {
    const annotators::VocabularyFile file(conditions_file);
    const nlohmann::json& conditions = file.array_member(file.root(), "conditions", "conditions", false);
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < conditions.size(); ++i) {
        ids.push_back(file.string_member(conditions[i], "id", annotators::indexed("conditions", i)));
    }
    return ids;
}

}  // namespace ldn
