#include "crawler/byte_source.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

#include "crawler/errors.hpp"

namespace ldn {

namespace {

// Where compressed-or-not bytes come from: a file descriptor or caller-owned memory.
class RawInput {
public:
    virtual ~RawInput() = default;
    virtual std::size_t read_raw(char* buffer, std::size_t size) = 0;
};

class FileInput final : public RawInput {
public:
    FileInput(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}
    ~FileInput() override { ::close(fd_); }
    FileInput(const FileInput&) = delete;
    FileInput& operator=(const FileInput&) = delete;

    std::size_t read_raw(char* buffer, std::size_t size) override {
        for (;;) {
            ssize_t got = ::read(fd_, buffer, size);
            if (got >= 0) return static_cast<std::size_t>(got);
            if (errno != EINTR) throw io_error(name_ + ": cannot read: " + std::strerror(errno));
        }
    }

private:
    int fd_;
    std::string name_;
};

class MemoryInput final : public RawInput {
public:
    explicit MemoryInput(std::string_view bytes) : bytes_(bytes) {}
    std::size_t read_raw(char* buffer, std::size_t size) override {
        std::size_t count = std::min(size, bytes_.size());
        std::memcpy(buffer, bytes_.data(), count);
        bytes_.remove_prefix(count);
        return count;
    }

private:
    std::string_view bytes_;
};

// Detects gzip by its magic bytes and inflates it (all members of a multi-member file); passes any
// other content through unchanged, so a file's name never decides how it is read.
class DecodingSource final : public ByteSource {
public:
    DecodingSource(std::unique_ptr<RawInput> input, std::string name)
        : input_(std::move(input)), name_(std::move(name)) {}

    ~DecodingSource() override {
        if (inflating_) inflateEnd(&stream_);
    }
    DecodingSource(const DecodingSource&) = delete;
    DecodingSource& operator=(const DecodingSource&) = delete;

    const std::string& name() const override { return name_; }
    std::uint64_t input_position() const override { return raw_read_ - (pending_ - consumed_); }

    std::size_t read(char* buffer, std::size_t size) override {
        if (!sniffed_) sniff();
        if (!gzip_) return read_plain(buffer, size);
        return read_gzip(buffer, size);
    }

private:
    void sniff() {
        sniffed_ = true;
        refill();
        gzip_ = pending_ >= 2 && static_cast<unsigned char>(raw_[0]) == 0x1f &&
                static_cast<unsigned char>(raw_[1]) == 0x8b;
        if (gzip_) start_member();
    }

    bool refill() {
        if (raw_eof_) return false;
        pending_ = input_->read_raw(raw_.data(), raw_.size());
        raw_read_ += pending_;
        consumed_ = 0;
        raw_eof_ = pending_ == 0;
        return !raw_eof_;
    }

    std::size_t read_plain(char* buffer, std::size_t size) {
        if (consumed_ == pending_ && !refill()) return 0;
        std::size_t count = std::min(size, pending_ - consumed_);
        std::memcpy(buffer, raw_.data() + consumed_, count);
        consumed_ += count;
        return count;
    }

    void start_member() {
        stream_ = z_stream{};
        if (inflateInit2(&stream_, 15 + 16) != Z_OK) throw io_error(name_ + ": cannot start zlib");
        inflating_ = true;
    }

    std::size_t read_gzip(char* buffer, std::size_t size) {
        const auto wanted = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
        stream_.next_out = reinterpret_cast<Bytef*>(buffer);
        stream_.avail_out = wanted;
        while (!finished_ && stream_.avail_out == wanted) {
            if (consumed_ == pending_ && !refill()) {
                throw input_error(name_ + ": gzip data ends early (truncated file) at compressed byte " +
                                  std::to_string(member_offset_ + stream_.total_in));
            }
            stream_.next_in = reinterpret_cast<Bytef*>(raw_.data() + consumed_);
            stream_.avail_in = static_cast<uInt>(pending_ - consumed_);
            int status = inflate(&stream_, Z_NO_FLUSH);
            consumed_ = pending_ - stream_.avail_in;
            if (status == Z_STREAM_END) {
                member_offset_ += stream_.total_in;
                inflateEnd(&stream_);
                inflating_ = false;
                if (more_members()) {
                    start_member();
                } else {
                    finished_ = true;
                }
            } else if (status != Z_OK && status != Z_BUF_ERROR) {
                throw input_error(name_ + ": corrupt gzip data at compressed byte " +
                                  std::to_string(member_offset_ + stream_.total_in) + ": " +
                                  (stream_.msg != nullptr ? stream_.msg : "inflate failed"));
            }
        }
        return wanted - stream_.avail_out;
    }

    // Another gzip member follows when input remains; trailing zero padding is tolerated.
    bool more_members() {
        for (;;) {
            while (consumed_ < pending_) {
                if (raw_[consumed_] != 0) return true;
                ++consumed_;
            }
            if (!refill()) return false;
        }
    }

    std::unique_ptr<RawInput> input_;
    std::string name_;
    std::array<char, 1 << 18> raw_{};
    std::size_t pending_ = 0;
    std::size_t consumed_ = 0;
    std::uint64_t raw_read_ = 0;
    bool raw_eof_ = false;
    bool sniffed_ = false;
    bool gzip_ = false;
    bool inflating_ = false;
    bool finished_ = false;
    std::uint64_t member_offset_ = 0;
    z_stream stream_{};
};

}  // namespace

std::unique_ptr<ByteSource> open_file_source(const std::filesystem::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw io_error(path.string() + ": cannot open: " + std::strerror(errno));
    return std::make_unique<DecodingSource>(std::make_unique<FileInput>(fd, path.string()),
                                            path.string());
}

std::unique_ptr<ByteSource> stdin_source() {
    int fd = ::dup(STDIN_FILENO);
    if (fd < 0) throw io_error(std::string("<stdin>: cannot read: ") + std::strerror(errno));
    return std::make_unique<DecodingSource>(std::make_unique<FileInput>(fd, "<stdin>"), "<stdin>");
}

std::unique_ptr<ByteSource> memory_source(std::string_view bytes, std::string name) {
    return std::make_unique<DecodingSource>(std::make_unique<MemoryInput>(bytes), std::move(name));
}

}  // namespace ldn
