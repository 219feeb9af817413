#pragma once
// The thread that writes one shard: it runs the changes queued for its ShardWriter in order. The queue
// is bounded, so a fast reader waits for the slowest shard instead of holding the input in memory.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

#include "index/shard_writer.hpp"

namespace ldn {

class ShardWorker {
public:
    using Task = std::function<void(ShardWriter&)>;

    ShardWorker(ShardWriter& writer, std::size_t capacity);
    // Stops the thread; changes still queued are dropped (nothing is committed by stopping).
    ~ShardWorker();
    ShardWorker(const ShardWorker&) = delete;
    ShardWorker& operator=(const ShardWorker&) = delete;

    // Queues a change, waiting while the queue is full. Once a change has failed, throws that
    // failure instead, and the shard takes no more changes.
    void submit(Task task);
    // Waits until every queued change is made; throws the failure of one that failed.
    void wait_until_idle();

private:
    void run();
    void throw_if_failed();

    ShardWriter& writer_;
    const std::size_t capacity_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Task> queue_;
    bool busy_ = false;
    bool stopping_ = false;
    std::exception_ptr failure_;
    std::thread thread_;  // declared last: it starts once everything it uses is ready
};

}  // namespace ldn
