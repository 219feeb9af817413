#include "query/watch/notify_command.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

extern char** environ;

namespace ldn {

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* shell = "/bin/sh";
constexpr std::string_view alert_file_variable = "LDN_ALERT_FILE";
constexpr std::string_view api_key_assignment = "NCBI_API_KEY=";
// Between SIGTERM and SIGKILL: time for a mail client to give up cleanly.
constexpr std::chrono::seconds stop_grace{5};
constexpr std::chrono::milliseconds longest_poll{100};

// ldn's environment for the hook, with the alert file set and the NCBI API key taken out: a hook
// never needs the key, and one that prints its environment would put it into cron mail.
std::vector<std::string> notify_environment(const std::filesystem::path& alert_file) {
    const std::string assignment_prefix = std::string(alert_file_variable) + "=";
    std::vector<std::string> environment;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        std::string_view assignment(*entry);
        if (assignment.starts_with(assignment_prefix) || assignment.starts_with(api_key_assignment)) continue;
        environment.emplace_back(assignment);
    }
    environment.push_back(assignment_prefix + alert_file.string());
    return environment;
}

// The argv/envp form posix_spawn wants; points into `texts`, which must outlive it.
std::vector<char*> c_strings(std::vector<std::string>& texts) {
    std::vector<char*> pointers;
    for (std::string& text : texts) pointers.push_back(text.data());
    pointers.push_back(nullptr);
    return pointers;
}

std::string duration_text(std::chrono::milliseconds duration) {
    if (duration.count() % 1000 == 0) return std::to_string(duration.count() / 1000) + " s";
    return std::to_string(duration.count()) + " ms";
}

enum class WaitResult { ended, timed_out, lost };

// Waits for `pid` until `deadline`, polling: a child's end raises no event we could wait on with a
// timeout without taking over SIGCHLD for the whole process.
WaitResult wait_until(pid_t pid, Clock::time_point deadline, int& status) {
    std::chrono::milliseconds pause{1};
    while (true) {
        const pid_t ended = ::waitpid(pid, &status, WNOHANG);
        if (ended == pid) return WaitResult::ended;
        if (ended < 0 && errno != EINTR) return WaitResult::lost;  // ECHILD: SIGCHLD is ignored, the child reaped
        const Clock::time_point now = Clock::now();
        if (now >= deadline) return WaitResult::timed_out;
        std::this_thread::sleep_for(std::min<Clock::duration>(pause, deadline - now));
        pause = std::min(pause * 2, longest_poll);
    }
}

NotifyOutcome outcome_of(int status) {
    NotifyOutcome outcome;
    if (WIFEXITED(status)) {
        outcome.exit_status = WEXITSTATUS(status);
        if (outcome.exit_status != 0) outcome.failure = "exited with status " + std::to_string(outcome.exit_status);
    } else if (WIFSIGNALED(status)) {
        const int signal_number = WTERMSIG(status);
        outcome.exit_status = 128 + signal_number;
        outcome.failure =
            "was killed by signal " + std::to_string(signal_number) + " (" + ::strsignal(signal_number) + ")";
    }
    return outcome;
}

NotifyOutcome stop_after_timeout(pid_t pid, std::chrono::milliseconds timeout) {
    ::kill(-pid, SIGTERM);
    int status = 0;
    if (wait_until(pid, Clock::now() + stop_grace, status) == WaitResult::timed_out) {
        ::kill(-pid, SIGKILL);
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
    return {-1, "timed out after " + duration_text(timeout) + " and was stopped"};
}

// Attributes for a fresh process: default signal dispositions and an empty mask (ldn's caller may
// have ignored SIGPIPE, and ignored signals survive exec), and a process group of its own, so a
// timeout stops the command's children too.
struct SpawnAttributes {
    posix_spawnattr_t attributes;
    SpawnAttributes() {
        posix_spawnattr_init(&attributes);
        sigset_t all;
        sigfillset(&all);
        sigset_t none;
        sigemptyset(&none);
        posix_spawnattr_setsigdefault(&attributes, &all);
        posix_spawnattr_setsigmask(&attributes, &none);
        posix_spawnattr_setpgroup(&attributes, 0);
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP);
    }
    ~SpawnAttributes() { posix_spawnattr_destroy(&attributes); }
    SpawnAttributes(const SpawnAttributes&) = delete;
    SpawnAttributes& operator=(const SpawnAttributes&) = delete;
};

// Standard input from /dev/null; standard output onto standard error.
struct SpawnFileActions {
    posix_spawn_file_actions_t actions;
    SpawnFileActions() {
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_adddup2(&actions, STDERR_FILENO, STDOUT_FILENO);
    }
    ~SpawnFileActions() { posix_spawn_file_actions_destroy(&actions); }
    SpawnFileActions(const SpawnFileActions&) = delete;
    SpawnFileActions& operator=(const SpawnFileActions&) = delete;
};

}  // namespace

NotifyOutcome run_notify_command(const std::string& command, const std::filesystem::path& alert_file,
                                 std::chrono::milliseconds timeout) {
    // `"$@"` after the user's text appends the path as one more, properly quoted, argument.
    std::vector<std::string> arguments{shell, "-c", command + " \"$@\"", "ldn-notify", alert_file.string()};
    std::vector<std::string> environment = notify_environment(alert_file);
    std::vector<char*> argv = c_strings(arguments);
    std::vector<char*> envp = c_strings(environment);
    const SpawnAttributes attributes;
    const SpawnFileActions file_actions;

    pid_t pid = 0;
    const int error =
        ::posix_spawn(&pid, shell, &file_actions.actions, &attributes.attributes, argv.data(), envp.data());
    if (error != 0) return {-1, std::string("could not be started: ") + shell + ": " + std::strerror(error)};

    int status = 0;
    const WaitResult waited = wait_until(pid, Clock::now() + timeout, status);
    if (waited == WaitResult::timed_out) return stop_after_timeout(pid, timeout);
    if (waited == WaitResult::lost) return {-1, "ended with an unknown status (SIGCHLD is ignored)"};
    return outcome_of(status);
}

}  // namespace ldn
