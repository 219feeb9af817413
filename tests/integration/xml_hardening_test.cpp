// The reader against hostile XML, through the real `ldn parse` (and `ldn ingest` where the index is
// the question). What it guarantees (crawler/record_splitter.hpp, crawler/pubmed_parser.hpp):
//  - no DTD or external entity is fetched or read, no entity declared in a DOCTYPE is expanded: a
//    record that references one is refused with its location, the records around it come through;
//  - deep nesting (over 256 levels), records of more than 2,000,000 nodes or 32 MiB, and gigantic
//    constructs (a DOCTYPE, a start tag or a name hundreds of MB long) are refused with a located
//    message, in memory bounded whatever the input: the hostile inputs here are read under a
//    192 MiB address-space limit (ulimit -v in the child), and the largest record the limits let
//    through under 512 MiB. Nothing here measures time.
// Fixtures: tests/fixtures/hostile/ (README.md there); the large inputs are made at test time.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <fstream>
#include <functional>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/paths.hpp"
#include "tests/support/process.hpp"

using ldn::test::ProcessResult;
using ldn::test::run_process;

namespace {

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string replaced(std::string text, const std::string& placeholder, const std::string& value) {
    for (std::size_t at; (at = text.find(placeholder)) != std::string::npos;) text.replace(at, placeholder.size(), value);
    return text;
}

// A fixture copied into `dir` with its placeholders filled in.
std::filesystem::path instantiate(const ldn::test::TempDir& dir, const std::string& fixture,
                                  const std::vector<std::pair<std::string, std::string>>& values) {
    std::string text = slurp(ldn::test::fixture("hostile/" + fixture));
    for (const auto& [placeholder, value] : values) text = replaced(text, placeholder, value);
    auto path = dir.path() / fixture;
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

ProcessResult run_ldn(const std::vector<std::string>& args) { return run_process(ldn::test::ldn_binary(), args); }

// `ldn ARGS…` with its address space limited to `kib` KiB, as `ulimit -v` sets it. AddressSanitizer
// reserves terabytes of shadow address space at start-up, so a sanitized ldn cannot run under any
// such limit: there the bound goes unchecked (the refusals and their locations are still checked).
ProcessResult ldn_within(std::size_t kib, const std::vector<std::string>& args) {
#if defined(__SANITIZE_ADDRESS__)
    WARN("memory bound of " << kib << " KiB not checked: AddressSanitizer cannot run under ulimit -v");
    return run_process(ldn::test::ldn_binary(), args);
#else
    std::vector<std::string> shell{"-c", "ulimit -v \"$1\" && shift && exec \"$@\"", "sh", std::to_string(kib),
                                   ldn::test::ldn_binary().string()};
    shell.insert(shell.end(), args.begin(), args.end());
    return run_process("/bin/sh", shell);
#endif
}

constexpr std::size_t hostile_limit_kib = 192 * 1024;
constexpr std::size_t largest_record_limit_kib = 512 * 1024;

std::vector<std::string> pmids_of(const std::string& jsonl) {
    std::vector<std::string> pmids;
    const std::regex pmid(R"re(^\{"pmid":"(\d+)")re");
    std::istringstream lines(jsonl);
    for (std::string line; std::getline(lines, line);) {
        std::smatch match;
        if (std::regex_search(line, match, pmid)) pmids.push_back(match[1]);
    }
    return pmids;
}

const std::string prologue = "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n";
const std::string closing = "</PubmedArticleSet>\n";

std::string record(const std::string& pmid, const std::string& title) {
    return "<PubmedArticle><MedlineCitation><PMID Version=\"1\">" + pmid +
           "</PMID><Article><ArticleTitle>" + title + "</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n";
}

const std::string good_record = record("97100099", "The record after [fictional test record]");

// A gzip file written piece by piece: a piece is text, or text repeated.
struct Piece {
    std::string text;
    std::size_t times = 1;
};

std::filesystem::path write_gzip(const std::filesystem::path& path, const std::vector<Piece>& pieces) {
    gzFile file = gzopen(path.c_str(), "wb1");
    REQUIRE(file != nullptr);
    for (const Piece& piece : pieces) {
        for (std::size_t i = 0; i < piece.times; ++i) {
            REQUIRE(gzwrite(file, piece.text.data(), static_cast<unsigned>(piece.text.size())) ==
                    static_cast<int>(piece.text.size()));
        }
    }
    REQUIRE(gzclose(file) == Z_OK);
    return path;
}

// A TCP listener on 127.0.0.1 that counts connections and answers none: what an XML reader that
// fetched a DTD or an entity from http://127.0.0.1:PORT/ would have connected to.
class ConnectionCounter {
public:
    ConnectionCounter() {
        socket_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        REQUIRE(socket_ >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(socket_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        REQUIRE(::listen(socket_, 64) == 0);
        socklen_t length = sizeof address;
        REQUIRE(::getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length) == 0);
        port_ = ntohs(address.sin_port);
        accepting_ = std::thread([this] {
            while (!stop_) {
                pollfd ready{socket_, POLLIN, 0};
                if (::poll(&ready, 1, 50) > 0) drain();
            }
        });
    }
    ~ConnectionCounter() {
        stop_ = true;
        accepting_.join();
        ::close(socket_);
    }
    int port() const { return port_; }
    // Every connection made so far, those still waiting in the backlog included.
    std::size_t connections() {
        drain();
        return connections_;
    }

private:
    void drain() {
        for (int client; (client = ::accept4(socket_, nullptr, nullptr, SOCK_CLOEXEC)) >= 0;) {
            ++connections_;
            ::close(client);
        }
    }
    int socket_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<std::size_t> connections_{0};
    std::thread accepting_;
};

void connect_once(int port) {
    int client = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    REQUIRE(client >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    CHECK(::connect(client, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    ::close(client);
}

}  // namespace

TEST_CASE("the billion laughs are never expanded: the record using them is refused where it uses them",
          "[hardening][xml]") {
    const auto file = ldn::test::fixture("hostile/billion_laughs.xml");
    const std::string text = slurp(file);
    const std::size_t reference = text.find("<ArticleTitle>&lol9;") + std::string("<ArticleTitle>").size();
    auto result = run_ldn({"parse", file.string()});
    CHECK(result.exit_code == 65);
    CHECK(pmids_of(result.out) == std::vector<std::string>{"97100001", "97100003"});
    CHECK(result.out.find("lol") == std::string::npos);
    CHECK(result.err == "ldn: warning: " + file.string() + ": record 2 (PMID 97100002) at byte " +
                            std::to_string(reference) +
                            ": reference to the undeclared entity &lol9; (entities declared in a DOCTYPE are never "
                            "expanded)\n");
}

TEST_CASE("external entities naming a local file are never read: its content reaches no output and no index",
          "[hardening][xml]") {
    ldn::test::TempDir dir;
    const std::string canary = "LDN-XXE-CANARY-7c1f0e9a";
    const auto secret = dir.path() / "secret.txt";
    std::ofstream(secret) << canary << "\n";
    REQUIRE(slurp(secret).find(canary) == 0);
    const auto file = instantiate(dir, "external_entity_file.xml", {{"@SECRET_FILE@", secret.string()}});

    auto parsed = run_ldn({"parse", file.string()});
    CHECK(parsed.exit_code == 65);
    CHECK(pmids_of(parsed.out) == std::vector<std::string>{"97100013"});
    CHECK_THAT(parsed.err, Catch::Contains(": record 1 (PMID 97100011) at byte ") &&
                               Catch::Contains(": record 2 (PMID 97100012) at byte ") &&
                               Catch::Contains("reference to the undeclared entity &xxe;"));

    const auto store = dir.path() / "store";
    auto ingested = run_ldn({"ingest", file.string(), "--store", store.string()});
    CHECK(ingested.exit_code == 65);
    auto searched = run_ldn({"search", "--format", "json", "--store", store.string()});
    CHECK(searched.exit_code == 0);
    CHECK_THAT(searched.out, Catch::Contains("\"total\":1"));
    for (const auto& text : {parsed.out, parsed.err, ingested.out, ingested.err, searched.out}) {
        CHECK(text.find(canary) == std::string::npos);
    }
}

TEST_CASE("an external DTD and external entities on http:// are never fetched: the port sees no connection",
          "[hardening][xml]") {
    ldn::test::TempDir dir;
    ConnectionCounter listener;
    const auto file = instantiate(dir, "external_entity_http.xml", {{"@PORT@", std::to_string(listener.port())}});

    auto parsed = run_ldn({"parse", file.string()});
    CHECK(parsed.exit_code == 65);
    CHECK(pmids_of(parsed.out) == std::vector<std::string>{"97100022"});
    CHECK_THAT(parsed.err, Catch::Contains(": record 1 (PMID 97100021) at byte ") &&
                               Catch::Contains("reference to the undeclared entity &web;"));
    auto ingested = run_ldn({"ingest", file.string(), "--store", (dir.path() / "store").string()});
    CHECK(ingested.exit_code == 65);
    CHECK(listener.connections() == 0);

    connect_once(listener.port());  // the control: a connection is seen when one is made
    CHECK(listener.connections() == 1);
}

TEST_CASE("a DOCTYPE whose literals, comment and processing instruction hold its closing characters is skipped whole",
          "[hardening][xml]") {
    auto result = run_ldn({"parse", ldn::test::fixture("hostile/doctype_tricks.xml").string()});
    CHECK(result.err.empty());
    CHECK(result.exit_code == 0);
    CHECK(pmids_of(result.out) == std::vector<std::string>{"97100031", "97100032"});  // not 97100039
}

TEST_CASE("nesting deeper than 256 elements is refused at the 257th, whether 300 or a million deep",
          "[hardening][xml][nesting]") {
    ldn::test::TempDir dir;
    // PubmedArticle, MedlineCitation, Article and ArticleTitle are four levels; the title adds the rest.
    auto nested = [](std::size_t depth) {
        std::string title;
        title.reserve(depth * 7 + 1);
        for (std::size_t i = 0; i < depth; ++i) title += "<i>";
        title += "x";
        for (std::size_t i = 0; i < depth; ++i) title += "</i>";
        return record("97100041", title);
    };
    const std::string deepest_allowed = prologue + nested(256 - 4) + good_record + closing;
    std::ofstream(dir.path() / "256.xml") << deepest_allowed;
    auto allowed = run_ldn({"parse", (dir.path() / "256.xml").string()});
    CHECK(allowed.exit_code == 0);
    CHECK(pmids_of(allowed.out) == std::vector<std::string>{"97100041", "97100099"});

    for (std::size_t depth : {257u - 4u, 300u, 100'000u, 1'000'000u}) {
        CAPTURE(depth);
        const std::string text = prologue + nested(depth) + good_record + closing;
        const auto path = dir.path() / ("deep-" + std::to_string(depth) + ".xml");
        std::ofstream(path) << text;
        const std::size_t too_deep = text.find("<ArticleTitle>") + std::string("<ArticleTitle>").size() + 3 * 252;
        auto result = ldn_within(hostile_limit_kib, {"parse", path.string()});
        CHECK(result.exit_code == 65);  // not 139: the stack is never at risk
        CHECK(pmids_of(result.out) == std::vector<std::string>{"97100099"});
        CHECK(result.err == "ldn: warning: " + path.string() + ": record 1 (PMID 97100041) at byte " +
                                std::to_string(too_deep) + ": elements nested deeper than 256 levels\n");
    }
}

TEST_CASE("a record of more than 2,000,000 nodes is refused before its tree is built",
          "[hardening][xml][size]") {
    ldn::test::TempDir dir;
    struct Row {
        const char* what;
        std::string node;
        std::size_t count;
    };
    // Each 7 MB to 22 MB, well under the 32 MiB record limit, but 20 to 40 times that as a tree.
    const Row rows[] = {
        {"empty elements", "<a/>", 2'100'000},
        {"elements and white space", "<a/> ", 1'100'000},
        {"attributes", "<a b=\"\" c=\"\" d=\"\" e=\"\" f=\"\" g=\"\" h=\"\" i=\"\" j=\"\" k=\"\"/>", 200'000},
    };
    for (const Row& row : rows) {
        CAPTURE(row.what);
        std::string text = prologue + "<PubmedArticle><MedlineCitation><PMID Version=\"1\">97100051</PMID><Article>";
        text.reserve(text.size() + row.node.size() * row.count + 1000);
        for (std::size_t i = 0; i < row.count; ++i) text += row.node;
        text += "</Article></MedlineCitation></PubmedArticle>\n" + good_record + closing;
        const auto path = dir.path() / "nodes.xml";
        std::ofstream(path) << text;
        auto result = ldn_within(hostile_limit_kib, {"parse", path.string()});
        CHECK(result.exit_code == 65);
        CHECK(pmids_of(result.out) == std::vector<std::string>{"97100099"});
        CHECK_THAT(result.err, Catch::StartsWith("ldn: warning: " + path.string() + ": record 1 (PMID 97100051) at byte ") &&
                                   Catch::EndsWith(": more than 2000000 elements, attributes and text runs in one record\n"));
    }
}

TEST_CASE("gigantic constructs are refused with their location in bounded memory", "[hardening][xml][size]") {
    ldn::test::TempDir dir;
    const std::string mib_of_spaces(1u << 20, ' ');
    const std::string mib_of_letters(1u << 20, 'a');
    const std::string article_start = "<PubmedArticle><MedlineCitation><PMID Version=\"1\">97100061</PMID><Article>";
    struct Row {
        const char* what;
        std::vector<Piece> pieces;
        int exit_code;
        std::string message;               // what stderr must contain
        std::vector<std::string> pmids;    // what stdout must list
    };
    const std::size_t offset = prologue.size();
    const Row rows[] = {
        {"a 300 MiB title (a record over 32 MiB)",
         {{prologue}, {article_start + "<ArticleTitle>"}, {mib_of_spaces, 300},
          {"</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n" + good_record + closing}},
         65,
         ": record 1 (PMID 97100061) at byte " + std::to_string(offset) +
             ": record larger than the limit of 33554432 bytes skipped\n",
         {"97100099"}},
        {"a start tag 300 MiB long",
         {{prologue}, {"<PubmedArticle a=\""}, {mib_of_letters, 300}, {"\"></PubmedArticle>\n" + good_record + closing}},
         65,
         ": record 1 at byte " + std::to_string(offset) + ": record larger than the limit of 33554432 bytes skipped\n",
         {"97100099"}},
        {"a start tag that never ends",
         {{prologue}, {"<PubmedArticle "}, {mib_of_letters, 300}},
         65,
         ": record 1 at byte " + std::to_string(offset) + ": record larger than the limit of 33554432 bytes skipped\n",
         {}},
        {"an element name 300 MiB long",
         {{prologue}, {"<PubmedArticle"}, {mib_of_letters, 300}},
         65,
         ": record 0 at byte " + std::to_string(offset) + ": unexpected element <PubmedArticleaaaa",
         {}},
        {"a DOCTYPE with a 300 MiB internal subset, then records",
         {{"<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet [<!ENTITY big \""}, {mib_of_letters, 300},
          {"\">]>\n<PubmedArticleSet>\n" + good_record + closing}},
         0,
         "",
         {"97100099"}},
        {"a DOCTYPE that never ends",
         {{"<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet ["}, {mib_of_spaces, 300}},
         65,
         ": unterminated DOCTYPE at byte 22\n",  // a file error: nothing after it can be read
         {}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.what);
        const auto path = write_gzip(dir.path() / "gigantic.xml.gz", row.pieces);  // 300 MiB, about 1.3 MB as gzip
        auto result = ldn_within(hostile_limit_kib, {"parse", path.string()});
        INFO(result.err.substr(0, 2000));
        CHECK(result.exit_code == row.exit_code);
        CHECK(pmids_of(result.out) == row.pmids);
        if (!row.message.empty()) CHECK_THAT(result.err, Catch::Contains(row.message));
        if (row.exit_code == 0) CHECK(result.err.empty());
    }
}

TEST_CASE("the largest record the limits let through is read in bounded memory", "[hardening][xml][size]") {
    ldn::test::TempDir dir;
    // Just under every limit: 1,990,000 empty elements and a 24 MiB title, 32 MiB in all.
    std::string text = prologue + "<PubmedArticle><MedlineCitation><PMID Version=\"1\">97100071</PMID><Article>";
    text.reserve(33u << 20);
    for (std::size_t i = 0; i < 1'990'000; ++i) text += "<a/>";
    text += "<ArticleTitle>" + std::string(24u << 20, 'x') + "</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n";
    REQUIRE(text.size() < (32u << 20));
    text += good_record + closing;
    const auto path = dir.path() / "largest.xml";
    std::ofstream(path) << text;
    text.clear();
    auto result = ldn_within(largest_record_limit_kib, {"parse", path.string()});
    CHECK(result.err.empty());
    CHECK(result.exit_code == 0);
    CHECK(pmids_of(result.out) == std::vector<std::string>{"97100071", "97100099"});
}
