#pragma once
// One writer at a time per store. The lock is an flock on <store>/lock, so the kernel releases it when
// its holder dies for any reason: a lock "left by a dead process" is simply free. The holder's PID is
// written into the file so a second writer can name it.

#include <filesystem>

namespace ldn {

class StoreLock {
public:
    // Throws ldn::Error: exit 75 naming the holder's PID when another process holds the lock,
    // exit 74 when the lock file cannot be created.
    static StoreLock acquire(const std::filesystem::path& store);

    StoreLock(StoreLock&& other) noexcept;
    StoreLock& operator=(StoreLock&&) = delete;
    StoreLock(const StoreLock&) = delete;
    StoreLock& operator=(const StoreLock&) = delete;
    ~StoreLock();

private:
    explicit StoreLock(int fd) : fd_(fd) {}
    int fd_;
};

}  // namespace ldn
