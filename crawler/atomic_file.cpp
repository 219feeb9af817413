#include "crawler/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "crawler/errors.hpp"

namespace ldn {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const char* action, int error) {
    throw io_error(path.string() + ": cannot " + action + ": " + std::strerror(error));
}

void write_all(int fd, std::string_view bytes, const std::filesystem::path& path) {
    while (!bytes.empty()) {
        ssize_t written = ::write(fd, bytes.data(), bytes.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            int error = errno;
            ::close(fd);
            ::unlink(path.c_str());
            fail(path, "write", error);
        }
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
}

void sync_folder(const std::filesystem::path& folder) {
    int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) fail(folder, "open folder", errno);
    if (::fsync(fd) != 0 && errno != EINVAL) {
        int error = errno;
        ::close(fd);
        fail(folder, "sync folder", error);
    }
    ::close(fd);
}

std::string gzip(std::string_view bytes) {
    z_stream stream{};
    if (deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        throw io_error("cannot start zlib");
    }
    std::string out;
    out.resize(deflateBound(&stream, static_cast<uLong>(bytes.size())) + 64);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = static_cast<uInt>(bytes.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    int status = deflate(&stream, Z_FINISH);
    deflateEnd(&stream);
    if (status != Z_STREAM_END) throw io_error("cannot compress a batch");
    out.resize(stream.total_out);
    return out;
}

}  // namespace

void create_directories_or_fail(const std::filesystem::path& folder) {
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) throw io_error(folder.string() + ": cannot create folder: " + error.message());
}

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
    std::filesystem::path temporary = path;
    temporary += ".tmp." + std::to_string(::getpid());
    int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) fail(temporary, "create", errno);
    write_all(fd, bytes, temporary);
    if (::fsync(fd) != 0) {
        int error = errno;
        ::close(fd);
        ::unlink(temporary.c_str());
        fail(temporary, "sync", error);
    }
    if (::close(fd) != 0) {
        int error = errno;
        ::unlink(temporary.c_str());
        fail(temporary, "close", error);
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        int error = errno;
        ::unlink(temporary.c_str());
        fail(path, "rename into place", error);
    }
    sync_folder(path.has_parent_path() ? path.parent_path() : std::filesystem::path("."));
}

void write_gzip_atomically(const std::filesystem::path& path, std::string_view bytes) {
    write_file_atomically(path, gzip(bytes));
}

}  // namespace ldn
