#include "query/cli/summary_sources.hpp"

#include <filesystem>

#include "crawler/topic.hpp"
#include "index/schema.hpp"
#include "query/cli/locations.hpp"
#include "query/summary/vocabulary_conditions.hpp"

namespace ldn::cli {

void add_search_strategy(const Xapian::Database& database, SummaryOptions& options) {
    const std::string topic_name = database.get_metadata(schema::metadata::topic);
    if (topic_name.empty()) return;
    options.topic_name = topic_name;
    const std::filesystem::path file = data_folder() / "topics" / (topic_name + ".json");
    if (std::filesystem::exists(file)) options.search_strategy = load_topic(file).query();
}

std::vector<std::string> vocabulary_conditions() {
    return vocabulary_condition_ids(data_folder() / "vocab" / "conditions.json");
}

}  // namespace ldn::cli
