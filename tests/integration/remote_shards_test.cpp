// The same records split into two shards answer exactly as one index does (issue 10): the search
// corpus (tests/fixtures/search, 30 fictional records) ingested into two stores, record by record in
// turn, served by two xapian-tcpsrv processes on loopback, read through a Xapian stub file, and
// compared with the one-store corpus through the real binary (README.md, "Shards").

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
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/integration/search_cli_support.hpp"
#include "tests/support/serve_process.hpp"

using namespace ldn::test;
using nlohmann::json;

namespace {

constexpr const char* tcp_server = "/usr/bin/xapian-tcpsrv";

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The corpus as two PubMed XML files, records dealt to them in turn (PMID order, so each shard
// holds every other record).
std::vector<std::string> corpus_halves() {
    const std::string corpus = read_file(fixture("search/corpus.xml"));
    const std::string open = "<PubmedArticle>";
    const std::string close = "</PubmedArticle>";
    const std::size_t first = corpus.find(open);
    const std::size_t end_of_set = corpus.rfind("</PubmedArticleSet>");
    std::vector<std::string> halves(2, corpus.substr(0, first));
    std::size_t dealt = 0;
    for (std::size_t at = first; at != std::string::npos && at < end_of_set; at = corpus.find(open, at)) {
        const std::size_t after = corpus.find(close, at) + close.size();
        halves[dealt++ % 2] += corpus.substr(at, after - at) + "\n";
        at = after;
    }
    for (std::string& half : halves) half += "</PubmedArticleSet>\n";
    REQUIRE(dealt == 30);
    return halves;
}

// Two stores, each holding one half; built once per run.
struct Shards {
    TempDir dir;
    std::vector<std::filesystem::path> indexes;
    Shards() {
        const std::vector<std::string> halves = corpus_halves();
        for (std::size_t shard = 0; shard < halves.size(); ++shard) {
            const std::filesystem::path file = dir.path() / ("half" + std::to_string(shard) + ".xml");
            std::ofstream(file, std::ios::binary) << halves[shard];
            const std::filesystem::path store = dir.path() / ("store" + std::to_string(shard));
            const ProcessResult ingest =
                run_process(ldn_binary(), {"ingest", "--quiet", "--store", store.string(), file.string()});
            INFO(describe(ingest));
            REQUIRE(ingest.exit_code == 0);
            indexes.push_back(store / "index");
        }
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

// xapian-tcpsrv serving one shard read-only on loopback, stopped at the end of the test.
class RemoteShard {
public:
    explicit RemoteShard(const std::filesystem::path& index) : port_(free_port()) {
        // A process group of its own: on SIGTERM xapian-tcpsrv signals its whole group (to end the
        // children it forked per connection), which must not be the test runner's.
        const ExecArguments command(tcp_server, {"--port", std::to_string(port_), "--interface", "127.0.0.1",
                                                 "--quiet", index.string()});
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
    ~RemoteShard() {
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
    }
    RemoteShard(const RemoteShard&) = delete;
    RemoteShard& operator=(const RemoteShard&) = delete;
    int port() const { return port_; }

private:
    int port_;
    pid_t pid_ = -1;
};

bool tcp_server_available() {
    if (::access(tcp_server, X_OK) == 0) return true;
    WARN("skipped: " << tcp_server << " is missing (Debian package xapian-tools)");
    return false;
}

// Both shards served, and a stub file `name` listing them.
struct ServedShards {
    RemoteShard first{shards().indexes[0]};
    RemoteShard second{shards().indexes[1]};
    std::filesystem::path stub;

    explicit ServedShards(const std::string& name) : stub(shards().dir.path() / name) {
        std::ofstream(stub) << "remote 127.0.0.1:" << first.port() << "\nremote 127.0.0.1:" << second.port() << "\n";
    }
};

// The searches compared: free text, synonyms, a phrase, fields, filters, sorts, paging and every facet.
const std::vector<std::vector<std::string>> searches{
    {"naltrexone"},
    {"\"low dose\" fibromyalgia"},
    {"title:naltrexone OR abstract:ldn", "--sort", "evidence"},
    {"--condition", "fibromyalgia,lupus", "--design", "rct"},
    {"--sort", "date", "--offset", "5", "--limit", "10"},
    {"--sort", "evidence", "--limit", "7"},
    {"pain", "--since", "2016-01-01", "--until", "2022-12-31"},
    {"naltrexone", "NOT", "mice", "--offset", "5"},
};

// One that does not agree yet (issue 10's note): a wildcard's matches come in another order over
// shards (the same records, the same total and facets).
const std::vector<std::vector<std::string>> searches_that_differ{
    {"fibromyalg*", "NOT", "mice"},
};

json search_json(const std::vector<std::string>& where, const std::vector<std::string>& search) {
    std::vector<std::string> args{"search", "--format", "json", "--facets", "year,design,condition"};
    args.insert(args.end(), search.begin(), search.end());
    if (std::find(search.begin(), search.end(), "--limit") == search.end()) args.insert(args.end(), {"--limit", "100"});
    args.insert(args.end(), where.begin(), where.end());
    const ProcessResult result = run_process(ldn_binary(), args);
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    return json::parse(result.out);
}

// Totals, facets, the records and their order equal.
void same_answers(const std::filesystem::path& stub, const std::vector<std::vector<std::string>>& compared) {
    for (const std::vector<std::string>& search : compared) {
        json joined = search_json({"--store", corpus_store().string()}, search);
        json split = search_json({"--db", stub.string()}, search);
        INFO("search " << json(search).dump());
        CHECK(split.at("total") == joined.at("total"));
        CHECK(split.at("facets") == joined.at("facets"));
        CHECK(result_pmids(split) == result_pmids(joined));
    }
}

}  // namespace

TEST_CASE("two shards served by xapian-tcpsrv answer every search as one index does", "[shards]") {
    if (!tcp_server_available()) return;
    const ServedShards served("remote.stub");
    const std::filesystem::path& stub = served.stub;
    same_answers(stub, searches);

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

// Reported, not failing the run: these are the open differences; when Xapian or ldn fixes them this
// case passes and moves into the one above.
TEST_CASE("shards served by xapian-tcpsrv, the searches that still differ", "[shards][!mayfail]") {
    if (!tcp_server_available()) return;
    const ServedShards served("remote-differ.stub");
    same_answers(served.stub, searches_that_differ);
}
