#include "query/cli/progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace ldn::cli {

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

ProgressLine::ProgressLine(std::string label) : label_(std::move(label)), enabled_(stderr_is_terminal()) {}

ProgressLine::~ProgressLine() { clear(); }

void ProgressLine::update(std::size_t done, std::size_t total, const std::string& detail) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (drawn_ && done < total && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    constexpr int width = 30;
    int filled = total == 0 ? width : static_cast<int>(static_cast<double>(done) / static_cast<double>(total) * width);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(width, '.');
    int percent = total == 0 ? 100 : static_cast<int>(done * 100 / total);
    std::fprintf(stderr, "\r\033[Kldn: %s [%s] %zu/%zu (%d%%)%s%s", label_.c_str(), bar.c_str(), done, total, percent,
                 detail.empty() ? "" : " ", detail.c_str());
    std::fflush(stderr);
    drawn_ = true;
}

double ProgressLine::seconds_since_start() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

std::string rate_and_time_left(std::size_t records, double seconds, std::uint64_t bytes_done,
                               std::uint64_t bytes_total) {
    // Under a second the rate says more about start-up than about the run.
    if (seconds < 1.0 || records == 0) return {};
    std::string text = std::to_string(static_cast<std::uint64_t>(static_cast<double>(records) / seconds)) + " records/s";
    if (bytes_done == 0 || bytes_done >= bytes_total) return text;
    const auto left = static_cast<std::uint64_t>(
        seconds * static_cast<double>(bytes_total - bytes_done) / static_cast<double>(bytes_done) + 0.5);
    text += ", about ";
    if (left < 60) {
        text += std::to_string(left) + " s";
    } else if (left < 3600) {
        text += std::to_string((left + 30) / 60) + " min";
    } else {
        const std::uint64_t minutes = (left + 30) / 60;
        text += std::to_string(minutes / 60) + " h " + std::to_string(minutes % 60) + " min";
    }
    return text + " left";
}

void ProgressLine::clear() {
    if (!enabled_ || !drawn_) return;
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    drawn_ = false;
}

}  // namespace ldn::cli
