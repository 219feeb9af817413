#pragma once
// An HTTPS server on loopback whose certificate nobody trusts: a key and a self-signed certificate
// (subject and SAN 127.0.0.1, valid one hour) are made with the OpenSSL API when the server starts,
// so the test needs no `openssl` program and no certificate on disk beforehand. Every request that
// reaches it (none should, from a client that verifies) is counted and answered 200 "hello".
//
// The certificate is written to `folder`/cert.pem, so a control client that is told to trust it can
// show the server itself works: what refuses the connection is the verification, nothing else.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

namespace ldn::test {

class HttpsServer {
public:
    explicit HttpsServer(std::filesystem::path folder);
    ~HttpsServer();
    HttpsServer(const HttpsServer&) = delete;
    HttpsServer& operator=(const HttpsServer&) = delete;

    // Makes the key and certificate, binds 127.0.0.1 on a free port and serves on a background
    // thread; returns once connections are accepted. Throws std::runtime_error on failure.
    void start();
    void stop();

    int port() const;
    std::string base_url() const;  // "https://127.0.0.1:PORT/"
    const std::filesystem::path& certificate() const { return certificate_; }
    std::size_t requests() const;  // requests that got through TLS to a handler

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::filesystem::path folder_;
    std::filesystem::path certificate_;
    std::filesystem::path key_;
};

}  // namespace ldn::test
