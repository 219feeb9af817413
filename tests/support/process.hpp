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
