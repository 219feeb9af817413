#pragma once
// Where things live in a store (DESIGN.md, "Store layout"). Only paths: no I/O.

#include <filesystem>
#include <string>
#include <string_view>

namespace ldn {

class StoreLayout {
public:
    explicit StoreLayout(std::filesystem::path root) : root_(std::move(root)) {}

    const std::filesystem::path& root() const { return root_; }
    std::filesystem::path raw() const { return root_ / "raw"; }
    std::filesystem::path run_raw(const std::string& run_id) const { return raw() / run_id; }
    std::filesystem::path manifest(const std::string& run_id) const { return run_raw(run_id) / "manifest.json"; }
    std::filesystem::path batch(const std::string& run_id, std::size_t number) const;
    std::filesystem::path runs() const { return root_ / "runs"; }
    std::filesystem::path run_report(const std::string& run_id) const { return runs() / (run_id + ".json"); }
    std::filesystem::path state() const { return root_ / "state.json"; }
    std::filesystem::path index() const { return root_ / "index"; }
    std::filesystem::path ingest_log() const { return root_ / "ingest-log.jsonl"; }
    std::filesystem::path watches() const { return root_ / "watches.json"; }
    std::filesystem::path alerts() const { return root_ / "alerts"; }
    std::filesystem::path alert(const std::string& run_id) const { return alerts() / (run_id + ".json"); }

private:
    std::filesystem::path root_;
};

// ${XDG_DATA_HOME:-~/.local/share}/ldn
std::filesystem::path default_store_root();

// A new run id: the UTC time to the second, "20261126T084100Z", unique within the store: the N-th
// run of one second gets "-N" ("20261126T084100Z-2").
std::string new_run_id(const StoreLayout& store);

// Whether run `a` started before run `b`: by time, then by that second's sequence (so "…Z-10"
// comes after "…Z-9", which plain text order gets wrong).
bool run_id_before(std::string_view a, std::string_view b);

}  // namespace ldn
