#pragma once
// alerts/<run-id>.json: the records that newly matched the watches in one refresh, for people and for
// the --notify-cmd hook (mail, chat):
//
//   {"run_id": "20261126T084100Z", "created": "2026-11-26T08:43:12Z",
//    "watches": [{"name": "fm-rct", "query": "condition:fibromyalgia design:rct",
//                 "new": [{"pmid": "90000031", "title": "…", "year": 2026, "design": "rct",
//                          "conditions": ["fibromyalgia"], "retracted": false,
//                          "url": "https://pubmed.ncbi.nlm.nih.gov/90000031/"}]}]}
//
// Only watches with new records are listed; `year` is null when the record has none.

#include <filesystem>
#include <string>
#include <vector>

#include "query/watch/watch_check.hpp"

namespace ldn {

// The file's text (pretty-printed JSON, one key a line, ending with a newline).
std::string alert_file_text(const std::string& run_id, const std::string& created_iso,
                            const std::vector<WatchAlert>& alerts);

// Writes alert_file_text atomically to `path`, creating its folder. Throws ldn::Error (74).
void write_alert_file(const std::filesystem::path& path, const std::string& run_id, const std::string& created_iso,
                      const std::vector<WatchAlert>& alerts);

}  // namespace ldn
