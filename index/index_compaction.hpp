#pragma once
// Compacting an index: each of its databases (the folder itself, or each shard) rewritten by Xapian's
// compactor with full 64 KiB blocks, then put in place of the original by one atomic exchange of
// names. Writing leaves B-tree blocks part-full and 8 KiB long, so a search reads more blocks through
// more system calls than it needs; on the million-record benchmark the compacted copy answers top-20
// queries about a quarter faster and facet counts about two fifths faster (docs/BENCHMARKS.md).
//
// The copy keeps every document id and the revision, so a reader that still has the old files open
// and one that opens the new ones see the same records: a running `ldn serve` answers throughout.
// The next commit (a refresh) writes into the copy, whose blocks stay 64 KiB.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace ldn {

inline constexpr unsigned compacted_block_size = 64 * 1024;

struct CompactedDatabase {
    std::filesystem::path path;
    std::uintmax_t bytes_before = 0;
    std::uintmax_t bytes_after = 0;
};

// Told as each table of each database starts: the database's number (from 1), how many there are,
// and the table ("postlist", "position", …).
using CompactionProgress = std::function<void(std::size_t database, std::size_t databases, const std::string& table)>;

// Throws ldn::Error (exit 1, saying how to fill it) when there is no index at `index` to compact:
// to check before taking the store's lock, which would create the store folder.
void require_index_to_compact(const std::filesystem::path& index);

// The caller holds the store's lock, so no writer commits meanwhile. Throws ldn::Error: exit 1 when
// there is no index, 74 when a copy cannot be written (too little disk, an I/O error): the database
// being copied is then left as it was, and those already exchanged are compacted.
std::vector<CompactedDatabase> compact_index(const std::filesystem::path& index, const CompactionProgress& progress);

}  // namespace ldn
