#include "crawler/store_layout.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace ldn {

namespace {

// A run id as the store layout makes it: the timestamp, then "-N" for the N-th run of that second
// (the first has no suffix, so it counts as 1).
struct RunIdParts {
    std::string_view stamp;
    unsigned long long sequence = 1;
    std::string_view unparsed_suffix;  // a suffix that is not a number: compared as text, after numbers
};

RunIdParts split_run_id(std::string_view id) {
    RunIdParts parts;
    const std::size_t dash = id.find('-');
    parts.stamp = id.substr(0, dash);
    if (dash == std::string_view::npos) return parts;
    const std::string_view suffix = id.substr(dash + 1);
    const auto [end, error] = std::from_chars(suffix.data(), suffix.data() + suffix.size(), parts.sequence);
    if (error != std::errc() || end != suffix.data() + suffix.size()) parts.unparsed_suffix = suffix;
    return parts;
}

}  // namespace

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

bool run_id_before(std::string_view a, std::string_view b) {
    const RunIdParts left = split_run_id(a);
    const RunIdParts right = split_run_id(b);
    if (left.stamp != right.stamp) return left.stamp < right.stamp;
    const bool left_numbered = left.unparsed_suffix.empty();
    const bool right_numbered = right.unparsed_suffix.empty();
    if (left_numbered != right_numbered) return left_numbered;
    if (!left_numbered) return left.unparsed_suffix < right.unparsed_suffix;
    return left.sequence < right.sequence;
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
