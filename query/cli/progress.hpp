#pragma once
// A progress line on stderr, drawn only when stderr is a terminal (cron and pipes see nothing).

#include <chrono>
#include <cstddef>
#include <string>

namespace ldn::cli {

class ProgressLine {
public:
    explicit ProgressLine(std::string label);
    ~ProgressLine();
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    void update(std::size_t done, std::size_t total);
    // Wipes the line so that a message can be printed cleanly.
    void clear();

private:
    std::string label_;
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point last_draw_{};
};

bool stderr_is_terminal();

}  // namespace ldn::cli
