#include "tests/fake_eutils/fake_eutils_server.hpp"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <httplib.h>

#include "tests/fake_eutils/eutils_responses.hpp"
#include "tests/fake_eutils/eutils_service.hpp"

namespace ldn::fake {

namespace {

int port_of(const sockaddr_storage& address) {
    if (address.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port);
    if (address.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
    return -1;
}

// cpp-httplib always writes a status line before any body, so "the connection drops before a
// response" needs the socket itself. httplib does not hand it to handlers; we find it among our
// descriptors by its two ports (unique while the connection lives, and it lives while we handle
// it). Then: SO_LINGER 0 makes the close send a TCP RST, and dup2() over the descriptor closes the
// connection at once while leaving httplib a harmless unconnected socket to write to and close.
bool reset_connection(const httplib::Request& request) {
    DIR* descriptors = opendir("/proc/self/fd");
    if (!descriptors) return false;
    bool done = false;
    while (dirent* entry = readdir(descriptors)) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
        const int fd = std::atoi(entry->d_name);
        struct stat status {};
        if (fstat(fd, &status) != 0 || !S_ISSOCK(status.st_mode)) continue;
        sockaddr_storage local{};
        sockaddr_storage peer{};
        socklen_t local_size = sizeof local;
        socklen_t peer_size = sizeof peer;
        if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_size) != 0) continue;
        if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_size) != 0) continue;
        if (port_of(local) != request.local_port || port_of(peer) != request.remote_port) continue;
        const linger abort_on_close{1, 0};
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort_on_close, sizeof abort_on_close);
        const int placeholder = socket(local.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (placeholder >= 0) {
            done = dup2(placeholder, fd) == fd;
            close(placeholder);
        }
        break;
    }
    closedir(descriptors);
    return done;
}

// Cuts an XML body in the middle: for an efetch set that is inside one of its records.
std::string cut_in_half(const std::string& body) {
    return body.substr(0, body.size() / 2);
}

}  // namespace

struct FakeEutilsServer::Impl {
    Impl(std::shared_ptr<Corpus> corpus_in, FakeEutilsOptions options_in)
        : corpus(std::move(corpus_in)),
          options(std::move(options_in)),
          history(options.faults.seed, options.webenv_limits),
          log(options.rate_window),
          service(*corpus, history) {}

    // Settings that tests may change while requests are served.
    struct Settings {
        int rate_limit;
        int key_rate_limit;
        std::optional<int> retry_after_seconds;
        FaultPlan faults;
    };
    Settings settings() const {
        std::lock_guard lock(settings_mutex);
        return Settings{options.rate_limit, options.key_rate_limit, options.retry_after_seconds, options.faults};
    }

    void handle(const httplib::Request& request, httplib::Response& response, Params params);
    Reply answer(Utility utility, const Params& params) const;
    void send(const Reply& reply, httplib::Response& response) const;
    // Waits, but returns early when the server stops, so stop() never waits on a slow response.
    void pause(std::chrono::milliseconds delay);

    std::shared_ptr<Corpus> corpus;
    FakeEutilsOptions options;  // guarded by settings_mutex once started
    mutable std::mutex settings_mutex;
    HistoryStore history;
    RequestLog log;
    EutilsService service;

    httplib::Server http;
    std::thread thread;
    int bound_port = -1;
    std::mutex stop_mutex;
    std::condition_variable stop_signal;
    bool stopping = false;
    bool started = false;
    std::atomic<bool> listen_returned{false};
};

Reply FakeEutilsServer::Impl::answer(Utility utility, const Params& params) const {
    switch (utility) {
    case Utility::esearch: return service.esearch(params, options.today.value_or(today_utc()));
    case Utility::efetch: return service.efetch(params);
    case Utility::epost: return service.epost(params);
    case Utility::other: break;
    }
    Reply reply;
    reply.status = 404;
    reply.content_type = "text/plain";
    reply.body = "Not Found\n";
    return reply;
}

void FakeEutilsServer::Impl::send(const Reply& reply, httplib::Response& response) const {
    response.status = reply.status;
    for (const auto& [name, value] : reply.headers) response.set_header(name, value);
    response.set_content(reply.body, reply.content_type);
}

void FakeEutilsServer::Impl::pause(std::chrono::milliseconds delay) {
    std::unique_lock lock(stop_mutex);
    stop_signal.wait_for(lock, delay, [this] { return stopping; });
}

