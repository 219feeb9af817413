#pragma once
// Sequential byte input for the record splitter: a file (plain or gzip, detected by content, not by
// name) or a block of memory. Reading never holds more than the caller's buffer.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace ldn {

class ByteSource {
public:
    virtual ~ByteSource() = default;
    // Fills up to `size` bytes; returns 0 only at the end. Throws ldn::Error on a read failure
    // (exit 74) or corrupt/truncated gzip data (exit 65).
    virtual std::size_t read(char* buffer, std::size_t size) = 0;
    // How the source names itself in messages (the file path, or "<memory>").
    virtual const std::string& name() const = 0;
    // How many bytes of the file (compressed bytes for gzip) have been read: how far through it
    // reading is, for progress and the time left.
    virtual std::uint64_t input_position() const = 0;
};

// Opens a file; throws ldn::Error (exit 74) naming the file and the system's reason when it cannot.
std::unique_ptr<ByteSource> open_file_source(const std::filesystem::path& path);

// Standard input, named "<stdin>" in messages.
std::unique_ptr<ByteSource> stdin_source();

// Reads bytes the caller keeps alive; gzip data is decompressed like a file's.
std::unique_ptr<ByteSource> memory_source(std::string_view bytes, std::string name = "<memory>");

}  // namespace ldn
