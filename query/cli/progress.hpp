#pragma once
// A progress line on stderr, drawn only when stderr is a terminal (cron and pipes see nothing).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace ldn::cli {

class ProgressLine {
public:
    explicit ProgressLine(std::string label);
    ~ProgressLine();
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    // `detail` follows the count, e.g. a rate and the time left.
    void update(std::size_t done, std::size_t total, const std::string& detail = {});
    double seconds_since_start() const;
    // Wipes the line so that a message can be printed cleanly.
    void clear();

private:
    std::string label_;
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point last_draw_{};
};

// "845 records/s, about 3 h 12 min left": the rate over the run so far, and the time left at that
// rate of bytes; without either part while it cannot be known yet.
std::string rate_and_time_left(std::size_t records, double seconds, std::uint64_t bytes_done,
                               std::uint64_t bytes_total);

bool stderr_is_terminal();

}  // namespace ldn::cli
