#include "query/cli/messages.hpp"

#include <cstdio>
#include <ctime>
#include <string>

namespace ldn::cli {

namespace {

bool stamp_lines = false;

std::string utc_stamp() {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ ", &utc);
    return text;
}

void print_line(std::string_view level, std::string_view message) {
    std::string line = stamp_lines ? utc_stamp() : std::string();
    line += "ldn: ";
    if (!level.empty()) {
        line += level;
        line += ": ";
    }
    // A message is one line: newlines from foreign text (a server's error body) would split it.
    for (char c : message) line += (c == '\n' || c == '\r') ? ' ' : c;
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace

void set_message_timestamps(bool on) { stamp_lines = on; }

void print_error(std::string_view message) { print_line("error", message); }
void print_warning(std::string_view message) { print_line("warning", message); }
void print_note(std::string_view message) { print_line("", message); }

}  // namespace ldn::cli