void FakeEutilsServer::Impl::handle(const httplib::Request& request, httplib::Response& response,
                                    Params params) {
    const Utility utility = utility_of(request.path);
    const bool has_key = params.count("api_key") > 0;
    const bool uses_history = utility == Utility::efetch && params.count("WebEnv") > 0 &&
                              param(params, "id").empty();
    const std::string webenv = param(params, "WebEnv");

    RecordedRequest record;
    record.method = request.method;
    record.path = request.path;
    record.params = std::move(params);
    const auto arrival = log.arrive(record);
    const Params& query = record.params;  // still ours: arrive() took a copy
    const Settings now = settings();

    auto retry_after = [&](Reply& reply) {
        if (now.retry_after_seconds)
            reply.headers.emplace_back("Retry-After", std::to_string(*now.retry_after_seconds));
    };

    const int limit = has_key ? now.key_rate_limit : now.rate_limit;
    if (limit > 0 && arrival.in_window > static_cast<std::size_t>(limit)) {
        Reply refused{429, "application/json", rate_limit_json(arrival.in_window), {}};
        retry_after(refused);
        send(refused, response);
        log.finish(arrival.number, 429, true, std::nullopt, refused.body.size());
        return;
    }

    const std::optional<FaultKind> fault = now.faults.choose(FaultContext{
        arrival.number, utility == Utility::esearch, utility == Utility::efetch, uses_history});
    if (!fault) {
        const Reply reply = answer(utility, query);
        send(reply, response);
        log.finish(arrival.number, reply.status, false, std::nullopt, reply.body.size());
        return;
    }

    Reply reply;
    switch (*fault) {
    case FaultKind::too_many_requests:
        reply = Reply{429, "application/json", rate_limit_json(arrival.in_window), {}};
        retry_after(reply);
        break;
    case FaultKind::bad_request:
        reply = Reply{400, "application/json", server_error_json(400, "Bad Request"), {}};
        break;
    case FaultKind::server_error:
        reply = Reply{500, "text/html", server_error_html(500, "Internal Server Error"), {}};
        break;
    case FaultKind::server_error_json:
        reply = Reply{500, "application/json", server_error_json(500, "Internal Server Error"), {}};
        break;
    case FaultKind::bad_gateway:
        reply = Reply{502, "text/html", server_error_html(502, "Bad Gateway"), {}};
        break;
    case FaultKind::service_unavailable:
        reply = Reply{503, "text/html", server_error_html(503, "Service Unavailable"), {}};
        retry_after(reply);
        break;
    case FaultKind::connection_reset:
        if (reset_connection(request)) {
            log.finish(arrival.number, 0, false, fault, 0);
            return;
        }
        // Could not reach the socket: fall back to a response that ends before its body.
        [[fallthrough]];
    case FaultKind::partial_body: {
        reply = answer(utility, query);
        auto body = std::make_shared<const std::string>(std::move(reply.body));
        response.status = reply.status;
        response.set_content_provider(
            body->size(), reply.content_type,
            [body](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                // Half of what the headers promised, then the connection closes.
                if (offset == 0) sink.write(body->data(), body->size() / 2);
                return false;
            });
        log.finish(arrival.number, reply.status, false, fault, body->size());
        return;
    }
    case FaultKind::truncated_body:
        reply = answer(utility, query);
        reply.body = cut_in_half(reply.body);
        break;
    case FaultKind::slow_response:
        pause(now.faults.slow_delay);
        reply = answer(utility, query);
        break;
    case FaultKind::error_body:
        reply.body = eutils_error_xml(error_root(utility), backend_failed_message);
        break;
    case FaultKind::maintenance_page:
        reply = Reply{200, "text/html", maintenance_html(), {}};
        break;
    case FaultKind::expired_webenv:
        // Expired for good: the client has to search again.
        history.expire(webenv);
        reply = answer(utility, query);
        break;
    }
    send(reply, response);
    log.finish(arrival.number, reply.status, false, fault, reply.body.size());
}

FakeEutilsServer::FakeEutilsServer(std::shared_ptr<Corpus> corpus, FakeEutilsOptions options)
    : impl_(std::make_unique<Impl>(corpus ? std::move(corpus) : std::make_shared<Corpus>(),
                                   std::move(options))) {
    impl_->options.faults.validate();
}

FakeEutilsServer::~FakeEutilsServer() { stop(); }

