#include "query/cli/terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace ldn::cli {

namespace {

constexpr std::string_view ellipsis = "\u2026";

struct CodePoint {
    char32_t value = 0;
    std::size_t bytes = 1;
};

// One UTF-8 character at the start of `text`; an invalid byte stands for itself (as U+FFFD, width 1).
CodePoint next_code_point(std::string_view text) {
    const auto lead = static_cast<unsigned char>(text[0]);
    std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || length > text.size()) return {0xFFFD, 1};
    char32_t value = length == 1 ? lead : length == 2 ? (lead & 0x1F) : length == 3 ? (lead & 0x0F) : (lead & 0x07);
    for (std::size_t i = 1; i < length; ++i) {
        const auto next = static_cast<unsigned char>(text[i]);
        if ((next >> 6) != 0x2) return {0xFFFD, 1};
        value = (value << 6) | (next & 0x3F);
    }
    return {value, length};
}

bool is_combining(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
           (c >= 0x200B && c <= 0x200F) || (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}

bool is_wide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) || (c >= 0x20000 && c <= 0x3FFFD);
}

std::size_t code_point_width(char32_t c) {
    if (is_combining(c)) return 0;
    return is_wide(c) ? 2 : 1;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) ++i;
        std::size_t start = i;
        while (i < text.size() && !is_space(text[i])) ++i;
        if (i > start) words.push_back(text.substr(start, i - start));
    }
    return words;
}

}  // namespace

bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) == 1; }

std::optional<std::size_t> terminal_columns() {
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    const char* columns = std::getenv("COLUMNS");
    if (columns == nullptr) return std::nullopt;
    std::size_t value = 0;
    const char* end = columns + std::strlen(columns);
    auto [rest, error] = std::from_chars(columns, end, value);
    if (error != std::errc() || rest != end || value == 0) return std::nullopt;
    return value;
}

void write_stdout(std::string_view text) {
    if (std::fwrite(text.data(), 1, text.size(), stdout) == text.size() && std::fflush(stdout) == 0) return;
    if (errno == EPIPE) throw StdoutClosed{};
    throw io_error(std::string("cannot write to standard output: ") + std::strerror(errno));
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    while (!text.empty()) {
        CodePoint point = next_code_point(text);
        width += code_point_width(point.value);
        text.remove_prefix(point.bytes);
    }
    return width;
}

std::string cut_to_width(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) return std::string(text);
    if (width == 0) return {};
    const std::size_t room = width - 1;  // one column for the ellipsis
    std::size_t used = 0;
    std::size_t kept = 0;
    while (kept < text.size()) {
        CodePoint point = next_code_point(text.substr(kept));
        std::size_t columns = code_point_width(point.value);
        if (used + columns > room) break;
        used += columns;
        kept += point.bytes;
    }
    std::string_view prefix = text.substr(0, kept);
    while (!prefix.empty() && prefix.back() == ' ') prefix.remove_suffix(1);
    return std::string(prefix) + std::string(ellipsis);
}

std::string pad_right(std::string_view text, std::size_t width) {
    std::size_t columns = display_width(text);
    return std::string(text) + std::string(columns < width ? width - columns : 0, ' ');
}

std::string pad_left(std::string_view text, std::size_t width) {
    std::size_t columns = display_width(text);
    return std::string(columns < width ? width - columns : 0, ' ') + std::string(text);
}

std::vector<std::string> wrap_text(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t line_width = 0;
    for (std::string_view word : words_of(text)) {
        std::size_t word_width = display_width(word);
        if (!line.empty() && line_width + 1 + word_width > width) {
            lines.push_back(std::move(line));
            line.clear();
            line_width = 0;
        }
        if (!line.empty()) {
            line += ' ';
            ++line_width;
        }
        line += word;
        line_width += word_width;
    }
    if (!line.empty()) lines.push_back(std::move(line));
    return lines;
}

}  // namespace ldn::cli
