#include "query/cli/demo_server.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "crawler/errors.hpp"

extern char** environ;

namespace ldn::cli {

namespace {

constexpr std::chrono::seconds startup_limit{30};
constexpr std::string_view listening_prefix = "listening on ";

Error start_failure(const std::string& why) {
    return Error(ExitCode::failure, "demo: the fake E-utilities server " + why);
}

// The first line the server prints, or what went wrong.
std::string read_first_line(int fd) {
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + startup_limit;
    while (true) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) throw start_failure("did not say where it listens within 30 s");
        pollfd ready{fd, POLLIN, 0};
        int polled = ::poll(&ready, 1, static_cast<int>(left.count()));
        if (polled < 0 && errno == EINTR) continue;
        if (polled <= 0) continue;
        char chunk[256];
        ssize_t got = ::read(fd, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) throw start_failure("stopped before it was ready");
        line.append(chunk, static_cast<std::size_t>(got));
        if (auto end = line.find('\n'); end != std::string::npos) return line.substr(0, end);
    }
}

}  // namespace

std::filesystem::path fake_eutils_program() {
    if (const char* chosen = std::getenv("LDN_FAKE_EUTILS"); chosen != nullptr && chosen[0] != '\0') return chosen;
    std::error_code error;
    std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    return (error ? std::filesystem::path(".") : self.parent_path()) / "fake-eutils";
}

DemoServer::DemoServer(const std::filesystem::path& program, const std::filesystem::path& corpus) {
    if (::access(program.c_str(), X_OK) != 0) {
        throw start_failure("program " + program.string() +
                            " is missing (build it with the project: cmake --build build; or set LDN_FAKE_EUTILS)");
    }
    int out[2];
    if (::pipe2(out, O_CLOEXEC) != 0) throw start_failure(std::string("cannot start: ") + std::strerror(errno));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    // Its request summary at exit is for people testing the crawler, not for the demo's reader.
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::vector<std::string> args{program.string(), "--corpus", corpus.string(), "--bind", "127.0.0.1", "--port", "0"};
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    int spawned = ::posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    if (spawned != 0) {
        ::close(out[0]);
        pid_ = -1;
        throw start_failure("cannot start: " + std::string(std::strerror(spawned)));
    }
    try {
        std::string line = read_first_line(out[0]);
        if (!line.starts_with(listening_prefix)) throw start_failure("said '" + line + "' instead of its address");
        url_ = line.substr(listening_prefix.size());
    } catch (...) {
        ::close(out[0]);
        stop();
        throw;
    }
    ::close(out[0]);
}

DemoServer::~DemoServer() { stop(); }

void DemoServer::stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
}

}  // namespace ldn::cli
