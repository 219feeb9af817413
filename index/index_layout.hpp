#pragma once
// How an index folder holds its records: one Xapian database, or N shards beside a Xapian stub file
// named XAPIANDB that lists them. Xapian opens a folder holding that stub as all of its shards, so
// every reader opens either layout the same way; only writing needs to know which it is.

#include <cstddef>
#include <filesystem>
#include <string_view>
#include <vector>

namespace ldn {

inline constexpr std::size_t max_shards = 64;

// 0 when there is no index yet (no folder, or one a killed run left before its first commit), 1 for
// a single database, N for a sharded index. Throws ldn::Error (exit 65) for a stub ldn did not write.
std::size_t existing_shards(const std::filesystem::path& index);

// The databases of an index of `shards` shards: the folder itself for one, else index/shard-1 … N.
std::vector<std::filesystem::path> shard_paths(const std::filesystem::path& index, std::size_t shards);

// Writes index/XAPIANDB listing shard-1 … shard-N, atomically.
void write_shard_stub(const std::filesystem::path& index, std::size_t shards);

// The shard a record belongs to: FNV-1a of its PMID, so the split never depends on the order of
// ingest or on the machine.
std::size_t shard_of(std::string_view pmid, std::size_t shards);

}  // namespace ldn
