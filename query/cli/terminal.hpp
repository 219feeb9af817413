#pragma once
// Standard output as the reading commands use it, and text laid out in terminal columns. The layout
// functions are pure (text and a width in, text out), so the tests need no terminal.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/errors.hpp"

namespace ldn::cli {

bool stdout_is_terminal();

// The width of the terminal on stdout, else $COLUMNS, else nullopt (the caller picks its default).
std::optional<std::size_t> terminal_columns();

// Thrown by write_stdout when the reader of a pipe went away (`ldn search … | head -1`): nothing is
// wrong, so the command stops without a message.
struct StdoutClosed {};

// Writes at once, so that a long export reaches its reader as it is produced. Throws StdoutClosed on
// a broken pipe, ldn::Error (74) on any other write failure.
void write_stdout(std::string_view text);

// Runs a command's work; a StdoutClosed ends it quietly with exit 0, as ripgrep does.
template <typename Work> ExitCode quiet_on_closed_stdout(Work&& work) {
    try {
        return work();
    } catch (const StdoutClosed&) {
        return ExitCode::ok;
    }
}

// Columns `text` takes on a terminal: one per character, two for East Asian wide characters, none
// for combining marks. Invalid UTF-8 bytes count one each.
std::size_t display_width(std::string_view text);

// `text` when it fits in `width` columns, else its longest prefix that fits with "…" after it.
// Never cuts inside a UTF-8 character.
std::string cut_to_width(std::string_view text, std::size_t width);

// `text` padded with spaces to `width` columns (left-aligned), or on the left (right-aligned).
std::string pad_right(std::string_view text, std::size_t width);
std::string pad_left(std::string_view text, std::size_t width);

// Lines of at most `width` columns, broken at spaces; a word longer than a line stays whole on its
// own line. Runs of whitespace (line breaks included) count as one space.
std::vector<std::string> wrap_text(std::string_view text, std::size_t width);

}  // namespace ldn::cli
