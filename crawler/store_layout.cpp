#include "crawler/store_layout.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace ldn {

std::filesystem::path StoreLayout::batch(const std::string& run_id, std::size_t number) const {
    char name[32];
    std::snprintf(name, sizeof name, "%04zu.xml.gz", number);
    return run_raw(run_id) / name;
}

std::filesystem::path default_store_root() {
    const char* data_home = std::getenv("XDG_DATA_HOME");
    if (data_home != nullptr && data_home[0] == '/') return std::filesystem::path(data_home) / "ldn";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home != nullptr ? home : ".") / ".local" / "share" / "ldn";
}

std::string new_run_id(const StoreLayout& store) {
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
    std::string id = stamp;
    for (int suffix = 2; std::filesystem::exists(store.run_raw(id)) || std::filesystem::exists(store.run_report(id));
         ++suffix) {
        id = std::string(stamp) + "-" + std::to_string(suffix);
    }
    return id;
}

}  // namespace ldn
