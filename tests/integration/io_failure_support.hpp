#pragma once
// For the tests of a full disk and an unwritable store: running ldn under a file-size limit (what
// `ulimit -f` sets) or as another user (so that a read-only folder stops writes even when the tests
// run as root, which chmod alone does not), a store refreshed from the fake E-utilities as cron would,
// and reading a store's files to show what did not change.

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tests/fake_eutils/fake_eutils_server.hpp"
#include "tests/support/process.hpp"

namespace ldn::test {

struct Confinement {
    // RLIMIT_FSIZE in bytes: a write past it fails (SIGXFSZ is left at its default, as a shell leaves
    // it, so the test sees what ldn itself does about the signal).
    std::optional<std::uint64_t> max_file_bytes;
    // Run as nobody (65534) when the tests run as root; as the current user otherwise.
    bool as_nobody = false;
};

// Exit code of a child that could not be confined (setrlimit or setuid refused).
inline constexpr int confinement_refused_exit_code = 125;

ProcessResult run_confined(const std::filesystem::path& program, const std::vector<std::string>& args,
                           const Confinement& confinement, const std::vector<std::string>& extra_env = {});

// True, after a WARN saying why, when the child could not be confined: the test then returns (skips).
bool confinement_refused(const ProcessResult& result);

// The environment of a nightly cron job: an API key (10 requests/s) and a contact e-mail.
std::vector<std::string> cron_env();

// The ldn binary run as cron runs it (cron_env), confined as asked.
ProcessResult run_ldn(const std::vector<std::string>& args, const Confinement& confinement = {});

// The only "ldn: error:" line of a command that must fail with an I/O error: checks exit code 74 and
// requires exactly one such line.
std::string io_error_line(const ProcessResult& result);

// The nights of tests/fixtures/refresh: the records of day1.xml are in PubMed on day one, those of
// day2.xml join them on day two.
inline constexpr const char* day_one = "2026-01-10";
inline constexpr const char* day_two = "2026-01-20";

std::shared_ptr<fake::Corpus> day_one_corpus();

// `args` followed by the options that aim ldn at `store` and the fake `server` on `today`, with
// retries that wait milliseconds.
std::vector<std::string> with_server(std::vector<std::string> args, const std::filesystem::path& store,
                                     const fake::FakeEutilsServer& server, const char* today);

// A store refreshed on day one (`refresh_options` added to the command), and the running fake server
// that served it.
struct DayOneStore {
    explicit DayOneStore(const std::vector<std::string>& refresh_options = {});

    // Day two's records join the server's corpus.
    void publish_day_two();

    TempDir dir;
    const std::filesystem::path store = dir.path() / "store";
    fake::FakeEutilsServer server{day_one_corpus()};
};

// The index a fresh store gets from one refresh of day one and one of day two.
std::map<std::string, std::string> refreshed_reference();

// Once the store may be written again, day two's refresh completes with the reference index.
void check_day_two_refresh_completes(DayOneStore& stored, const Confinement& confinement = {});

bool running_as_root();

// Every regular file under `root` but those under `except` (relative paths), path -> bytes.
std::map<std::string, std::string> file_contents(const std::filesystem::path& root,
                                                 const std::vector<std::string>& except = {});

// Leftover temporaries of atomic writes (NAME.tmp.PID) under `root`.
std::vector<std::string> temporaries(const std::filesystem::path& root);

// chmod -R a-w, or u+w back.
void set_read_only(const std::filesystem::path& root, bool read_only);

// chown -R 65534:65534, so that nobody may write wherever the modes allow (root only).
void give_to_nobody(const std::filesystem::path& root);

// The revision the index was last committed at.
unsigned long index_revision(const std::filesystem::path& index);

}  // namespace ldn::test
