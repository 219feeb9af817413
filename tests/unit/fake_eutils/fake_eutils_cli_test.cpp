// The fake-eutils program as scripts and the crawler's tests use it: it prints one line with its
// URL, serves, and stops cleanly on SIGTERM with a summary on stderr. Bad options exit 2.

#include <catch2/catch.hpp>

#include <csignal>
#include <cstdio>
#include <string>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/support/paths.hpp"
#include "tests/unit/fake_eutils/http_client.hpp"
#include "tests/unit/fake_eutils/server_helpers.hpp"

extern char** environ;

using namespace ldn::fake::test;

namespace {

struct Child {
    pid_t pid = -1;
    int out = -1;  // its stdout
    int err = -1;  // its stderr
};

Child spawn(const std::vector<std::string>& args) {
    int out[2];
    int err[2];
    REQUIRE(pipe(out) == 0);
    REQUIRE(pipe(err) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addclose(&actions, err[0]);
    std::vector<std::string> argv_storage{LDN_FAKE_EUTILS_BINARY};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : argv_storage) argv.push_back(arg.data());
    argv.push_back(nullptr);
    Child child;
    REQUIRE(posix_spawn(&child.pid, argv[0], &actions, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    close(err[1]);
    child.out = out[0];
    child.err = err[0];
    return child;
}

std::string read_line(int fd) {
    std::string line;
    char c;
    while (read(fd, &c, 1) == 1 && c != '\n') line += c;
    return line;
}

std::string read_all(int fd) {
    std::string text;
    char buffer[4096];
    ssize_t got;
    while ((got = read(fd, buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<std::size_t>(got));
    return text;
}

int wait_for(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

TEST_CASE("fake-eutils prints its URL, serves the corpus, stops on SIGTERM", "[fake_eutils]") {
    Child child = spawn({"--corpus", ldn::test::fixture("full_record.xml").string(), "--synthetic", "12",
                         "--fault-at", "2=500"});
    const std::string line = read_line(child.out);
    REQUIRE_THAT(line, Catch::StartsWith("listening on http://127.0.0.1:"));
    const std::string url = line.substr(std::string("listening on ").size());
    CHECK(url.back() == '/');

    const auto answer = read_search(http_get(url, "esearch.fcgi", {{"db", "pubmed"}, {"term", "ldn"}}).body);
    CHECK(answer.count == 13);
    CHECK(http_get(url, "efetch.fcgi", {{"id", "31001401"}}).status == 500);

    kill(child.pid, SIGTERM);
    const std::string err = read_all(child.err);
    CHECK(wait_for(child.pid) == 0);
    CHECK_THAT(err, Catch::Contains("2 requests"));
    CHECK_THAT(err, Catch::Contains("fault 500: 1"));
    CHECK(read_all(child.out).empty());  // the one line only
    close(child.out);
    close(child.err);
}

TEST_CASE("fake-eutils refuses bad options with exit status 2", "[fake_eutils]") {
    for (const auto& args : std::vector<std::vector<std::string>>{{"--fault", "teapot=0.5"},
                                                                  {"--fault", "500=2"},
                                                                  {"--no-such-option"}}) {
        Child child = spawn(args);
        const std::string err = read_all(child.err);
        INFO(err);
        CHECK(wait_for(child.pid) == 2);
        close(child.out);
        close(child.err);
    }
}
