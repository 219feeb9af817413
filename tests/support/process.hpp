#pragma once
// Runs a program the way a user would (argv, no shell), capturing stdout, stderr and the exit code.

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace ldn::test {

struct ProcessResult {
    int exit_code = -1;  // the status, or 128 + signal when killed by one
    std::string out;
    std::string err;
};

ProcessResult run_process(const std::filesystem::path& program, const std::vector<std::string>& args,
                          const std::vector<std::string>& extra_env = {});

// Starts a program in the background with its output discarded; the caller waits for or kills it.
pid_t spawn_process(const std::filesystem::path& program, const std::vector<std::string>& args);

// A program's argv and environment (ours, then `extra_env`) as execve and posix_spawn take them. A
// caller that forks builds it before fork: in a process with threads the child may only make system
// calls until it execs.
class ExecArguments {
public:
    ExecArguments(const std::filesystem::path& program, const std::vector<std::string>& args,
                  const std::vector<std::string>& extra_env = {});
    ExecArguments(const ExecArguments&) = delete;  // argv() and envp() point into the strings
    ExecArguments& operator=(const ExecArguments&) = delete;

    const char* program() const { return argv_[0]; }
    char* const* argv() const { return argv_.data(); }
    char* const* envp() const { return envp_.data(); }

private:
    std::vector<std::string> argv_storage_;
    std::vector<std::string> env_storage_;
    std::vector<char*> argv_;
    std::vector<char*> envp_;
};

// For a child started with its stdout and stderr on pipes: reads both read ends until they close
// (closing them), then waits for the child.
ProcessResult wait_for_output(pid_t pid, int out_fd, int err_fd);

// A fresh directory under the system temp folder, removed when the object goes (kept when the
// environment sets LDN_KEEP_TEST_DIRS, to inspect a failing test).
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace ldn::test
