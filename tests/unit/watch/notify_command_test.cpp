// --notify-cmd: the user's command really runs, through /bin/sh, with the alert file's path.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>

#include "query/watch/notify_command.hpp"
#include "tests/support/process.hpp"

using namespace std::chrono_literals;

namespace {

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// `path` as one word for /bin/sh, whatever it holds.
std::string shell_quoted(const std::filesystem::path& path) {
    std::string quoted = "'";
    for (char c : path.string()) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

// An alert file in a folder whose name needs quoting.
std::filesystem::path sample_alert_file(const std::filesystem::path& dir) {
    const auto folder = dir / "alerts dir (it's)";
    std::filesystem::create_directories(folder);
    const auto file = folder / "20261126T084100Z.json";
    std::ofstream(file) << "{\"run_id\": \"20261126T084100Z\"}\n";
    return file;
}

// Points this process's stderr at a file for the object's lifetime.
class StderrToFile {
public:
    explicit StderrToFile(const std::filesystem::path& file) {
        std::fflush(stderr);
        saved_ = ::dup(STDERR_FILENO);
        const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        ::dup2(fd, STDERR_FILENO);
        ::close(fd);
    }
    ~StderrToFile() {
        std::fflush(stderr);
        ::dup2(saved_, STDERR_FILENO);
        ::close(saved_);
    }
    StderrToFile(const StderrToFile&) = delete;
    StderrToFile& operator=(const StderrToFile&) = delete;

private:
    int saved_;
};

}  // namespace

TEST_CASE("the notify command gets the alert file as its last argument and in LDN_ALERT_FILE", "[watch]") {
    ldn::test::TempDir dir;
    const auto alert_file = sample_alert_file(dir.path());
    const std::string command = "copy() { cp \"$1\" " + shell_quoted(dir.path() / "by-argument") + " && cp \"$LDN_ALERT_FILE\" " +
                                shell_quoted(dir.path() / "by-environment") + "; }; copy";
    const ldn::NotifyOutcome outcome = ldn::run_notify_command(command, alert_file);
    INFO(outcome.failure);
    CHECK(outcome.ok());
    CHECK(outcome.exit_status == 0);
    CHECK(slurp(dir.path() / "by-argument") == slurp(alert_file));
    CHECK(slurp(dir.path() / "by-environment") == slurp(alert_file));
}

TEST_CASE("a plain notify command line gets the alert file appended as one argument", "[watch]") {
    ldn::test::TempDir dir;
    const auto alert_file = sample_alert_file(dir.path());
    const auto target = dir.path() / "copies";
    std::filesystem::create_directories(target);
    const ldn::NotifyOutcome outcome = ldn::run_notify_command("cp -t " + shell_quoted(target), alert_file);
    INFO(outcome.failure);
    CHECK(outcome.ok());
    CHECK(slurp(target / alert_file.filename()) == slurp(alert_file));
}

TEST_CASE("the notify command reads /dev/null and its stdout goes to stderr", "[watch]") {
    ldn::test::TempDir dir;
    const auto alert_file = sample_alert_file(dir.path());
    const auto captured = dir.path() / "stderr";
    ldn::NotifyOutcome outcome;
    {
        const StderrToFile redirect(captured);
        outcome = ldn::run_notify_command("cat > " + shell_quoted(dir.path() / "stdin") + "; echo sent to", alert_file);
    }
    INFO(outcome.failure);
    CHECK(outcome.ok());
    CHECK(slurp(dir.path() / "stdin").empty());
    CHECK(slurp(captured) == "sent to " + alert_file.string() + "\n");
}

TEST_CASE("a failing notify command's status is returned with a reason for the warning", "[watch]") {
    ldn::test::TempDir dir;
    const auto alert_file = sample_alert_file(dir.path());

    const ldn::NotifyOutcome failed = ldn::run_notify_command("exit 3 #", alert_file);
    CHECK_FALSE(failed.ok());
    CHECK(failed.exit_status == 3);
    CHECK(failed.failure == "exited with status 3");

    ldn::NotifyOutcome missing;
    {
        const StderrToFile shell_complaint(dir.path() / "stderr");
        missing = ldn::run_notify_command("ldn-no-such-program-here", alert_file);
    }
    CHECK_THAT(slurp(dir.path() / "stderr"), Catch::Contains("ldn-no-such-program-here: not found"));
    CHECK(missing.exit_status == 127);
    CHECK(missing.failure == "exited with status 127");

    const ldn::NotifyOutcome killed = ldn::run_notify_command("kill -TERM $$ #", alert_file);
    CHECK(killed.exit_status == 128 + SIGTERM);
    CHECK_THAT(killed.failure, Catch::StartsWith("was killed by signal 15 ("));
}

TEST_CASE("a notify command that outlives its timeout is stopped and reported", "[watch]") {
    ldn::test::TempDir dir;
    const auto alert_file = sample_alert_file(dir.path());
    const ldn::NotifyOutcome outcome = ldn::run_notify_command("sleep 60 #", alert_file, 200ms);
    CHECK_FALSE(outcome.ok());
    CHECK(outcome.exit_status == -1);
    CHECK(outcome.failure == "timed out after 200 ms and was stopped");
}

TEST_CASE("the notify command gets SIGPIPE back even when ldn's caller ignored it", "[watch]") {
    ldn::test::TempDir dir;
    const auto alert_file = sample_alert_file(dir.path());
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    struct sigaction before {};
    ::sigaction(SIGPIPE, &ignore, &before);
    const auto ignored_mask = dir.path() / "ignored";
    const ldn::NotifyOutcome outcome =
        ldn::run_notify_command("grep SigIgn /proc/$$/status > " + shell_quoted(ignored_mask) + " #", alert_file);
    ::sigaction(SIGPIPE, &before, nullptr);
    REQUIRE(outcome.ok());
    const std::string line = slurp(ignored_mask);
    REQUIRE(line.starts_with("SigIgn:"));
    const unsigned long long mask = std::stoull(line.substr(line.find_first_not_of(" \t", 7)), nullptr, 16);
    CHECK((mask & (1ULL << (SIGPIPE - 1))) == 0);
}
