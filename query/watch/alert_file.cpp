#include "query/watch/alert_file.hpp"

#include <nlohmann/json.hpp>

#include "crawler/atomic_file.hpp"
#include "query/export/export_text.hpp"

namespace ldn {

namespace {

nlohmann::ordered_json record_json(const AlertRecord& record) {
    return {{"pmid", record.pmid},
            {"title", record.title},
            {"year", record.year ? nlohmann::ordered_json(*record.year) : nlohmann::ordered_json()},
            {"design", record.design},
            {"conditions", record.conditions},
            {"retracted", record.retracted},
            {"url", pubmed_url(record.pmid)}};
}

}  // namespace

std::string alert_file_text(const std::string& run_id, const std::string& created_iso,
                            const std::vector<WatchAlert>& alerts) {
    nlohmann::ordered_json watches = nlohmann::ordered_json::array();
    for (const WatchAlert& alert : alerts) {
        if (alert.new_records.empty()) continue;
        nlohmann::ordered_json records = nlohmann::ordered_json::array();
        for (const AlertRecord& record : alert.new_records) records.push_back(record_json(record));
        watches.push_back({{"name", alert.name}, {"query", alert.query}, {"new", records}});
    }
    const nlohmann::ordered_json document{{"run_id", run_id}, {"created", created_iso}, {"watches", watches}};
    return document.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void write_alert_file(const std::filesystem::path& path, const std::string& run_id, const std::string& created_iso,
                      const std::vector<WatchAlert>& alerts) {
    create_directories_or_fail(path.parent_path());
    write_file_atomically(path, alert_file_text(run_id, created_iso, alerts));
}

}  // namespace ldn
