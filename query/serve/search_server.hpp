#pragma once
// `ldn serve`: the JSON API and the search page over HTTP (cpp-httplib), read-only, on a thread pool.
// Every response carries a Content-Security-Policy that lets the page run only its own script and
// talk only to this server; every record string reaches the page as JSON that the page inserts as
// text. Requests are bounded (ApiLimits, socket timeouts); the index is reopened per request.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "query/serve/api_request.hpp"

namespace ldn::serve {

struct ServeOptions {
    std::string bind = "127.0.0.1";  // loopback unless told otherwise
    int port = 8080;                 // 0: any free port (tests)
    std::filesystem::path database;  // an index folder or a Xapian stub file
    std::size_t threads = 8;         // the pool that answers requests
    int socket_seconds = 10;         // reading a request or writing a response may take this long
    ApiLimits limits;
};

class SearchServer {
public:
    // Opens the index (ldn::Error when it is missing or unreadable: nothing is served then).
    explicit SearchServer(ServeOptions options);
    ~SearchServer();
    SearchServer(const SearchServer&) = delete;
    SearchServer& operator=(const SearchServer&) = delete;

    // Binds the socket and returns the port (the chosen one for port 0); throws ldn::Error when the
    // address cannot be bound.
    int bind();
    // Serves until stop(); call bind() first.
    void run();
    // From any thread: run() returns once the requests under way are answered.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ldn::serve
