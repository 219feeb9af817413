#include "query/serve/search_server.hpp"

#include <httplib.h>
#include <sys/socket.h>

#include <functional>

#include "crawler/errors.hpp"
#include "index/consistent_read.hpp"
#include "query/cli/messages.hpp"
#include "query/cli/summary_sources.hpp"
#include "query/search/query_language.hpp"
#include "query/serve/api.hpp"
#include "query/serve/api_error.hpp"
#include "query/serve/index_pool.hpp"
#include "query/serve/page_assets.hpp"

namespace ldn::serve {

namespace {

// The page loads only its own script and style, fetches only from this server, and cannot be framed.
constexpr const char* content_security_policy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

// A worker keeps a connection for this many requests, then closes it so that connections waiting
// for a worker are not starved when there are more clients than threads.
constexpr std::size_t requests_per_connection = 10;

httplib::Headers security_headers() {
    return {{"Content-Security-Policy", content_security_policy},
            {"X-Content-Type-Options", "nosniff"},
            {"Referrer-Policy", "no-referrer"},
            {"X-Frame-Options", "DENY"}};
}

std::string page_content_type(std::string_view path) {
    if (path.ends_with(".html")) return "text/html; charset=utf-8";
    if (path.ends_with(".js")) return "text/javascript; charset=utf-8";
    if (path.ends_with(".css")) return "text/css; charset=utf-8";
    if (path.ends_with(".svg")) return "image/svg+xml";
    return "application/octet-stream";
}

void send(httplib::Response& response, const ApiResponse& answer) {
    response.status = answer.status;
    for (const auto& [name, value] : answer.headers) response.set_header(name, value);
    response.set_header("Cache-Control", "no-store");
    response.set_content(answer.body, answer.content_type);
}

void send_error(httplib::Response& response, int status, const std::string& message,
                std::optional<std::size_t> column = std::nullopt) {
    send(response, ApiResponse{status, "application/json", error_body(message, column), {}});
}

// An ldn::Error from reading the index: the index is missing or changing (try later), or broken.
int status_of(const Error& error) {
    switch (error.code()) {
        case ExitCode::failure:
        case ExitCode::temporary: return 503;
        default: return 500;
    }
}

}  // namespace

struct SearchServer::Impl {
    explicit Impl(ServeOptions serve_options)
        : options(std::move(serve_options)), pool(options.database), vocabulary(cli::vocabulary_conditions()) {}

    using Endpoint = std::function<ApiResponse(Xapian::Database&, const httplib::Request&)>;

    // Runs one endpoint on a borrowed reader, turning every refusal into a JSON error. A remote
    // shard's connection can break between requests (the shard restarted, or timed the connection
    // out): the request runs once more on a new connection before it is refused with 503.
    void answer(const httplib::Request& request, httplib::Response& response, const Endpoint& endpoint) {
        try {
            answer_once(request, response, endpoint);
        } catch (const Xapian::NetworkError&) {
            try {
                answer_once(request, response, endpoint);
            } catch (const Xapian::NetworkError& error) {
                cli::print_error("serve: " + request.path + ": " + error.get_description());
                response.set_header("Retry-After", "5");
                send_error(response, 503, "a shard of the index cannot be reached; try again shortly");
            }
        }
    }

    void answer_once(const httplib::Request& request, httplib::Response& response, const Endpoint& endpoint) {
        try {
            IndexPool::Lease lease = pool.borrow();
            Xapian::Database& database = lease.database();
            try {
                send(response, read_consistently(database, [&] { return endpoint(database, request); }));
            } catch (const Xapian::NetworkError&) {
                lease.discard();
                throw;
            }
        } catch (const Xapian::NetworkError&) {
            throw;
        } catch (const ApiError& error) {
            send_error(response, error.status(), error.what(), error.column());
        } catch (const QuerySyntaxError& error) {
            send_error(response, 400, error.what(), error.column());
        } catch (const Error& error) {
            const int status = status_of(error);
            if (status == 503) response.set_header("Retry-After", "5");
            if (error.code() == ExitCode::temporary) {
                // The details (which shard, at which address) are for the log, not for every visitor.
                cli::print_error("serve: " + request.path + ": " + error.what());
                send_error(response, status, "the index cannot be read just now; try again shortly");
            } else {
                send_error(response, status, error.what());
            }
        } catch (const Xapian::Error& error) {
            cli::print_error("serve: " + request.path + ": " + error.get_description());
            send_error(response, 500, "the index could not be read; the server's log says why");
        } catch (const std::exception& error) {
            cli::print_error("serve: " + request.path + ": " + error.what());
            send_error(response, 500, "internal error; the server's log says why");
        }
    }

