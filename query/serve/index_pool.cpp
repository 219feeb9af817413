#include "query/serve/index_pool.hpp"

#include "index/index_reader.hpp"

namespace ldn::serve {

IndexPool::IndexPool(std::filesystem::path database) : path_(std::move(database)) {
    idle_.push_back(std::make_unique<Xapian::Database>(open_index(path_)));
}

IndexPool::Lease::~Lease() {
    if (database_) pool_->give_back(std::move(database_));
}

IndexPool::Lease IndexPool::borrow() {
    std::unique_ptr<Xapian::Database> database;
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            database = std::move(idle_.back());
            idle_.pop_back();
        }
    }
    if (database) {
        try {
            database->reopen();
        } catch (const Xapian::NetworkError&) {
            // A shard restarted, or closed this idle connection: a new connection will do.
            database.reset();
        }
    }
    if (!database) database = std::make_unique<Xapian::Database>(open_index(path_));
    return Lease(*this, std::move(database));
}

void IndexPool::give_back(std::unique_ptr<Xapian::Database> database) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(database));
}

}  // namespace ldn::serve
