#pragma once
// Messages for people go to stderr, one line each, prefixed with the program name; data goes to
// stdout. Nothing here ever prints a secret: callers pass text that is already redacted.

#include <string_view>

namespace ldn::cli {

// Unattended jobs (a refresh under cron or systemd) stamp each line with the UTC time, so a log
// collected from stderr says when things happened. Off by default.
void set_message_timestamps(bool on);

void print_error(std::string_view message);
void print_warning(std::string_view message);
// A plain line ("ldn: crawl …: 12 fetched"): summaries and --verbose detail.
void print_note(std::string_view message);

}  // namespace ldn::cli
