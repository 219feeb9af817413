#pragma once
// How many bytes a folder of the store holds (an index, the raw batches).

#include <cstdint>
#include <filesystem>

namespace ldn {

// Bytes of every regular file under `path` (or of `path` itself: a sharded index's stub is a file).
// Files that vanish while they are counted (a commit replacing them) are simply not counted.
std::uintmax_t bytes_under(const std::filesystem::path& path);

}  // namespace ldn
