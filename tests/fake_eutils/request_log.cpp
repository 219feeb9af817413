#include "tests/fake_eutils/request_log.hpp"

namespace ldn::fake {

std::size_t max_in_any_window(const std::vector<std::chrono::steady_clock::time_point>& sorted,
                              std::chrono::steady_clock::duration width) {
    // The busiest window can be taken to end at an event: slide its end over the events.
    std::size_t best = 0;
    std::size_t first = 0;
    for (std::size_t last = 0; last < sorted.size(); ++last) {
        while (sorted[first] <= sorted[last] - width) ++first;
        best = std::max(best, last - first + 1);
    }
    return best;
}

RequestLog::Arrival RequestLog::arrive(RecordedRequest request) {
    std::lock_guard lock(mutex_);
    request.number = next_number_++;
    request.arrived = std::chrono::steady_clock::now();
    request.wall_time = std::chrono::system_clock::now();
    while (!recent_.empty() && recent_.front() <= request.arrived - window_) recent_.pop_front();
    recent_.push_back(request.arrived);
    const Arrival arrival{request.number, recent_.size()};
    requests_.push_back(std::move(request));
    return arrival;
}

void RequestLog::finish(std::size_t number, int status, bool rate_limited, std::optional<FaultKind> fault,
                        std::size_t body_bytes) {
    std::lock_guard lock(mutex_);
    // Numbers grow with the vector, unless clear() dropped the earlier ones: search from the back.
    for (auto it = requests_.rbegin(); it != requests_.rend(); ++it) {
        if (it->number != number) continue;
        it->status = status;
        it->rate_limited = rate_limited;
        it->fault = fault;
        it->body_bytes = body_bytes;
        return;
    }
}

std::size_t RequestLog::count() const {
    std::lock_guard lock(mutex_);
    return requests_.size();
}

std::vector<RecordedRequest> RequestLog::requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
}

std::size_t RequestLog::max_in_window() const {
    std::lock_guard lock(mutex_);
    std::vector<std::chrono::steady_clock::time_point> times;
    times.reserve(requests_.size());
    for (const RecordedRequest& request : requests_) times.push_back(request.arrived);
    return max_in_any_window(times, window_);
}

std::size_t RequestLog::max_served_in_window() const {
    std::lock_guard lock(mutex_);
    std::vector<std::chrono::steady_clock::time_point> times;
    for (const RecordedRequest& request : requests_)
        if (request.status != 0 && !request.rate_limited && !request.fault) times.push_back(request.arrived);
    return max_in_any_window(times, window_);
}

void RequestLog::clear() {
    std::lock_guard lock(mutex_);
    requests_.clear();  // the rate limit's memory (recent_) stays: time did not restart
}

}  // namespace ldn::fake
