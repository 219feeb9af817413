#pragma once
// Writing a file so that a crash, a kill or a full disk never leaves a half-written one under the
// final name: write a temporary beside it, fsync, rename over, fsync the folder.

#include <filesystem>
#include <string_view>

namespace ldn {

// The same, for output too large to hold in memory (an export of every match): append as it comes,
// then commit. Destroyed without commit() (an error, an exception), it removes the temporary and the
// final name is untouched. Every method throws ldn::Error (exit 74) naming the path and the reason.
class AtomicFileWriter {
public:
    explicit AtomicFileWriter(std::filesystem::path path);
    ~AtomicFileWriter();
    AtomicFileWriter(const AtomicFileWriter&) = delete;
    AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

    void append(std::string_view bytes);
    void commit();  // fsync, rename over the final name, fsync the folder

private:
    std::filesystem::path path_;
    std::filesystem::path temporary_;
    int fd_ = -1;
};

// Throws ldn::Error (exit 74) naming the path and the system's reason.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

// The same, gzip-compressed.
void write_gzip_atomically(const std::filesystem::path& path, std::string_view bytes);

// Makes the folder's entries (a rename into it) durable; exit 74 on failure.
void sync_folder(const std::filesystem::path& folder);

// Creates the folder and its parents; exit 74 on failure.
void create_directories_or_fail(const std::filesystem::path& folder);

}  // namespace ldn
