// TLS: ldn talks to E-utilities only over connections whose certificate verifies. Against an HTTPS
// fake with a self-signed certificate (made at test time, tests/support/https_server.hpp) the
// crawler and the nightly refresh refuse with a message naming the server and the certificate
// problem, and no request (so no API key) ever reaches that server. A control client told to trust
// the certificate shows the fake itself works, so verification is what refuses.
#include <catch2/catch.hpp>

#include <curl/curl.h>

#include <string>
#include <vector>

#include "tests/fake_eutils/fake_eutils_server.hpp"
#include "tests/support/crawl_fixture.hpp"
#include "tests/support/https_server.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/process.hpp"
#include "tests/support/topic_file.hpp"

namespace fake = ldn::fake;
using ldn::test::run_process;
using ldn::test::write_topic_file;

namespace {

const std::string tls_test_key = "TLS-TEST-KEY-8d41c07be2";

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

// A GET that trusts exactly `ca_file`; returns the HTTP status (0 when the exchange failed).
long get_trusting(const std::string& url, const std::filesystem::path& ca_file, std::string& body) {
    CURL* curl = curl_easy_init();
    REQUIRE(curl != nullptr);
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_CAINFO, ca_file.c_str());
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    long status = 0;
    if (curl_easy_perform(curl) == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(curl);
    return status;
}

std::vector<std::string> command_line(const std::string& command, const ldn::test::TempDir& dir,
                                      const std::string& url) {
    return {command, "--topic", write_topic_file(dir.path()), "--store", (dir.path() / "store").string(),
            "--eutils-url", url, "--max-attempts", "2", "--backoff", "0.01", "--verbose"};
}

bool has_raw_batches(const std::filesystem::path& store) {
    if (!std::filesystem::exists(store / "raw")) return false;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(store / "raw")) {
        if (entry.path().extension() == ".gz") return true;
    }
    return false;
}

}  // namespace

TEST_CASE("an HTTPS server with a self-signed certificate is refused by crawl and refresh, and gets no request",
          "[hardening][tls]") {
    ldn::test::TempDir dir;
    ldn::test::HttpsServer server(dir.path());
    server.start();

    // The control: a client that trusts this certificate gets an answer, so the server works.
    std::string body;
    REQUIRE(get_trusting(server.base_url() + "esearch.fcgi", server.certificate(), body) == 200);
    CHECK(body == "hello");
    REQUIRE(server.requests() == 1);

    const std::string host = "127.0.0.1:" + std::to_string(server.port());
    for (const std::string command : {"crawl", "refresh"}) {
        CAPTURE(command);
        auto result = run_process(ldn::test::ldn_binary(), command_line(command, dir, server.base_url()),
                                  {"NCBI_API_KEY=" + tls_test_key, "NCBI_EMAIL=tls-tests@example.org"});
        INFO(result.err);
        CHECK(result.exit_code == 69);
        CHECK(result.out.empty());
        CHECK_THAT(result.err, Catch::Contains("ldn: error: esearch ") &&
                                   Catch::Contains("request not sent: the TLS certificate of " + host +
                                                   " could not be verified (SSL certificate problem: ") &&
                                   Catch::Contains("certificate) after 1 attempt"));  // not retried: the answer cannot change
        CHECK(result.err.find(tls_test_key) == std::string::npos);
    }
    CHECK(server.requests() == 1);  // only the control's: nothing of ldn's, key included, got through
    CHECK_FALSE(has_raw_batches(dir.path() / "store"));
}

TEST_CASE("https:// to a plain-HTTP server fails the handshake and never falls back to HTTP",
          "[hardening][tls]") {
    ldn::test::TempDir dir;
    fake::FakeEutilsServer server(ldn::test::synthetic_corpus(5));
    server.start();
    const std::string https_url = "https://127.0.0.1:" + std::to_string(server.port()) + "/";
    auto result = run_process(ldn::test::ldn_binary(), command_line("crawl", dir, https_url),
                              {"NCBI_API_KEY=" + tls_test_key});
    INFO(result.err);
    CHECK(result.exit_code == 69);
    CHECK_THAT(result.err, Catch::Contains("request not sent: the TLS handshake with 127.0.0.1:" +
                                           std::to_string(server.port()) + " failed ("));
    CHECK(result.err.find(tls_test_key) == std::string::npos);
    CHECK(server.request_count() == 0);  // the E-utilities never saw a request
}