    void add_api_routes() {
        const ApiLimits& limits = options.limits;
        auto route = [this](const std::string& pattern, Endpoint endpoint) {
            server.Get(pattern, [this, endpoint](const httplib::Request& request, httplib::Response& response) {
                answer(request, response, endpoint);
            });
        };
        route("/api/search", [&limits](Xapian::Database& database, const httplib::Request& request) {
            return search_endpoint(database, request.params, limits, Day::today_utc());
        });
        route(R"(/api/article/([^/]*))", [](Xapian::Database& database, const httplib::Request& request) {
            const std::string pmid = request.matches[1];
            Parameters parameters{{"pmid", pmid}};
            return article_endpoint(database, pmid_list(parameters, ApiLimits{}).front());
        });
        route("/api/cite", [&limits](Xapian::Database& database, const httplib::Request& request) {
            return cite_endpoint(database, request.params, limits);
        });
        route("/api/export", [&limits](Xapian::Database& database, const httplib::Request& request) {
            return export_endpoint(database, request.params, limits, Day::today_utc());
        });
        route("/api/summary", [this, &limits](Xapian::Database& database, const httplib::Request& request) {
            return summary_endpoint(database, request.params, limits, Day::today_utc(), vocabulary);
        });
        route("/healthz", [](Xapian::Database& database, const httplib::Request&) { return health_endpoint(database); });
    }

    void add_page_routes() {
        for (const EmbeddedFile& file : embedded_page_files()) {
            auto serve_file = [&file](const httplib::Request&, httplib::Response& response) {
                response.set_header("Cache-Control", "no-cache");
                response.set_content(std::string(file.bytes), page_content_type(file.path).c_str());
            };
            server.Get(std::string(file.path), serve_file);
            if (file.path == "/index.html") server.Get("/", serve_file);
        }
    }

    // Unknown paths and methods get a JSON error too; the API is read-only.
    void add_refusals() {
        auto not_allowed = [](const httplib::Request&, httplib::Response& response) {
            response.set_header("Allow", "GET, HEAD");
            send_error(response, 405, "the API is read-only: only GET and HEAD are allowed");
        };
        server.Post(".*", not_allowed);
        server.Put(".*", not_allowed);
        server.Patch(".*", not_allowed);
        server.Delete(".*", not_allowed);
        server.Options(".*", not_allowed);
        server.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
            if (!response.body.empty()) return;
            if (response.status == 404) {
                send_error(response, 404, "no such page or endpoint: " + request.path);
            } else {
                send_error(response, response.status, "the request was refused (HTTP " + std::to_string(response.status) + ")");
            }
        });
    }

    ServeOptions options;
    IndexPool pool;
    std::vector<std::string> vocabulary;  // the condition ids of data/vocab, for summaries
    httplib::Server server;
    socket_t listening_socket = -1;
};

SearchServer::SearchServer(ServeOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
    httplib::Server& server = impl_->server;
    const std::size_t threads = impl_->options.threads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server.set_default_headers(security_headers());
    server.set_read_timeout(impl_->options.socket_seconds, 0);
    server.set_write_timeout(impl_->options.socket_seconds, 0);
    server.set_keep_alive_max_count(requests_per_connection);
    server.set_payload_max_length(64 * 1024);
    // Answers are written in pieces (headers, then body); without TCP_NODELAY, Nagle's algorithm and
    // the client's delayed ACK hold each answer back by about 40 ms.
    server.set_tcp_nodelay(true);
    // httplib's default also sets SO_REUSEPORT, which lets a second server bind the same port and
    // silently take half the requests; a port in use must be an error instead.
    server.set_socket_options([this](socket_t socket) {
        const int yes = 1;
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
        impl_->listening_socket = socket;
    });
    impl_->add_api_routes();
    impl_->add_page_routes();
    impl_->add_refusals();
}

SearchServer::~SearchServer() = default;

int SearchServer::bind() {
    const ServeOptions& options = impl_->options;
    const int port = options.port == 0 ? impl_->server.bind_to_any_port(options.bind)
                                       : (impl_->server.bind_to_port(options.bind, options.port) ? options.port : -1);
    if (port < 0) {
        throw Error(ExitCode::temporary, "cannot listen on " + options.bind + ":" + std::to_string(options.port) +
                                               " (in use, or not an address of this machine)");
    }
    // Debian's compiled cpp-httplib listens with a backlog of 5: a burst of new connections beyond
    // that waits for SYN retransmits (1 s, then 3 s) and clients time out. Listening again on the
    // bound socket raises the backlog.
    ::listen(impl_->listening_socket, SOMAXCONN);
    return port;
}

void SearchServer::run() { impl_->server.listen_after_bind(); }

void SearchServer::stop() { impl_->server.stop(); }

}  // namespace ldn::serve
