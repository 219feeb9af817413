#pragma once
// state.json: the last successful crawl of a store. It drives the next incremental window.

#include <filesystem>
#include <optional>
#include <string>

#include "crawler/calendar.hpp"

namespace ldn {

struct CrawlState {
    std::string topic;     // the topic's name
    std::string term;      // the PubMed term it searched: a changed strategy needs a full crawl
    std::string run_id;
    Day until;             // the last day the successful run covered
    std::string finished;  // ISO 8601 UTC

    void save(const std::filesystem::path& path) const;
    // nullopt when there is no state yet; ldn::Error (exit 65) when the file is damaged.
    static std::optional<CrawlState> load(const std::filesystem::path& path);
};

}  // namespace ldn
