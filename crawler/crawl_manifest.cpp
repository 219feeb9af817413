#include "crawler/crawl_manifest.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include "crawler/atomic_file.hpp"
#include "crawler/errors.hpp"
#include "crawler/store_layout.hpp"

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

ordered_json windows_json(const std::vector<PlannedWindow>& windows) {
    ordered_json list = ordered_json::array();
    for (const PlannedWindow& planned : windows) list.push_back(window_json(planned));
    return list;
}

Day day_at(const ordered_json& object, const char* key, const std::filesystem::path& path) {
    auto day = Day::parse(object.at(key).get<std::string>());
    if (!day) throw input_error(path.string() + ": '" + key + "' is not a YYYY-MM-DD date");
    return *day;
}

}  // namespace

void CrawlManifest::save(const std::filesystem::path& path) const {
    ordered_json batches_json = ordered_json::array();
    for (const StoredBatch& batch : batches) {
        batches_json.push_back(ordered_json{{"file", batch.file}, {"bytes", batch.bytes}, {"pmids", batch.pmids}});
    }
    ordered_json document{{"run_id", run_id},   {"topic", topic},       {"term", term},
                          {"mode", mode},       {"request", request},   {"started", started},
                          {"finished", finished}, {"planned", planned}, {"complete", complete},
                          {"windows", windows_json(windows)}, {"batches", batches_json}, {"failed", failed},
                          {"lists_topic", lists_topic}, {"listing", windows_json(listing)},
                          {"unstored", unstored}, {"withdrawn", withdrawn}, {"withdrawals_held", withdrawals_held}};
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
        auto read_windows = [&](const ordered_json& list, std::vector<PlannedWindow>& into) {
            for (const auto& window : list) {
                PlannedWindow planned;
                planned.window = SearchWindow{window.at("datetype").get<std::string>(),
                                              day_at(window, "mindate", path), day_at(window, "maxdate", path)};
                planned.count = window.at("count").get<std::size_t>();
                planned.query_translation = window.at("query_translation").get<std::string>();
                planned.ids = window.at("ids").get<std::vector<std::string>>();
                into.push_back(std::move(planned));
            }
        };
        read_windows(document.at("windows"), manifest.windows);
        for (const auto& batch : document.at("batches")) {
            manifest.batches.push_back(StoredBatch{batch.at("file").get<std::string>(),
                                                   batch.at("pmids").get<std::vector<std::string>>(),
                                                   batch.at("bytes").get<std::size_t>()});
        }
        manifest.failed = document.at("failed").get<std::vector<std::string>>();
        manifest.lists_topic = document.at("lists_topic").get<bool>();
        read_windows(document.at("listing"), manifest.listing);
        manifest.unstored = document.at("unstored").get<std::vector<std::string>>();
        manifest.withdrawn = document.at("withdrawn").get<std::vector<std::string>>();
        manifest.withdrawals_held = document.at("withdrawals_held").get<std::vector<std::string>>();
        return manifest;
    } catch (const nlohmann::json::exception& error) {
        throw input_error(path.string() + ": not a crawl manifest: " + error.what());
    }
}

std::vector<std::string> CrawlManifest::topic_pmids() const {
    if (!lists_topic) return {};
    std::unordered_set<std::string> topic;
    for (const PlannedWindow& planned : listing.empty() ? windows : listing) {
        topic.insert(planned.ids.begin(), planned.ids.end());
    }
    for (const std::string& pmid : failed) topic.erase(pmid);
    topic.insert(withdrawals_held.begin(), withdrawals_held.end());
    std::vector<std::string> sorted(topic.begin(), topic.end());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

std::vector<std::string> stored_run_ids(const std::filesystem::path& raw_folder) {
    std::vector<std::string> runs;
    std::error_code error;
    if (!std::filesystem::is_directory(raw_folder, error)) return runs;
    for (const auto& entry : std::filesystem::directory_iterator(raw_folder, error)) {
        if (entry.is_directory() && std::filesystem::exists(entry.path() / "manifest.json")) {
            runs.push_back(entry.path().filename().string());
        }
    }
    std::sort(runs.begin(), runs.end(), run_id_before);
    return runs;
}

std::optional<CrawlManifest> find_unfinished_run(const std::filesystem::path& raw_folder) {
    std::vector<std::string> runs = stored_run_ids(raw_folder);
    if (runs.empty()) return std::nullopt;
    CrawlManifest newest = CrawlManifest::load(raw_folder / runs.back() / "manifest.json");
    // When the newest run finished, older unfinished ones were superseded.
    if (newest.complete) return std::nullopt;
    return newest;
}

}  // namespace ldn
