#pragma once
// Writing a file so that a crash, a kill or a full disk never leaves a half-written one under the
// final name: write a temporary beside it, fsync, rename over, fsync the folder.

#include <filesystem>
#include <string_view>

namespace ldn {

// Throws ldn::Error (exit 74) naming the path and the system's reason.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

// The same, gzip-compressed.
void write_gzip_atomically(const std::filesystem::path& path, std::string_view bytes);

// Creates the folder and its parents; exit 74 on failure.
void create_directories_or_fail(const std::filesystem::path& folder);

}  // namespace ldn
