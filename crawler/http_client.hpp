#pragma once
// One HTTP exchange over libcurl, nothing more: no retries, no rate limiting (those are policies of
// the E-utilities client). TLS peer and host verification stay on; there is no switch to turn them off.

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace ldn {

struct HttpRequest {
    std::string url;        // with its query string for GET; without for POST
    std::string form_body;  // application/x-www-form-urlencoded; non-empty means POST
};

struct HttpResponse {
    long status = 0;                   // 0 when the exchange failed below HTTP
    std::string body;
    std::string content_type;
    std::optional<std::chrono::milliseconds> retry_after;  // from a Retry-After header
    std::string transport_error;       // curl's description when status is 0
    bool timed_out = false;
    // The server's certificate did not verify (or the trusted certificates cannot be read): asking
    // again cannot change the answer, so the client does not retry.
    bool tls_refused = false;
};

struct HttpSettings {
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds total_timeout{180'000};
    std::size_t max_body_bytes = 1u << 30;  // a runaway body is cut and reported as a failure
    std::string user_agent;
};

class HttpClient {
public:
    explicit HttpClient(HttpSettings settings);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    HttpResponse send(const HttpRequest& request);

    // Percent-encodes a query or form value.
    std::string escape(const std::string& value);

private:
    struct Handle;
    std::unique_ptr<Handle> handle_;
    HttpSettings settings_;
};

}  // namespace ldn
