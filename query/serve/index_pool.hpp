#pragma once
// The server's readers. A Xapian::Database must not be used by two threads at once, and opening one
// costs a file open per table, so each request borrows an open one and gives it back. Borrowing
// reopens it at the newest commit: a refresh's changes are served without a restart.

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

namespace ldn::serve {

class IndexPool {
public:
    // Opens the index once, so that a missing or unreadable one fails at start (ldn::Error).
    // `database` is an index folder or a Xapian stub file listing local or remote shards.
    explicit IndexPool(std::filesystem::path database);

    class Lease {
    public:
        Lease(IndexPool& pool, std::unique_ptr<Xapian::Database> database)
            : pool_(&pool), database_(std::move(database)) {}
        Lease(Lease&&) = default;
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        Xapian::Database& database() { return *database_; }
        // Its connection to a remote shard is broken: it is closed instead of going back to the pool.
        void discard() { database_.reset(); }

    private:
        IndexPool* pool_;
        std::unique_ptr<Xapian::Database> database_;
    };

    // Throws ldn::Error 75 when a remote shard cannot be reached.
    Lease borrow();

private:
    void give_back(std::unique_ptr<Xapian::Database> database);

    std::filesystem::path path_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Xapian::Database>> idle_;
};

}  // namespace ldn::serve
