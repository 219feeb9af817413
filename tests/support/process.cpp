#include "tests/support/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <random>
#include <stdexcept>
#include <system_error>

extern char** environ;

namespace ldn::test {

ExecArguments::ExecArguments(const std::filesystem::path& program, const std::vector<std::string>& args,
                             const std::vector<std::string>& extra_env)
    : argv_storage_{program.string()} {
    argv_storage_.insert(argv_storage_.end(), args.begin(), args.end());
    for (auto& arg : argv_storage_) argv_.push_back(arg.data());
    argv_.push_back(nullptr);
    for (char** entry = environ; *entry != nullptr; ++entry) env_storage_.emplace_back(*entry);
    env_storage_.insert(env_storage_.end(), extra_env.begin(), extra_env.end());
    for (auto& entry : env_storage_) envp_.push_back(entry.data());
    envp_.push_back(nullptr);
}

ProcessResult wait_for_output(pid_t pid, int out_fd, int err_fd) {
    ProcessResult result;
    std::array<pollfd, 2> polls{{{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}}};
    int open = 2;
    std::array<char, 65536> chunk{};
    while (open > 0) {
        if (::poll(polls.data(), polls.size(), -1) < 0) {
            if (errno == EINTR) continue;
            throw std::system_error(errno, std::generic_category(), "poll");
        }
        for (std::size_t i = 0; i < polls.size(); ++i) {
            if (polls[i].fd < 0 || polls[i].revents == 0) continue;
            ssize_t got = ::read(polls[i].fd, chunk.data(), chunk.size());
            if (got > 0) {
                (i == 0 ? result.out : result.err).append(chunk.data(), static_cast<std::size_t>(got));
            } else if (got == 0 || errno != EINTR) {
                ::close(polls[i].fd);
                polls[i].fd = -1;
                --open;
            }
        }
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

ProcessResult run_process(const std::filesystem::path& program, const std::vector<std::string>& args,
                          const std::vector<std::string>& extra_env) {
    int out_pipe[2];
    int err_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0)
        throw std::system_error(errno, std::generic_category(), "pipe");

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);

    const ExecArguments command(program, args, extra_env);
    pid_t pid = 0;
    int rc = ::posix_spawn(&pid, command.program(), &actions, nullptr, command.argv(), command.envp());
    posix_spawn_file_actions_destroy(&actions);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    if (rc != 0) {
        ::close(out_pipe[0]);
        ::close(err_pipe[0]);
        throw std::system_error(rc, std::generic_category(), "posix_spawn " + program.string());
    }
    return wait_for_output(pid, out_pipe[0], err_pipe[0]);
}

pid_t spawn_process(const std::filesystem::path& program, const std::vector<std::string>& args) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    const ExecArguments command(program, args);
    pid_t pid = 0;
    int rc = ::posix_spawn(&pid, command.program(), &actions, nullptr, command.argv(), command.envp());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::system_error(rc, std::generic_category(), "posix_spawn " + program.string());
    return pid;
}

TempDir::TempDir() {
    std::random_device seed;
    auto base = std::filesystem::temp_directory_path();
    for (int attempt = 0; attempt < 100; ++attempt) {
        auto candidate = base / ("ldn-test-" + std::to_string(seed()));
        if (std::filesystem::create_directory(candidate)) {
            path_ = candidate;
            return;
        }
    }
    throw std::runtime_error("cannot create a temporary directory under " + base.string());
}

TempDir::~TempDir() {
    if (std::getenv("LDN_KEEP_TEST_DIRS") != nullptr) return;  // for inspecting a failing test
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

}  // namespace ldn::test
