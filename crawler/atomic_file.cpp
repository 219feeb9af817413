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

void create_directories_or_fail(const std::filesystem::path& folder) {
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) throw io_error(folder.string() + ": cannot create folder: " + error.message());
}

AtomicFileWriter::AtomicFileWriter(std::filesystem::path path) : path_(std::move(path)) {
    temporary_ = path_;
    temporary_ += ".tmp." + std::to_string(::getpid());
    fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) fail(path_, "create", errno);  // the file the user knows of, not the temporary
}

AtomicFileWriter::~AtomicFileWriter() {
    if (fd_ < 0) return;
    ::close(fd_);
    ::unlink(temporary_.c_str());
}

void AtomicFileWriter::append(std::string_view bytes) {
    while (!bytes.empty()) {
        ssize_t written = ::write(fd_, bytes.data(), bytes.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            fail(path_, "write", errno);
        }
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
}

void AtomicFileWriter::commit() {
    if (::fsync(fd_) != 0) fail(path_, "sync", errno);
    const int fd = fd_;
    fd_ = -1;  // closed below whatever happens; the temporary is removed on failure
    if (::close(fd) != 0) {
        int error = errno;
        ::unlink(temporary_.c_str());
        fail(path_, "close", error);
    }
    if (::rename(temporary_.c_str(), path_.c_str()) != 0) {
        int error = errno;
        ::unlink(temporary_.c_str());
        fail(path_, "rename into place", error);
    }
    sync_folder(path_.has_parent_path() ? path_.parent_path() : std::filesystem::path("."));
}

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
    AtomicFileWriter file(path);
    file.append(bytes);
    file.commit();
}

void write_gzip_atomically(const std::filesystem::path& path, std::string_view bytes) {
    write_file_atomically(path, gzip(bytes));
}

}  // namespace ldn
