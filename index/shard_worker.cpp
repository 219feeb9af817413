#include "index/shard_worker.hpp"

namespace ldn {

ShardWorker::ShardWorker(ShardWriter& writer, std::size_t capacity)
    : writer_(writer), capacity_(capacity), thread_([this] { run(); }) {}

ShardWorker::~ShardWorker() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        queue_.clear();
    }
    changed_.notify_all();
    thread_.join();
}

void ShardWorker::submit(Task task) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return queue_.size() < capacity_ || failure_; });
    throw_if_failed();
    queue_.push_back(std::move(task));
    changed_.notify_all();
}

void ShardWorker::wait_until_idle() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return (queue_.empty() && !busy_) || failure_; });
    throw_if_failed();
}

void ShardWorker::throw_if_failed() {
    if (failure_) std::rethrow_exception(failure_);
}

void ShardWorker::run() {
    std::unique_lock lock(mutex_);
    while (true) {
        changed_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (stopping_) return;
        Task task = std::move(queue_.front());
        queue_.pop_front();
        busy_ = true;
        changed_.notify_all();  // room in the queue
        lock.unlock();
        std::exception_ptr failure;
        try {
            task(writer_);
        } catch (...) {
            failure = std::current_exception();
        }
        lock.lock();
        busy_ = false;
        if (failure) {
            failure_ = failure;
            queue_.clear();
        }
        changed_.notify_all();
    }
}

}  // namespace ldn
