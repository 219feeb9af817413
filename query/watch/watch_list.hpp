#pragma once
// Saved searches ("watches"), kept in <store>/watches.json:
//
//   {"watches": [{"name": "fm-rct", "query": "condition:fibromyalgia design:rct",
//                 "added": "2026-11-26T08:41:00Z", "matched": ["90000001", "90000003", …]}]}
//
// `matched` is every PMID the query matched at the last check (a refresh, or `ldn watch add`), in
// numeric order; the next check alerts on the PMIDs not in it. It is null for a watch added before
// the store had an index: its first check only takes that baseline, so the first crawl of a new
// store does not report its whole collection as news.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ldn {

struct Watch {
    std::string name;   // 1-64 characters of A-Z a-z 0-9 . _ -
    std::string query;  // the query language (docs/QUERY.md)
    std::string added;  // when it was added (or replaced), ISO 8601 UTC
    std::optional<std::vector<std::string>> matched;  // sorted by pmid_less; nullopt: never checked

    bool operator==(const Watch&) const = default;
};

// Numeric order of PMIDs held as digit strings ("9" before "10"), the order of `matched`.
bool pmid_less(const std::string& left, const std::string& right);

// Empty when `name` is a valid watch name, else what is wrong with it ("… is not a watch name: …").
std::string watch_name_problem(std::string_view name);

class WatchList {
public:
    // The store's watches; an empty list when the file does not exist yet. Throws ldn::Error: 65
    // naming the file and what is wrong when it is damaged (not JSON, a key missing, a bad or
    // repeated name), 74 when it cannot be read.
    static WatchList load(const std::filesystem::path& file);

    // Written atomically (a temporary, fsync, rename): a crash leaves the old list or the new one.
    // Throws ldn::Error (74).
    void save(const std::filesystem::path& file) const;

    // By name, always in name order.
    const std::vector<Watch>& watches() const { return watches_; }
    std::vector<Watch>& watches() { return watches_; }

    const Watch* find(std::string_view name) const;

    // Adds `watch`, or replaces the one of the same name when `replace`. Throws ldn::Error (2) for an
    // invalid name, or for a name in use without `replace`.
    void add(Watch watch, bool replace);

    // False when no watch has that name.
    bool remove(std::string_view name);

private:
    std::vector<Watch> watches_;
};

}  // namespace ldn
