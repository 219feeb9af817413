#pragma once
// --notify-cmd: the user's hook (mail, chat) run after a refresh wrote an alert file.
//
// The command is shell text, run as `/bin/sh -c 'CMD "$@"' ldn-notify ALERT_FILE`: the file's path
// arrives as its last argument (`$1` in a script, appended to a plain command line, and quoted, so a
// path with spaces or quotes is one argument) and in the environment as LDN_ALERT_FILE. The rest of
// the environment is ldn's own (the command is the user's: NCBI_API_KEY is theirs to see). Standard
// input is /dev/null, so a command waiting for input cannot hang a nightly job; its standard output
// goes to ldn's standard error, so it cannot mix with the alert lines ldn prints on standard output.
// Signals are as a fresh process has them (SIGPIPE restored even when ldn's caller ignored it).

#include <chrono>
#include <filesystem>
#include <string>

namespace ldn {

// How long a hook may run before it is stopped: a hung mail command must not hold the store lock
// (and so block every later refresh) for ever.
inline constexpr std::chrono::seconds default_notify_timeout{300};

struct NotifyOutcome {
    // The command's exit status; 128 + N when signal N ended it; -1 when it never ran or timed out.
    int exit_status = -1;
    // Empty on success (status 0), else the reason for the caller's warning: "exited with status 3",
    // "was killed by signal 9 (Killed)", "timed out after 300 s and was stopped",
    // "could not be started: /bin/sh: No such file or directory".
    std::string failure;

    bool ok() const { return failure.empty(); }
};

// Runs `command` with `alert_file` and waits for it (at most `timeout`; then its whole process group
// gets SIGTERM, and SIGKILL 5 s later). Never throws for the command's own failures.
NotifyOutcome run_notify_command(const std::string& command, const std::filesystem::path& alert_file,
                                 std::chrono::milliseconds timeout = default_notify_timeout);

}  // namespace ldn
