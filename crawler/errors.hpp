#pragma once
// The exception channel: an Error stops an operation and carries the exit code (sysexits, DESIGN.md)
// that the one catch in the CLI turns into `ldn: error: …` and the process status.
// Per-record problems are not exceptions: they are values (see RecordIssue).

#include <stdexcept>
#include <string>

namespace ldn {

enum class ExitCode : int {
    ok = 0,
    failure = 1,
    usage = 2,
    data_error = 65,
    unavailable = 69,
    io_error = 74,
    temporary = 75,
};

class Error : public std::runtime_error {
public:
    Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
    ExitCode code() const noexcept { return code_; }

private:
    ExitCode code_;
};

// Input that is not what it claims to be: not PubMed XML, not gzip, empty (exit 65).
inline Error input_error(const std::string& message) { return Error(ExitCode::data_error, message); }
// A file that cannot be opened or read (exit 74).
inline Error io_error(const std::string& message) { return Error(ExitCode::io_error, message); }

}  // namespace ldn
