// `ldn serve`: the search page and the JSON API over HTTP, read-only (issue 9).

#include <atomic>
#include <chrono>
#include <csignal>
#include <memory>
#include <pthread.h>
#include <string>
#include <thread>

#include "query/cli/commands.hpp"
#include "query/cli/search_options.hpp"
#include "query/cli/messages.hpp"
#include "query/serve/search_server.hpp"

namespace ldn::cli {

namespace {

struct ServeFlags {
    std::string bind = "127.0.0.1";
    int port = 8080;
    std::string database;
    std::string store;
    long long threads = 8;
};

Error usage(const std::string& message) { return Error(ExitCode::usage, message); }

serve::ServeOptions resolve_serve_options(const ServeFlags& flags) {
    serve::ServeOptions options;
    options.bind = flags.bind;
    if (flags.port < 0 || flags.port > 65535) throw usage("--port wants 0 to 65535, not " + std::to_string(flags.port));
    options.port = flags.port;
    if (flags.threads < 1 || flags.threads > 1024) {
        throw usage("--threads wants 1 to 1024, not " + std::to_string(flags.threads));
    }
    options.threads = static_cast<std::size_t>(flags.threads);
    options.database = index_location(flags.store, flags.database);
    return options;
}

// SIGINT and SIGTERM stop the server cleanly: they are blocked in every thread (the pool's threads
// inherit the mask) and one thread waits for them, since stopping httplib is not async-signal-safe.
class StopOnSignal {
public:
    explicit StopOnSignal(serve::SearchServer& server) {
        sigemptyset(&signals_);
        sigaddset(&signals_, SIGINT);
        sigaddset(&signals_, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
        waiter_ = std::thread([this, &server] {
            int signal = 0;
            sigwait(&signals_, &signal);
            // Asking a server that is not listening yet to stop does nothing: ask until it has stopped.
            while (!finished_) {
                server.stop();
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        });
    }
    ~StopOnSignal() {
        finished_ = true;
        // When the server ended without a signal (it failed), this wakes the waiter to be joined.
        pthread_kill(waiter_.native_handle(), SIGTERM);
        waiter_.join();
    }
    StopOnSignal(const StopOnSignal&) = delete;
    StopOnSignal& operator=(const StopOnSignal&) = delete;

private:
    sigset_t signals_;
    std::atomic<bool> finished_ = false;
    std::thread waiter_;
};

ExitCode run_serve(const ServeFlags& flags) {
    const serve::ServeOptions options = resolve_serve_options(flags);
    std::signal(SIGPIPE, SIG_IGN);  // a client that hangs up must not end the server
    serve::SearchServer server(options);
    StopOnSignal stop_on_signal(server);
    const int port = server.bind();
    const std::string host = options.bind.find(':') != std::string::npos ? "[" + options.bind + "]" : options.bind;
    print_note("serve: listening on http://" + host + ":" + std::to_string(port) + "/ (index " +
               options.database.string() + "); Ctrl-C stops");
    server.run();
    print_note("serve: stopped");
    return ExitCode::ok;
}

}  // namespace

Command add_serve_command(CLI::App& app) {
    auto flags = std::make_shared<ServeFlags>();
    CLI::App* command = app.add_subcommand("serve", "Serve the search page and a JSON API over HTTP (read-only)");
    command->add_option("--bind", flags->bind, "Address to listen on (default 127.0.0.1: this machine only)")
        ->type_name("ADDRESS");
    command->add_option("--port", flags->port, "Port (default 8080; 0: any free port, printed at start)")->type_name("N");
    add_index_options(*command, flags->store, flags->database);
    command->add_option("--threads", flags->threads, "Requests answered at once (default 8)")->type_name("N");
    command->footer(
        "Endpoints: / (the page), /api/search, /api/article/PMID, /api/cite, /api/export, /api/summary, /healthz\n"
        "(README.md, 'ldn serve'). A refresh's new records are served without a restart.\n"
        "Exit codes: 0 stopped by SIGINT/SIGTERM, 1 no index, 2 bad option, 65 index of another schema, "
        "74 unreadable index, 75 address in use.");
    return {command, [flags] { return run_serve(*flags); }};
}

}  // namespace ldn::cli
