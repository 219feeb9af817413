// The same records split into two shards answer exactly as one index does (issue 10): the search
// corpus (tests/fixtures/search, 30 fictional records) ingested with `ldn ingest --shards 2`, each
// shard served by its own xapian-tcpsrv on loopback, read through a Xapian stub file, and compared
// with the one-store corpus through the real binary (README.md, "Shards").

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/integration/shard_comparison.hpp"
#include "tests/support/serve_process.hpp"

using namespace ldn::test;
using nlohmann::json;

namespace {

constexpr const char* tcp_server = "/usr/bin/xapian-tcpsrv";

// The corpus ingested as two shards; built once per run.
struct Shards {
    TempDir dir;
    std::vector<std::filesystem::path> indexes;
    Shards() {
        const std::filesystem::path store = dir.path() / "store";
        const ProcessResult ingest = run_process(
            ldn_binary(), {"ingest", "--quiet", "--shards", "2", "--store", store.string(), fixture("search/corpus.xml").string()});
        INFO(describe(ingest));
        REQUIRE(ingest.exit_code == 0);
        indexes = {store / "index" / "shard-1", store / "index" / "shard-2"};
    }
};

const Shards& shards() {
    static const Shards built;
    return built;
}

int free_port() {
    const int probe = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(probe, reinterpret_cast<sockaddr*>(&address), sizeof(address));
    socklen_t length = sizeof(address);
    ::getsockname(probe, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(probe);
    return ntohs(address.sin_port);
}

bool accepts_connections(int port) {
    const int probe = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool connected = ::connect(probe, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
    ::close(probe);
    return connected;
}

// xapian-tcpsrv serving one shard read-only on loopback, stopped at the end of the test; it can be
// stopped and started again on the same port, as a shard machine's restart does.
class RemoteShard {
public:
    explicit RemoteShard(const std::filesystem::path& index, std::vector<std::string> options = {})
        : port_(free_port()) {
        arguments_ = {"--port", std::to_string(port_), "--interface", "127.0.0.1", "--quiet"};
        arguments_.insert(arguments_.end(), options.begin(), options.end());
        arguments_.push_back(index.string());
        start();
    }
    ~RemoteShard() { stop(); }
    RemoteShard(const RemoteShard&) = delete;
    RemoteShard& operator=(const RemoteShard&) = delete;
    int port() const { return port_; }

    void start() {
        // A process group of its own: on SIGTERM xapian-tcpsrv signals its whole group (to end the
        // children it forked per connection), which must not be the test runner's.
        const ExecArguments command(tcp_server, arguments_);
        posix_spawnattr_t attributes;
        posix_spawnattr_init(&attributes);
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
        posix_spawnattr_setpgroup(&attributes, 0);
        // It reports every client that hangs up ("write failed … Broken pipe"), which is no news here.
        posix_spawn_file_actions_t quiet;
        posix_spawn_file_actions_init(&quiet);
        posix_spawn_file_actions_addopen(&quiet, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&quiet, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
        const int failed = ::posix_spawn(&pid_, command.program(), &quiet, &attributes, command.argv(), command.envp());
        posix_spawn_file_actions_destroy(&quiet);
        posix_spawnattr_destroy(&attributes);
        REQUIRE(failed == 0);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (!accepts_connections(port_)) {
            REQUIRE(std::chrono::steady_clock::now() < deadline);
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }

    // The server and the children serving its connections, as a machine going down ends them.
    void stop() {
        if (pid_ < 0) return;
        ::kill(-pid_, SIGKILL);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
    }

private:
    int port_;
    std::vector<std::string> arguments_;
    pid_t pid_ = -1;
};

bool tcp_server_available() {
    if (::access(tcp_server, X_OK) == 0) return true;
    WARN("skipped: " << tcp_server << " is missing (Debian package xapian-tools)");
    return false;
}

// Both shards served, and a stub file `name` listing them.
struct ServedShards {
    RemoteShard first;
    RemoteShard second;
    std::filesystem::path stub;

    explicit ServedShards(const std::string& name, const std::vector<std::string>& options = {})
        : first(shards().indexes[0], options), second(shards().indexes[1], options), stub(shards().dir.path() / name) {
        std::ofstream(stub) << "remote 127.0.0.1:" << first.port() << "\nremote 127.0.0.1:" << second.port() << "\n";
    }
};

}  // namespace

TEST_CASE("two shards served by xapian-tcpsrv answer every search as one index does", "[shards]") {
    if (!tcp_server_available()) return;
    const ServedShards served("remote.stub");
    const std::filesystem::path& stub = served.stub;
    same_answers_as_one_index({"--db", stub.string()}, searches_compared_over_shards);

    INFO("show, cite and the server read the stub too");
    const ProcessResult shown = run_process(ldn_binary(), {"cite", "90000014", "90000001", "--db", stub.string()});
    CHECK(shown.exit_code == 0);
    CHECK(shown.out == ldn_on_corpus({"cite", "90000014", "90000001"}).out);
    ServeProcess server({"--db", stub.string()});
    httplib::Client client(server.host(), server.port());
    const httplib::Result health = client.Get("/healthz");
    REQUIRE(health);
    CHECK(json::parse(health->body).at("records") == 30);
}

TEST_CASE("a remote shard that is down: the CLI exits 75 naming it, ldn serve answers 503, then recovers",
          "[shards][serve]") {
    if (!tcp_server_available()) return;
    ServedShards served("outage.stub");
    ServeProcess server({"--db", served.stub.string()});
    httplib::Client client(server.host(), server.port());
    const httplib::Result before = client.Get("/api/search?q=naltrexone");
    REQUIRE(before);
    REQUIRE(before->status == 200);

    served.second.stop();
    const ProcessResult offline = run_process(ldn_binary(), {"search", "naltrexone", "--db", served.stub.string()});
    CHECK(offline.exit_code == 75);
    CHECK_THAT(offline.err, Catch::StartsWith("ldn: error: ") &&
                                Catch::Contains("127.0.0.1:" + std::to_string(served.second.port())) &&
                                Catch::Contains("try again later"));
    // Every pooled connection is tried afresh and refused: 503 each time, never a partial answer.
    for (int request = 0; request < 3; ++request) {
        const httplib::Result down = client.Get("/api/search?q=naltrexone");
        REQUIRE(down);
        CHECK(down->status == 503);
        CHECK(down->get_header_value("Retry-After") == "5");
        CHECK_THAT(down->body, Catch::Contains("try again shortly") && !Catch::Contains("127.0.0.1"));
    }
    const httplib::Result health = client.Get("/healthz");
    REQUIRE(health);
    CHECK(health->status == 503);

    served.second.start();
    const httplib::Result after = client.Get("/api/search?q=naltrexone");
    REQUIRE(after);
    CHECK(after->status == 200);
    CHECK(json::parse(after->body).at("total") == json::parse(before->body).at("total"));
}

TEST_CASE("remote shards that close idle connections cost ldn serve no failed request", "[shards][serve]") {
    if (!tcp_server_available()) return;
    ServedShards served("idle.stub", {"--idle-timeout", "300"});
    ServeProcess server({"--db", served.stub.string(), "--threads", "1"});
    httplib::Client client(server.host(), server.port());
    for (int request = 0; request < 3; ++request) {
        const httplib::Result answer = client.Get("/api/search?q=fibromyalgia");
        REQUIRE(answer);
        CHECK(answer->status == 200);
        // Past the shards' idle timeout: the pooled connection is closed under the server.
        std::this_thread::sleep_for(std::chrono::milliseconds(600));
    }
}
