#include "crawler/run_report.hpp"

#include <chrono>
#include <ctime>

#include "crawler/atomic_file.hpp"

namespace ldn {

void write_run_report(const StoreLayout& store, const std::string& run_id, const nlohmann::ordered_json& report) {
    create_directories_or_fail(store.runs());
    write_file_atomically(store.run_report(run_id), report.dump(1) + "\n");
}

std::string utc_now_iso() {
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

}  // namespace ldn
