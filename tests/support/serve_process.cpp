#include "tests/support/serve_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <stdexcept>

#include "tests/support/paths.hpp"

namespace ldn::test {

namespace {

constexpr std::string_view listening = "listening on http://";
constexpr auto start_timeout = std::chrono::seconds(20);

}  // namespace

ServeProcess::ServeProcess(const std::vector<std::string>& args, const std::vector<std::string>& extra_env) {
    std::vector<std::string> full{"serve"};
    full.insert(full.end(), args.begin(), args.end());
    full.insert(full.end(), {"--port", "0"});
    const ExecArguments exec(ldn_binary(), full, extra_env);
    std::array<int, 2> err_pipe{};
    if (::pipe2(err_pipe.data(), O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, STDOUT_FILENO);
        ::dup2(err_pipe[1], STDERR_FILENO);
        ::execve(exec.program(), exec.argv(), exec.envp());
        ::_exit(127);
    }
    ::close(err_pipe[1]);
    err_fd_ = err_pipe[0];

    const auto deadline = std::chrono::steady_clock::now() + start_timeout;
    std::array<char, 4096> chunk{};
    while (true) {
        const std::size_t at = err_.find(listening);
        const std::size_t end = at == std::string::npos ? at : err_.find('/', at + listening.size());
        if (end != std::string::npos) {
            const std::string address = err_.substr(at + listening.size(), end - at - listening.size());
            const std::size_t colon = address.rfind(':');
            host_ = address.substr(0, colon);
            port_ = std::stoi(address.substr(colon + 1));
            return;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        pollfd poll_fd{err_fd_, POLLIN, 0};
        const int ready = left.count() > 0 ? ::poll(&poll_fd, 1, static_cast<int>(left.count())) : 0;
        const ssize_t got = ready > 0 ? ::read(err_fd_, chunk.data(), chunk.size()) : 0;
        if (got <= 0) {
            const ProcessResult result = stop();
            throw std::runtime_error("ldn serve did not start (exit " + std::to_string(result.exit_code) + "): " +
                                     result.err);
        }
        err_.append(chunk.data(), static_cast<std::size_t>(got));
    }
}

ServeProcess::~ServeProcess() {
    if (pid_ > 0) stop();
}

ProcessResult ServeProcess::stop() {
    ProcessResult result;
    if (pid_ <= 0) return result;
    ::kill(pid_, SIGTERM);
    std::array<char, 4096> chunk{};
    for (ssize_t got; (got = ::read(err_fd_, chunk.data(), chunk.size())) != 0;) {
        if (got > 0) err_.append(chunk.data(), static_cast<std::size_t>(got));
        else if (errno != EINTR) break;
    }
    ::close(err_fd_);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.err = err_;
    return result;
}

}  // namespace ldn::test