void FakeEutilsServer::start() {
    Impl& self = *impl_;
    if (self.started) throw std::logic_error("fake E-utilities server: start() called twice");
    self.started = true;

    const std::size_t threads = std::max<std::size_t>(self.options.threads, 2);
    self.http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    self.http.set_keep_alive_timeout(self.options.keep_alive_timeout.count());

    auto guarded = [&self](const httplib::Request& request, httplib::Response& response, Params params) {
        try {
            self.handle(request, response, std::move(params));
        } catch (const std::exception& error) {
            response.status = 500;
            response.set_content(std::string("fake-eutils: internal error: ") + error.what() + "\n",
                                 "text/plain");
        }
    };
    self.http.Get(".*", [guarded](const httplib::Request& request, httplib::Response& response) {
        guarded(request, response, Params(request.params.begin(), request.params.end()));
    });
    // POST bodies are read here, not by httplib, which caps form bodies at 8 KiB (see form_params.hpp).
    self.http.Post(".*", [guarded](const httplib::Request& request, httplib::Response& response,
                                   const httplib::ContentReader& reader) {
        std::string body;
        reader([&body](const char* data, std::size_t size) {
            body.append(data, size);
            return true;
        });
        Params params(request.params.begin(), request.params.end());
        const std::string type = request.get_header_value("Content-Type");
        if (type.empty() || type.rfind("application/x-www-form-urlencoded", 0) == 0) parse_form(body, params);
        guarded(request, response, std::move(params));
    });

    if (self.options.port == 0) {
        self.bound_port = self.http.bind_to_any_port(self.options.bind_address);
    } else if (self.http.bind_to_port(self.options.bind_address, self.options.port)) {
        self.bound_port = self.options.port;
    }
    if (self.bound_port <= 0)
        throw std::runtime_error("fake E-utilities server: cannot listen on " + self.options.bind_address +
                                 ":" + std::to_string(self.options.port));
    self.thread = std::thread([&self] {
        self.http.listen_after_bind();
        self.listen_returned = true;
    });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!self.http.is_running() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void FakeEutilsServer::stop() {
    Impl& self = *impl_;
    {
        std::lock_guard lock(self.stop_mutex);
        self.stopping = true;
    }
    self.stop_signal.notify_all();
    if (self.thread.joinable()) {
        // httplib's stop() only acts on a running loop: let listen_after_bind get there (or fail).
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (!self.http.is_running() && !self.listen_returned &&
               std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        self.http.stop();
        self.thread.join();
    }
}

bool FakeEutilsServer::running() const { return impl_->http.is_running(); }
int FakeEutilsServer::port() const { return impl_->bound_port; }

std::string FakeEutilsServer::base_url() const {
    return "http://" + impl_->options.bind_address + ":" + std::to_string(impl_->bound_port) + "/";
}

Corpus& FakeEutilsServer::corpus() { return *impl_->corpus; }

std::size_t FakeEutilsServer::request_count() const { return impl_->log.count(); }
std::vector<RecordedRequest> FakeEutilsServer::requests() const { return impl_->log.requests(); }

std::size_t FakeEutilsServer::request_count(std::string_view utility) const {
    std::size_t count = 0;
    for (const RecordedRequest& request : impl_->log.requests()) {
        const Utility kind = utility_of(request.path);
        if ((utility == "esearch" && kind == Utility::esearch) || (utility == "efetch" && kind == Utility::efetch) ||
            (utility == "epost" && kind == Utility::epost))
            ++count;
    }
    return count;
}

std::size_t FakeEutilsServer::max_requests_in_window() const { return impl_->log.max_in_window(); }
std::size_t FakeEutilsServer::max_served_in_window() const { return impl_->log.max_served_in_window(); }
void FakeEutilsServer::clear_requests() { impl_->log.clear(); }

void FakeEutilsServer::set_faults(FaultPlan plan) {
    plan.validate();
    std::lock_guard lock(impl_->settings_mutex);
    impl_->options.faults = std::move(plan);
}

void FakeEutilsServer::set_rate_limits(int without_key, int with_key) {
    std::lock_guard lock(impl_->settings_mutex);
    impl_->options.rate_limit = without_key;
    impl_->options.key_rate_limit = with_key;
}

void FakeEutilsServer::set_retry_after(std::optional<int> seconds) {
    std::lock_guard lock(impl_->settings_mutex);
    impl_->options.retry_after_seconds = seconds;
}

void FakeEutilsServer::set_webenv_limits(HistoryLimits limits) { impl_->history.set_limits(limits); }
void FakeEutilsServer::expire_webenvs() { impl_->history.expire_all(); }

}  // namespace ldn::fake
