#include "tests/support/https_server.hpp"

// Debian's cpp-httplib is built with OpenSSL (its pkg-config Cflags define this); SSLServer is only
// declared with it.
#ifndef CPPHTTPLIB_OPENSSL_SUPPORT
#define CPPHTTPLIB_OPENSSL_SUPPORT
#endif
#include <httplib.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <thread>

namespace ldn::test {

namespace {

struct KeyDeleter {
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct CertificateDeleter {
    void operator()(X509* certificate) const { X509_free(certificate); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyDeleter>;
using CertificatePtr = std::unique_ptr<X509, CertificateDeleter>;

void require(bool ok, const char* what) {
    if (!ok) throw std::runtime_error(std::string("HttpsServer: ") + what + " failed");
}

void add_extension(X509* certificate, int nid, const char* value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    require(extension != nullptr, "X509V3_EXT_conf_nid");
    int added = X509_add_ext(certificate, extension, -1);
    X509_EXTENSION_free(extension);
    require(added == 1, "X509_add_ext");
}

// A P-256 key and a certificate for 127.0.0.1 signed by that key: self-signed, trusted by no one.
std::pair<KeyPtr, CertificatePtr> self_signed_certificate() {
    KeyPtr key(EVP_EC_gen("P-256"));
    require(key != nullptr, "EVP_EC_gen");
    CertificatePtr certificate(X509_new());
    require(certificate != nullptr, "X509_new");
    X509* cert = certificate.get();
    require(X509_set_version(cert, 2) == 1, "X509_set_version");
    require(ASN1_INTEGER_set(X509_get_serialNumber(cert), 1) == 1, "ASN1_INTEGER_set");
    require(X509_gmtime_adj(X509_getm_notBefore(cert), -60) != nullptr, "X509_gmtime_adj");
    require(X509_gmtime_adj(X509_getm_notAfter(cert), 3600) != nullptr, "X509_gmtime_adj");
    require(X509_set_pubkey(cert, key.get()) == 1, "X509_set_pubkey");
    X509_NAME* name = X509_get_subject_name(cert);
    require(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                       reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0) == 1,
            "X509_NAME_add_entry_by_txt");
    require(X509_set_issuer_name(cert, name) == 1, "X509_set_issuer_name");
    // The name matches, so verification fails on trust alone; CA:TRUE lets a control client that is
    // given this file trust it as its own root.
    add_extension(cert, NID_subject_alt_name, "IP:127.0.0.1");
    add_extension(cert, NID_basic_constraints, "critical,CA:TRUE");
    require(X509_sign(cert, key.get(), EVP_sha256()) > 0, "X509_sign");
    return {std::move(key), std::move(certificate)};
}

void write_certificate(const std::filesystem::path& path, X509* certificate) {
    FILE* file = std::fopen(path.c_str(), "w");
    require(file != nullptr, "opening the certificate file");
    bool ok = PEM_write_X509(file, certificate) == 1;
    std::fclose(file);
    require(ok, "PEM_write_X509");
}

}  // namespace

struct HttpsServer::Impl {
    KeyPtr key;
    CertificatePtr certificate;
    std::unique_ptr<httplib::SSLServer> server;
    std::thread thread;
    std::atomic<std::size_t> requests{0};
    int port = 0;
};

HttpsServer::HttpsServer(std::filesystem::path folder)
    : impl_(std::make_unique<Impl>()), folder_(std::move(folder)), certificate_(folder_ / "cert.pem") {}

HttpsServer::~HttpsServer() { stop(); }

void HttpsServer::start() {
    auto [key, certificate] = self_signed_certificate();
    write_certificate(certificate_, certificate.get());
    impl_->key = std::move(key);
    impl_->certificate = std::move(certificate);
    impl_->server = std::make_unique<httplib::SSLServer>(impl_->certificate.get(), impl_->key.get());
    require(impl_->server->is_valid(), "setting up the TLS context");
    auto answer = [this](const httplib::Request&, httplib::Response& response) {
        ++impl_->requests;
        response.set_content("hello", "text/plain");
    };
    impl_->server->Get(".*", answer);
    impl_->server->Post(".*", answer);
    impl_->port = impl_->server->bind_to_any_port("127.0.0.1");
    require(impl_->port > 0, "binding 127.0.0.1");
    impl_->thread = std::thread([this] { impl_->server->listen_after_bind(); });
    for (int waited = 0; !impl_->server->is_running(); ++waited) {
        require(waited < 10'000, "starting to listen");  // 10 s: a guard against hanging, not a timing
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

void HttpsServer::stop() {
    if (!impl_ || !impl_->server) return;
    impl_->server->stop();
    if (impl_->thread.joinable()) impl_->thread.join();
    impl_->server.reset();
}

int HttpsServer::port() const { return impl_->port; }

std::string HttpsServer::base_url() const { return "https://127.0.0.1:" + std::to_string(impl_->port) + "/"; }

std::size_t HttpsServer::requests() const { return impl_->requests.load(); }

}  // namespace ldn::test
