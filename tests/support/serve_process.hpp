#pragma once
// `ldn serve` run as a user runs it, on a free loopback port: started with the caller's arguments
// plus `--port 0`, ready once it prints where it listens, stopped with SIGTERM.

#include <sys/types.h>

#include <string>
#include <vector>

#include "tests/support/process.hpp"

namespace ldn::test {

class ServeProcess {
public:
    // Throws std::runtime_error with what the server printed when it exits or stays silent instead of
    // listening (20 s).
    explicit ServeProcess(const std::vector<std::string>& args, const std::vector<std::string>& extra_env = {});
    ~ServeProcess();
    ServeProcess(const ServeProcess&) = delete;
    ServeProcess& operator=(const ServeProcess&) = delete;

    const std::string& host() const { return host_; }
    int port() const { return port_; }
    std::string base_url() const { return "http://" + host_ + ":" + std::to_string(port_); }

    // Sends SIGTERM and waits: the exit code and everything the server wrote to stderr.
    ProcessResult stop();

private:
    pid_t pid_ = -1;
    int err_fd_ = -1;
    std::string err_;
    std::string host_;
    int port_ = 0;
};

}  // namespace ldn::test
