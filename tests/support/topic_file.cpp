#include "tests/support/topic_file.hpp"

#include <fstream>

namespace ldn::test {

std::string write_topic_file(const std::filesystem::path& folder) {
    auto path = folder / "topic.json";
    std::ofstream(path) << R"({"name": "cli-test", "window": {"years": 30},
        "blocks": [{"name": "drug", "terms": ["naltrexone[tiab]"]}]})";
    return path.string();
}

}  // namespace ldn::test
