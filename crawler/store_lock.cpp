#include "crawler/store_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "crawler/atomic_file.hpp"
#include "crawler/errors.hpp"

namespace ldn {

namespace {

std::string read_holder(int fd) {
    char buffer[32] = {};
    ssize_t got = ::pread(fd, buffer, sizeof buffer - 1, 0);
    std::string pid = got > 0 ? std::string(buffer, static_cast<std::size_t>(got)) : std::string();
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    return pid.empty() ? "unknown" : pid;
}

}  // namespace

StoreLock StoreLock::acquire(const std::filesystem::path& store) {
    create_directories_or_fail(store);
    std::filesystem::path path = store / "lock";
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) throw io_error(path.string() + ": cannot open lock file: " + std::strerror(errno));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int error = errno;
        std::string holder = read_holder(fd);
        ::close(fd);
        if (error == EWOULDBLOCK) {
            throw Error(ExitCode::temporary,
                        "store " + store.string() + " is in use by another ldn run (PID " + holder + "); try again later");
        }
        throw io_error(path.string() + ": cannot lock: " + std::strerror(error));
    }
    std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
        int error = errno;
        ::close(fd);
        throw io_error(path.string() + ": cannot write lock file: " + std::strerror(error));
    }
    return StoreLock(fd);
}

StoreLock::StoreLock(StoreLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }

StoreLock::~StoreLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace ldn
