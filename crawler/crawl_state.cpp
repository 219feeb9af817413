#include "crawler/crawl_state.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "crawler/atomic_file.hpp"
#include "crawler/errors.hpp"

namespace ldn {

void CrawlState::save(const std::filesystem::path& path) const {
    nlohmann::ordered_json document{{"last_success",
                                     {{"topic", topic},
                                      {"term", term},
                                      {"run_id", run_id},
                                      {"until", until.iso()},
                                      {"finished", finished}}}};
    write_file_atomically(path, document.dump(1) + "\n");
}

std::optional<CrawlState> CrawlState::load(const std::filesystem::path& path) {
    if (!std::filesystem::exists(path)) return std::nullopt;
    std::ifstream in(path);
    if (!in) throw io_error(path.string() + ": cannot open");
    std::stringstream text;
    text << in.rdbuf();
    try {
        auto document = nlohmann::json::parse(text.str()).at("last_success");
        CrawlState state;
        state.topic = document.at("topic").get<std::string>();
        state.term = document.at("term").get<std::string>();
        state.run_id = document.at("run_id").get<std::string>();
        state.finished = document.at("finished").get<std::string>();
        auto until = Day::parse(document.at("until").get<std::string>());
        if (!until) throw input_error(path.string() + ": 'until' is not a YYYY-MM-DD date");
        state.until = *until;
        return state;
    } catch (const nlohmann::json::exception& error) {
        throw input_error(path.string() + ": damaged state file: " + error.what());
    }
}

}  // namespace ldn
