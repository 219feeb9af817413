#include "tests/integration/io_failure_support.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "tests/support/index_snapshot.hpp"
#include "tests/support/paths.hpp"

namespace ldn::test {

namespace {

constexpr uid_t nobody = 65534;

// The lines of `text` that start with "ldn: error:" (timestamps aside).
std::vector<std::string> error_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.find("ldn: error:") != std::string::npos) lines.push_back(line);
    }
    return lines;
}

// In the child, between fork and exec: system calls only.
[[noreturn]] void refuse(const char* what) {
    const char* reason = ::strerror(errno);
    ssize_t ignored = ::write(STDERR_FILENO, what, std::strlen(what));
    ignored = ::write(STDERR_FILENO, ": ", 2);
    ignored = ::write(STDERR_FILENO, reason, std::strlen(reason));
    ignored = ::write(STDERR_FILENO, "\n", 1);
    (void)ignored;
    ::_exit(confinement_refused_exit_code);
}

}  // namespace

ProcessResult run_confined(const std::filesystem::path& program, const std::vector<std::string>& args,
                           const Confinement& confinement, const std::vector<std::string>& extra_env) {
    // Everything the child needs is made before fork: the test process has threads (the fake server).
    const ExecArguments command(program, args, extra_env);
    const bool switch_user = confinement.as_nobody && ::geteuid() == 0;
    rlimit limit{};
    if (confinement.max_file_bytes) limit.rlim_cur = limit.rlim_max = *confinement.max_file_bytes;

    int out_pipe[2];
    int err_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0)
        throw std::system_error(errno, std::generic_category(), "pipe");
    pid_t pid = ::fork();
    if (pid < 0) throw std::system_error(errno, std::generic_category(), "fork");
    if (pid == 0) {
        ::dup2(out_pipe[1], STDOUT_FILENO);
        ::dup2(err_pipe[1], STDERR_FILENO);
        int null = ::open("/dev/null", O_RDONLY);
        if (null >= 0) ::dup2(null, STDIN_FILENO);
        struct sigaction default_action {};
        default_action.sa_handler = SIG_DFL;
        ::sigaction(SIGXFSZ, &default_action, nullptr);
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        if (confinement.max_file_bytes && ::setrlimit(RLIMIT_FSIZE, &limit) != 0) refuse("setrlimit(RLIMIT_FSIZE)");
        if (switch_user && (::setgroups(0, nullptr) != 0 || ::setgid(nobody) != 0 || ::setuid(nobody) != 0)) {
            refuse("cannot run as nobody");
        }
        ::execve(command.program(), command.argv(), command.envp());
        refuse("execve");
    }
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    return wait_for_output(pid, out_pipe[0], err_pipe[0]);
}

bool confinement_refused(const ProcessResult& result) {
    if (result.exit_code != confinement_refused_exit_code) return false;
    WARN("skipped: " << result.err);
    return true;
}

std::vector<std::string> cron_env() {
    return {"NCBI_API_KEY=IO-FAILURE-TEST-KEY", "NCBI_EMAIL=io-failure-tests@example.org"};
}

ProcessResult run_ldn(const std::vector<std::string>& args, const Confinement& confinement) {
    return run_confined(ldn_binary(), args, confinement, cron_env());
}

std::string io_error_line(const ProcessResult& result) {
    CHECK(result.exit_code == 74);
    auto errors = error_lines(result.err);
    REQUIRE(errors.size() == 1);
    return errors[0];
}

std::shared_ptr<fake::Corpus> day_one_corpus() {
    auto corpus = std::make_shared<fake::Corpus>();
    corpus->load_file(fixture("refresh/day1.xml"));
    return corpus;
}

std::vector<std::string> with_server(std::vector<std::string> args, const std::filesystem::path& store,
                                     const fake::FakeEutilsServer& server, const char* today) {
    args.insert(args.end(), {"--store", store.string(), "--eutils-url", server.base_url(), "--today", today,
                             "--backoff", "0.01"});
    return args;
}

DayOneStore::DayOneStore(const std::vector<std::string>& refresh_options) {
    server.start();
    std::vector<std::string> refresh{"refresh"};
    refresh.insert(refresh.end(), refresh_options.begin(), refresh_options.end());
    REQUIRE(run_ldn(with_server(refresh, store, server, day_one)).exit_code == 0);
}

void DayOneStore::publish_day_two() { server.corpus().load_file(fixture("refresh/day2.xml")); }

std::map<std::string, std::string> refreshed_reference() {
    DayOneStore reference;
    reference.publish_day_two();
    REQUIRE(run_ldn(with_server({"refresh"}, reference.store, reference.server, day_two)).exit_code == 0);
    return index_snapshot(reference.store / "index");
}

void check_day_two_refresh_completes(DayOneStore& stored, const Confinement& confinement) {
    auto completed = run_ldn(with_server({"refresh"}, stored.store, stored.server, day_two), confinement);
    CAPTURE(completed.err);
    CHECK(completed.exit_code == 0);
    CHECK(index_snapshot(stored.store / "index") == refreshed_reference());
}

bool running_as_root() { return ::geteuid() == 0; }

std::map<std::string, std::string> file_contents(const std::filesystem::path& root,
                                                 const std::vector<std::string>& except) {
    std::map<std::string, std::string> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file()) continue;
        const std::string relative = entry.path().lexically_relative(root).generic_string();
        bool skipped = false;
        for (const std::string& prefix : except) {
            if (relative == prefix || relative.starts_with(prefix + "/")) skipped = true;
        }
        if (skipped) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        files[relative] = bytes.str();
    }
    return files;
}

std::vector<std::string> temporaries(const std::filesystem::path& root) {
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        const std::string name = entry.path().filename().string();
        if (name.find(".tmp.") != std::string::npos) found.push_back(entry.path().string());
    }
    return found;
}

void set_read_only(const std::filesystem::path& root, bool read_only) {
    using std::filesystem::perms;
    const auto apply = [&](const std::filesystem::path& path) {
        if (read_only) {
            std::filesystem::permissions(path, perms::owner_write | perms::group_write | perms::others_write,
                                         std::filesystem::perm_options::remove);
        } else {
            std::filesystem::permissions(path, perms::owner_write, std::filesystem::perm_options::add);
        }
    };
    apply(root);
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) apply(entry.path());
}

void give_to_nobody(const std::filesystem::path& root) {
    const auto give = [](const std::filesystem::path& path) {
        if (::lchown(path.c_str(), nobody, nobody) != 0)
            throw std::system_error(errno, std::generic_category(), "chown " + path.string());
    };
    give(root);
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) give(entry.path());
}

unsigned long index_revision(const std::filesystem::path& index) {
    return Xapian::Database(index.string()).get_revision();
}

}  // namespace ldn::test
