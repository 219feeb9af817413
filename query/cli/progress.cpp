#include "query/cli/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace ldn::cli {

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

ProgressLine::ProgressLine(std::string label) : label_(std::move(label)), enabled_(stderr_is_terminal()) {}

ProgressLine::~ProgressLine() { clear(); }

void ProgressLine::update(std::size_t done, std::size_t total) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (drawn_ && done < total && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    constexpr int width = 30;
    int filled = total == 0 ? width : static_cast<int>(static_cast<double>(done) / static_cast<double>(total) * width);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(width, '.');
    int percent = total == 0 ? 100 : static_cast<int>(done * 100 / total);
    std::fprintf(stderr, "\r\033[Kldn: %s [%s] %zu/%zu (%d%%)", label_.c_str(), bar.c_str(), done, total, percent);
    std::fflush(stderr);
    drawn_ = true;
}

void ProgressLine::clear() {
    if (!enabled_ || !drawn_) return;
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    drawn_ = false;
}

}  // namespace ldn::cli
