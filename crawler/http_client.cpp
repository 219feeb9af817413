#include "crawler/http_client.hpp"

#include <curl/curl.h>

#include <cctype>
#include <ctime>
#include <mutex>
#include <stdexcept>

namespace ldn {

namespace {

void global_init_once() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Exchange {
    HttpResponse* response;
    std::size_t limit;
    bool over_limit = false;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* exchange = static_cast<Exchange*>(user);
    std::size_t bytes = size * count;
    if (exchange->response->body.size() + bytes > exchange->limit) {
        exchange->over_limit = true;
        return 0;  // makes curl abort the transfer
    }
    exchange->response->body.append(data, bytes);
    return bytes;
}

std::string trimmed_lower_name(std::string_view line, std::size_t colon) {
    std::string name;
    for (char c : line.substr(0, colon)) name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return name;
}

// Retry-After is delta-seconds or an HTTP date; both become a wait from now.
std::optional<std::chrono::milliseconds> parse_retry_after(std::string value) {
    while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) value.pop_back();
    while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front()))) value.erase(0, 1);
    if (value.empty()) return std::nullopt;
    if (value.find_first_not_of("0123456789") == std::string::npos && value.size() < 9) {
        return std::chrono::seconds(std::stol(value));
    }
    std::time_t when = curl_getdate(value.c_str(), nullptr);
    if (when < 0) return std::nullopt;
    std::time_t now = std::time(nullptr);
    return std::chrono::seconds(when > now ? when - now : 0);
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* exchange = static_cast<Exchange*>(user);
    std::size_t bytes = size * count;
    std::string_view line(data, bytes);
    std::size_t colon = line.find(':');
    if (colon != std::string_view::npos && trimmed_lower_name(line, colon) == "retry-after") {
        exchange->response->retry_after = parse_retry_after(std::string(line.substr(colon + 1)));
    }
    return bytes;
}

// "host:port" of a URL (never its path or query, where the API key travels), for messages.
std::string host_of(const std::string& url) {
    std::string host = "the server";
    CURLU* parsed = curl_url();
    if (parsed == nullptr) return host;
    char* name = nullptr;
    char* port = nullptr;
    if (curl_url_set(parsed, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK &&
        curl_url_get(parsed, CURLUPART_HOST, &name, 0) == CURLUE_OK) {
        host = name;
        if (curl_url_get(parsed, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK) host += std::string(":") + port;
    }
    curl_free(name);
    curl_free(port);
    curl_url_cleanup(parsed);
    return host;
}

// What a failed exchange says. TLS failures say so and name the server: verification is never
// turned off, so a certificate that does not verify is a refusal, not a flaky network.
std::string describe_failure(CURLcode code, const char* detail, const std::string& url) {
    std::string text = detail[0] != '\0' ? detail : curl_easy_strerror(code);
    switch (code) {
        case CURLE_PEER_FAILED_VERIFICATION:
            return "request not sent: the TLS certificate of " + host_of(url) + " could not be verified (" + text + ")";
        case CURLE_SSL_CONNECT_ERROR:
            return "request not sent: the TLS handshake with " + host_of(url) + " failed (" + text + ")";
        case CURLE_SSL_CACERT_BADFILE:
            return "request not sent: cannot read the trusted TLS certificates (" + text + ")";
        default:
            return text;
    }
}

}  // namespace

struct HttpClient::Handle {
    CURL* curl = nullptr;
    ~Handle() {
        if (curl != nullptr) curl_easy_cleanup(curl);
    }
};

HttpClient::HttpClient(HttpSettings settings) : handle_(std::make_unique<Handle>()), settings_(std::move(settings)) {
    global_init_once();
    handle_->curl = curl_easy_init();
    if (handle_->curl == nullptr) throw std::runtime_error("cannot initialise libcurl");
}

HttpClient::~HttpClient() = default;

std::string HttpClient::escape(const std::string& value) {
    char* escaped = curl_easy_escape(handle_->curl, value.data(), static_cast<int>(value.size()));
    if (escaped == nullptr) throw std::runtime_error("cannot percent-encode a parameter");
    std::string result(escaped);
    curl_free(escaped);
    return result;
}

HttpResponse HttpClient::send(const HttpRequest& request) {
    CURL* curl = handle_->curl;
    curl_easy_reset(curl);

    HttpResponse response;
    Exchange exchange{&response, settings_.max_body_bytes};
    char error_buffer[CURL_ERROR_SIZE] = {};

    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &exchange);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &exchange);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(settings_.connect_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(settings_.total_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // gzip on the wire when the server offers it
    curl_easy_setopt(curl, CURLOPT_USERAGENT, settings_.user_agent.c_str());
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    // A reused keep-alive connection that died is silently re-sent by libcurl: a request the rate
    // limiter never saw. One connection per request keeps the count exact (and 3/s needs no pool).
    curl_easy_setopt(curl, CURLOPT_FORBID_REUSE, 1L);
    if (!request.form_body.empty()) {
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.form_body.c_str());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.form_body.size()));
    }

    CURLcode code = curl_easy_perform(curl);
    if (code != CURLE_OK) {
        response.status = 0;
        response.timed_out = code == CURLE_OPERATION_TIMEDOUT;
        response.tls_refused = code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CACERT_BADFILE;
        response.transport_error = exchange.over_limit
                                       ? "response larger than " + std::to_string(settings_.max_body_bytes) + " bytes"
                                       : describe_failure(code, error_buffer, request.url);
        return response;
    }
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    char* content_type = nullptr;
    curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &content_type);
    if (content_type != nullptr) response.content_type = content_type;
    return response;
}

}  // namespace ldn
