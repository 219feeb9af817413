#pragma once
// A tiny libcurl client for the fake server's tests: one GET or POST, everything the test may want
// to look at (libcurl's result code, HTTP status, headers, body, time taken). The crawler has its
// own client; this one stays deliberately plain so the tests see the server as any client would.

#include <cctype>
#include <chrono>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <curl/curl.h>

namespace ldn::fake::test {

struct HttpResult {
    CURLcode code = CURLE_OK;   // transport outcome: CURLE_OK, CURLE_RECV_ERROR, CURLE_PARTIAL_FILE, …
    long status = 0;            // HTTP status, 0 when none arrived
    std::string body;
    std::map<std::string, std::string> headers;  // lower-case names
    std::chrono::milliseconds elapsed{0};
    bool ok() const { return code == CURLE_OK; }
    std::string header(const std::string& name) const {
        auto found = headers.find(name);
        return found == headers.end() ? std::string{} : found->second;
    }
};

using Form = std::vector<std::pair<std::string, std::string>>;

inline std::string url_encode(const Form& form) {
    std::string out;
    for (const auto& [name, value] : form) {
        if (!out.empty()) out += '&';
        char* escaped_name = curl_easy_escape(nullptr, name.c_str(), static_cast<int>(name.size()));
        char* escaped_value = curl_easy_escape(nullptr, value.c_str(), static_cast<int>(value.size()));
        out += escaped_name;
        out += '=';
        out += escaped_value;
        curl_free(escaped_name);
        curl_free(escaped_value);
    }
    return out;
}

namespace detail {

inline std::size_t append_body(char* data, std::size_t size, std::size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

inline std::size_t collect_header(char* data, std::size_t size, std::size_t count, void* user) {
    std::string line(data, size * count);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ')) value.erase(value.begin());
        while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
        (*static_cast<std::map<std::string, std::string>*>(user))[name] = value;
    }
    return size * count;
}

inline HttpResult perform(const std::string& url, const std::string* post_body, long timeout_ms) {
    static const bool initialised = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }();
    (void)initialised;
    HttpResult result;
    CURL* curl = curl_easy_init();
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &append_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &result.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &collect_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &result.headers);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    if (post_body) {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, post_body->c_str());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(post_body->size()));
    }
    const auto start = std::chrono::steady_clock::now();
    result.code = curl_easy_perform(curl);
    result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &result.status);
    curl_easy_cleanup(curl);
    return result;
}

}  // namespace detail

inline HttpResult http_get(const std::string& url, long timeout_ms = 5000) {
    return detail::perform(url, nullptr, timeout_ms);
}

inline HttpResult http_get(const std::string& base, const std::string& utility, const Form& form,
                           long timeout_ms = 5000) {
    return detail::perform(base + utility + "?" + url_encode(form), nullptr, timeout_ms);
}

inline HttpResult http_post(const std::string& base, const std::string& utility, const Form& form,
                            long timeout_ms = 5000) {
    const std::string body = url_encode(form);
    return detail::perform(base + utility, &body, timeout_ms);
}

}  // namespace ldn::fake::test
