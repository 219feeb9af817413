#include "crawler/crawl_manifest.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "crawler/atomic_file.hpp"
#include "crawler/errors.hpp"

namespace ldn {

namespace {

using nlohmann::ordered_json;

ordered_json window_json(const PlannedWindow& planned) {
    return ordered_json{{"datetype", planned.window.datetype},
                        {"mindate", planned.window.min.iso()},
                        {"maxdate", planned.window.max.iso()},
                        {"count", planned.count},
                        {"query_translation", planned.query_translation},
                        {"ids", planned.ids}};
}

Day day_at(const ordered_json& object, const char* key, const std::filesystem::path& path) {
    auto day = Day::parse(object.at(key).get<std::string>());
    if (!day) throw input_error(path.string() + ": '" + key + "' is not a YYYY-MM-DD date");
    return *day;
}

}  // namespace

void CrawlManifest::save(const std::filesystem::path& path) const {
    ordered_json windows_json = ordered_json::array();
    for (const PlannedWindow& planned : windows) windows_json.push_back(window_json(planned));
    ordered_json batches_json = ordered_json::array();
    for (const StoredBatch& batch : batches) {
        batches_json.push_back(ordered_json{{"file", batch.file}, {"bytes", batch.bytes}, {"pmids", batch.pmids}});
    }
    ordered_json document{{"run_id", run_id},   {"topic", topic},       {"term", term},
                          {"mode", mode},       {"request", request},   {"started", started},
                          {"finished", finished}, {"planned", planned}, {"complete", complete},
                          {"windows", windows_json}, {"batches", batches_json}, {"failed", failed}};
    write_file_atomically(path, document.dump(1) + "\n");
}

CrawlManifest CrawlManifest::load(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw io_error(path.string() + ": cannot open");
    std::stringstream text;
    text << in.rdbuf();
    try {
        ordered_json document = ordered_json::parse(text.str());
        CrawlManifest manifest;
        manifest.run_id = document.at("run_id").get<std::string>();
        manifest.topic = document.at("topic").get<std::string>();
        manifest.term = document.at("term").get<std::string>();
        manifest.mode = document.at("mode").get<std::string>();
        manifest.request = document.at("request").get<std::string>();
        manifest.started = document.at("started").get<std::string>();
        manifest.finished = document.at("finished").get<std::string>();
        manifest.planned = document.at("planned").get<bool>();
        manifest.complete = document.at("complete").get<bool>();
        for (const auto& window : document.at("windows")) {
            PlannedWindow planned;
            planned.window = SearchWindow{window.at("datetype").get<std::string>(), day_at(window, "mindate", path),
                                          day_at(window, "maxdate", path)};
            planned.count = window.at("count").get<std::size_t>();
            planned.query_translation = window.at("query_translation").get<std::string>();
            planned.ids = window.at("ids").get<std::vector<std::string>>();
            manifest.windows.push_back(std::move(planned));
        }
        for (const auto& batch : document.at("batches")) {
            manifest.batches.push_back(StoredBatch{batch.at("file").get<std::string>(),
                                                   batch.at("pmids").get<std::vector<std::string>>(),
                                                   batch.at("bytes").get<std::size_t>()});
        }
        manifest.failed = document.at("failed").get<std::vector<std::string>>();
        return manifest;
    } catch (const nlohmann::json::exception& error) {
        throw input_error(path.string() + ": not a crawl manifest: " + error.what());
    }
}

std::optional<CrawlManifest> find_unfinished_run(const std::filesystem::path& raw_folder) {
    std::error_code error;
    if (!std::filesystem::is_directory(raw_folder, error)) return std::nullopt;
    std::vector<std::filesystem::path> runs;
    for (const auto& entry : std::filesystem::directory_iterator(raw_folder, error)) {
        if (entry.is_directory() && std::filesystem::exists(entry.path() / "manifest.json")) runs.push_back(entry.path());
    }
    // Run ids are UTC timestamps, so names sort by time.
    std::sort(runs.begin(), runs.end());
    for (auto run = runs.rbegin(); run != runs.rend(); ++run) {
        CrawlManifest manifest = CrawlManifest::load(*run / "manifest.json");
        if (!manifest.complete) return manifest;
        return std::nullopt;  // the newest run finished: older unfinished ones were superseded
    }
    return std::nullopt;
}

}  // namespace ldn
