#pragma once
// The fake E-utilities server as a child process, for `ldn demo`: the program the project builds for
// tests (tests/fake_eutils) serving the demo corpus on a free loopback port. Stopped (SIGTERM, then
// waited for) when the object goes, whatever happened in between.

#include <sys/types.h>

#include <filesystem>
#include <string>

namespace ldn::cli {

class DemoServer {
public:
    // Starts `program --corpus CORPUS --bind 127.0.0.1 --port 0` and waits (at most 30 s) for its
    // "listening on URL" line. Throws ldn::Error (1) when it cannot start or does not say where it is.
    DemoServer(const std::filesystem::path& program, const std::filesystem::path& corpus);
    ~DemoServer();
    DemoServer(const DemoServer&) = delete;
    DemoServer& operator=(const DemoServer&) = delete;

    const std::string& url() const { return url_; }

private:
    void stop();

    pid_t pid_ = -1;
    std::string url_;
};

// The fake-eutils program: $LDN_FAKE_EUTILS, else the one beside this ldn binary.
std::filesystem::path fake_eutils_program();

}  // namespace ldn::cli
