#include "query/cli/messages.hpp"

#include <cstdio>
#include <string>

namespace ldn::cli {

namespace {

void print_line(std::string_view level, std::string_view message) {
    std::string line = "ldn: ";
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

void print_error(std::string_view message) { print_line("error", message); }
void print_warning(std::string_view message) { print_line("warning", message); }
void print_note(std::string_view message) { print_line("", message); }

}  // namespace ldn::cli
