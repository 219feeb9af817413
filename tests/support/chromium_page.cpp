#include "tests/support/chromium_page.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <system_error>
#include <utility>

namespace ldn::test {

namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

std::string seconds_text(std::chrono::milliseconds duration) {
    const auto tenths = (duration.count() + 50) / 100;
    return std::to_string(tenths / 10) + (tenths % 10 != 0 ? "." + std::to_string(tenths % 10) : "") + " s";
}

// Long scripts make unreadable failure messages; the start is enough to tell which call failed.
std::string excerpt(const std::string& text, std::size_t limit = 160) {
    std::string line = text;
    std::replace(line.begin(), line.end(), '\n', ' ');
    if (line.size() <= limit) return line;
    return line.substr(0, limit) + "…";
}

int milliseconds_until(Clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return 0;
    return static_cast<int>(std::min<long long>(left, 60'000));
}

// A DevTools RemoteObject as one line of text (a console.error argument, a thrown value).
std::string remote_object_text(const Json& object) {
    if (object.contains("value")) {
        const Json& value = object["value"];
        return value.is_string() ? value.get<std::string>() : value.dump();
    }
    if (object.contains("description")) return object["description"].get<std::string>();
    if (object.contains("unserializableValue")) return object["unserializableValue"].get<std::string>();
    return object.value("type", std::string("?"));
}

// An exception as DevTools reports it: the thrown value's description (its stack trace cut off,
// the first line names the error), else the summary ("Uncaught").
std::string exception_text(const Json& details) {
    std::string text;
    if (details.contains("exception")) text = remote_object_text(details["exception"]);
    if (text.empty()) text = details.value("text", std::string("exception"));
    const auto stack = text.find("\n    at ");
    if (stack != std::string::npos) text.resize(stack);
    return text;
}

struct KeySpec {
    const char* name;
    const char* key;
    const char* code;
    int key_code;
    const char* text;
};

// What Input.dispatchKeyEvent needs for the keys a page test presses: the DOM key and code, and the
// Windows virtual key code Chromium's input pipeline acts on (focus moves, form submission).
constexpr std::array<KeySpec, 12> named_keys{{
    {"Enter", "Enter", "Enter", 13, "\r"},
    {"Tab", "Tab", "Tab", 9, ""},
    {"Escape", "Escape", "Escape", 27, ""},
    {"Space", " ", "Space", 32, " "},
    {"Backspace", "Backspace", "Backspace", 8, ""},
    {"ArrowUp", "ArrowUp", "ArrowUp", 38, ""},
    {"ArrowDown", "ArrowDown", "ArrowDown", 40, ""},
    {"ArrowLeft", "ArrowLeft", "ArrowLeft", 37, ""},
    {"ArrowRight", "ArrowRight", "ArrowRight", 39, ""},
    {"Home", "Home", "Home", 36, ""},
    {"End", "End", "End", 35, ""},
    {"Delete", "Delete", "Delete", 46, ""},
}};

constexpr int shift_modifier = 8;  // DevTools' modifier bit for Shift

}  // namespace

std::filesystem::path ChromiumPage::executable() {
    if (const char* chosen = std::getenv("LDN_CHROMIUM"); chosen != nullptr && *chosen != '\0') return chosen;
    return "/usr/bin/chromium";
}

bool ChromiumPage::available() { return ::access(executable().c_str(), X_OK) == 0; }

std::filesystem::path ChromiumPage::log_file() const { return folder_.path() / "chromium.log"; }

std::filesystem::path ChromiumPage::downloads_folder() const { return folder_.path() / "downloads"; }

ChromiumPage::ChromiumPage(std::chrono::milliseconds timeout) : timeout_(timeout) {
    int ends[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0)
        throw std::system_error(errno, std::generic_category(), "socketpair");
    fd_ = ends[0];
    // The browser's end is moved above 4 first: dup2 onto 3 and 4 from an fd that already is 3 or 4
    // would leave that one close-on-exec, and the browser would find its pipe closed.
    const int browser_end = ::fcntl(ends[1], F_DUPFD_CLOEXEC, 10);
    const int dup_errno = errno;
    ::close(ends[1]);
    if (browser_end < 0) {
        ::close(fd_);
        throw std::system_error(dup_errno, std::generic_category(), "fcntl F_DUPFD_CLOEXEC");
    }
    // Non-blocking, so that sending never stalls while the browser waits for us to read.
    ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);

    const auto profile = folder_.path() / "profile";
    const std::vector<std::string> args = {
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--remote-debugging-pipe",
        "--user-data-dir=" + profile.string(),
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-dev-shm-usage",  // containers often have a tiny /dev/shm
        "--mute-audio",
        "--window-size=1280,800",
        "about:blank",
    };
    const ExecArguments command_line(executable(), args);
    const std::string log = log_file().string();

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    posix_spawn_file_actions_adddup2(&actions, browser_end, 3);
    posix_spawn_file_actions_adddup2(&actions, browser_end, 4);
    // Its own process group, so that the destructor can kill the renderers and helpers it forks
    // along with it, and a signal meant for the test runner's group does not reach it.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t no_signals;
    sigemptyset(&no_signals);
    posix_spawnattr_setsigmask(&attributes, &no_signals);
    posix_spawnattr_setpgroup(&attributes, 0);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK);
    const int rc = ::posix_spawn(&pid_, command_line.program(), &actions, &attributes, command_line.argv(),
                                 command_line.envp());
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    ::close(browser_end);
    if (rc != 0) {
        pid_ = -1;
        ::close(fd_);
        fd_ = -1;
        throw std::system_error(rc, std::generic_category(), "posix_spawn " + executable().string());
    }

    try {
        const Json target = command("Target.createTarget", {{"url", "about:blank"}}, true);
        const Json attached =
            command("Target.attachToTarget", {{"targetId", target.at("targetId")}, {"flatten", true}}, true);
        session_ = attached.at("sessionId").get<std::string>();
        command("Page.enable");
        command("Runtime.enable");
        command("Log.enable");
        // A headless page never has the focus, and navigator.clipboard refuses an unfocused document.
        command("Emulation.setFocusEmulationEnabled", {{"enabled", true}});
    } catch (...) {
        stop();
        throw;
    }
}

ChromiumPage::~ChromiumPage() { stop(); }

void ChromiumPage::stop() noexcept {
    if (fd_ >= 0) {
        ::close(fd_);
        fd_ = -1;
    }
    if (pid_ > 0) {
        // The group is killed while its leader is still unreaped, so its id cannot have been reused.
        ::kill(-pid_, SIGKILL);
        int status = 0;
        while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
        pid_ = -1;
    }
}

void ChromiumPage::fail(const std::string& message) const { throw ChromiumError("chromium: " + message); }

std::string ChromiumPage::timeout_text() const { return seconds_text(timeout_); }

std::int64_t ChromiumPage::send(const std::string& method, const Json& params, bool to_browser) {
    if (browser_gone_) fail("the browser has exited; cannot send " + method);
    const std::int64_t id = next_id_++;
    Json message = {{"id", id}, {"method", method}, {"params", params}};
    if (!to_browser) message["sessionId"] = session_;
    std::string bytes = message.dump();
    bytes.push_back('\0');
    const auto deadline = Clock::now() + timeout_;
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t wrote = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (wrote > 0) {
            sent += static_cast<std::size_t>(wrote);
            continue;
        }
        if (errno == EINTR) continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            browser_gone_ = true;
            fail("the browser closed its end while sending " + method + " (" + std::strerror(errno) + ")");
        }
        // Full socket: read what the browser sends meanwhile, or it may be blocked on us.
        pollfd poll_fd{fd_, POLLOUT, 0};
        if (::poll(&poll_fd, 1, milliseconds_until(deadline)) == 0 && Clock::now() >= deadline)
            fail("timed out after " + timeout_text() + " sending " + method);
        if ((poll_fd.revents & POLLOUT) == 0) pump(Clock::now() + std::chrono::milliseconds(10), method);
    }
    return id;
}

bool ChromiumPage::pump(Clock::time_point deadline, const std::string& what) {
    pollfd poll_fd{fd_, POLLIN, 0};
    int ready = 0;
    do {
        ready = ::poll(&poll_fd, 1, milliseconds_until(deadline));
    } while (ready < 0 && errno == EINTR);
    if (ready < 0) throw std::system_error(errno, std::generic_category(), "poll");
    if (ready == 0) return false;

    std::array<char, 65536> chunk{};
    const ssize_t got = ::recv(fd_, chunk.data(), chunk.size(), 0);
    if (got < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) return true;
    if (got <= 0) {
        browser_gone_ = true;
        fail("the browser exited while waiting for " + what + " (its output: " + log_file().string() +
             ", kept when LDN_KEEP_TEST_DIRS is set)");
    }
    input_.append(chunk.data(), static_cast<std::size_t>(got));
    std::size_t start = 0;
    for (std::size_t end = input_.find('\0'); end != std::string::npos; end = input_.find('\0', start)) {
        Json message = Json::parse(input_.begin() + static_cast<std::ptrdiff_t>(start),
                                   input_.begin() + static_cast<std::ptrdiff_t>(end), nullptr, false);
        start = end + 1;
        if (!message.is_discarded()) handle(std::move(message));
    }
    input_.erase(0, start);
    return true;
}

void ChromiumPage::handle(Json message) {
    if (message.contains("id")) {
        const auto id = message["id"].get<std::int64_t>();
        responses_[id] = std::move(message);
        return;
    }
    const std::string method = message.value("method", std::string());
    const std::string session = message.value("sessionId", std::string());
    const Json params = message.value("params", Json::object());
    if (!session.empty() && session != session_) return;
    handle_event(method, params);
}

void ChromiumPage::handle_event(const std::string& method, const Json& params) {
    if (method == "Page.loadEventFired") {
        ++load_events_;
    } else if (method == "Runtime.exceptionThrown") {
        errors_.push_back("uncaught exception: " + exception_text(params.value("exceptionDetails", Json::object())));
    } else if (method == "Runtime.consoleAPICalled") {
        const std::string type = params.value("type", std::string());
        if (type != "error" && type != "assert") return;
        std::string line = "console." + type + ":";
        for (const Json& argument : params.value("args", Json::array())) line += " " + remote_object_text(argument);
        errors_.push_back(line);
    } else if (method == "Log.entryAdded") {
        const Json entry = params.value("entry", Json::object());
        if (entry.value("level", std::string()) != "error") return;
        std::string line = "browser (" + entry.value("source", std::string("?")) + "): " + entry.value("text", std::string());
        if (const std::string url = entry.value("url", std::string()); !url.empty()) line += " [" + url + "]";
        errors_.push_back(line);
    } else if (method == "Inspector.targetCrashed") {
        page_gone_ = "the page crashed";
    } else if (method == "Inspector.detached") {
        page_gone_ = "the page was detached (" + params.value("reason", std::string("no reason given")) + ")";
    } else if (method == "Target.detachedFromTarget") {
        if (params.value("sessionId", std::string()) == session_) page_gone_ = "the page was closed";
    } else if (method == "Browser.downloadWillBegin") {
        Download download;
        download.url = params.value("url", std::string());
        download.suggested_filename = params.value("suggestedFilename", std::string());
        downloads_started_[params.value("guid", std::string())] = std::move(download);
    } else if (method == "Browser.downloadProgress") {
        const std::string state = params.value("state", std::string());
        const std::string guid = params.value("guid", std::string());
        if (state != "completed" && state != "canceled") return;
        Download download = downloads_started_[guid];
        downloads_started_.erase(guid);
        if (state == "canceled") {
            downloads_failed_.push_back(download.url.empty() ? guid : download.url);
            return;
        }
        const std::string saved = params.value("filePath", std::string());
        download.path = saved.empty() ? downloads_folder() / guid : std::filesystem::path(saved);
        downloads_done_.push_back(std::move(download));
    }
}

Json ChromiumPage::await_response(std::int64_t id, const std::string& what, Clock::time_point deadline) {
    for (;;) {
        if (const auto found = responses_.find(id); found != responses_.end()) {
            Json response = std::move(found->second);
            responses_.erase(found);
            return response;
        }
        if (!page_gone_.empty()) fail(page_gone_ + " while waiting for " + what);
        if (!pump(deadline, what)) fail("timed out after " + timeout_text() + " waiting for " + what);
    }
}

Json ChromiumPage::command(const std::string& method, const Json& params, bool to_browser) {
    const std::int64_t id = send(method, params, to_browser);
    const Json response = await_response(id, "the answer to " + method, Clock::now() + timeout_);
    if (response.contains("error")) {
        throw ChromiumCommandError("chromium: " + method + " failed: " +
                                   response["error"].value("message", std::string("unknown error")));
    }
    return response.value("result", Json::object());
}

void ChromiumPage::navigate(const std::string& url) {
    const auto loads_before = load_events_;
    const Json result = command("Page.navigate", {{"url", url}});
    if (const std::string error = result.value("errorText", std::string()); !error.empty())
        fail("could not open " + url + ": " + error);
    // No loader means the document stayed (only the fragment changed): no load event will come.
    if (!result.contains("loaderId") || result.value("isDownload", false)) return;
    const auto deadline = Clock::now() + timeout_;
    const std::string what = "the load event of " + url;
    while (load_events_ == loads_before) {
        if (!page_gone_.empty()) fail(page_gone_ + " while waiting for " + what);
        if (!pump(deadline, what)) fail("timed out after " + timeout_text() + " waiting for " + what);
    }
}

Json ChromiumPage::evaluate(const std::string& expression) {
    const Json params = {{"expression", expression},
                         {"awaitPromise", true},
                         {"returnByValue", true},
                         {"userGesture", true}};
    const std::int64_t id = send("Runtime.evaluate", params, false);
    const Json response = await_response(id, "the value of `" + excerpt(expression) + "`", Clock::now() + timeout_);
    if (response.contains("error")) {
        throw ChromiumCommandError("chromium: evaluating `" + excerpt(expression) +
                                   "` failed: " + response["error"].value("message", std::string("unknown error")));
    }
    const Json result = response.value("result", Json::object());
    if (result.contains("exceptionDetails"))
        throw JavaScriptError(exception_text(result["exceptionDetails"]) + " (in `" + excerpt(expression) + "`)");
    const Json value = result.value("result", Json::object());
    return value.contains("value") ? value["value"] : Json(nullptr);
}

void ChromiumPage::wait_for(const std::string& condition, const std::string& what,
                            std::optional<std::chrono::milliseconds> timeout) {
    const auto limit = timeout.value_or(timeout_);
    const auto deadline = Clock::now() + limit;
    const std::string expression = "Boolean(" + condition + "\n)";
    std::string last_exception;
    for (;;) {
        try {
            if (evaluate(expression) == Json(true)) return;
        } catch (const JavaScriptError& error) {
            last_exception = error.what();
        } catch (const ChromiumCommandError& error) {
            last_exception = error.what();
        }
        if (Clock::now() >= deadline) {
            fail("timed out after " + seconds_text(limit) + " waiting for " +
                 (what.empty() ? "`" + excerpt(condition) + "`" : what) +
                 (last_exception.empty() ? "" : "; last exception: " + last_exception));
        }
        // Polling, not a fixed delay: events read meanwhile (loads, errors) are handled as they come.
        pump(std::min(deadline, Clock::now() + std::chrono::milliseconds(25)), what);
    }
}

void ChromiumPage::click(const std::string& selector) {
    const std::string quoted = Json(selector).dump();
    evaluate("(() => { const element = document.querySelector(" + quoted +
             "); if (!element) throw new Error('nothing matches ' + " + quoted + "); element.click(); })()");
}

void ChromiumPage::type_into(const std::string& selector, const std::string& text) {
    const std::string quoted = Json(selector).dump();
    evaluate("(() => { const element = document.querySelector(" + quoted +
             "); if (!element) throw new Error('nothing matches ' + " + quoted +
             "); element.focus(); const end = element.value.length; "
             "if (typeof element.setSelectionRange === 'function') { try { element.setSelectionRange(end, end); } "
             "catch (e) {} } })()");
    command("Input.insertText", {{"text", text}});
}

void ChromiumPage::press_key(const std::string& key) {
    int modifiers = 0;
    std::string name = key;
    if (name.rfind("Shift+", 0) == 0) {
        modifiers = shift_modifier;
        name = name.substr(6);
    }
    Json down;
    const auto named = std::find_if(named_keys.begin(), named_keys.end(),
                                    [&name](const KeySpec& spec) { return name == spec.name; });
    if (named != named_keys.end()) {
        down = {{"key", named->key},
                {"code", named->code},
                {"windowsVirtualKeyCode", named->key_code},
                {"nativeVirtualKeyCode", named->key_code}};
        if (*named->text != '\0') down["text"] = named->text;
    } else if (name.size() == 1 && name[0] > ' ' && name[0] < 127) {
        const char c = name[0];
        const char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        down = {{"key", name}, {"text", name}, {"windowsVirtualKeyCode", static_cast<int>(upper)}};
        if (std::isalpha(static_cast<unsigned char>(c))) down["code"] = std::string("Key") + upper;
    } else {
        throw std::invalid_argument("press_key: unknown key '" + key + "'");
    }
    down["modifiers"] = modifiers;
    Json up = down;
    // "keyDown" with text also types it; "rawKeyDown" is a key that types nothing (Tab, arrows).
    down["type"] = down.contains("text") ? "keyDown" : "rawKeyDown";
    up["type"] = "keyUp";
    up.erase("text");
    command("Input.dispatchKeyEvent", down);
    command("Input.dispatchKeyEvent", up);
}

void ChromiumPage::set_viewport(int width, int height, bool mobile) {
    command("Emulation.setDeviceMetricsOverride",
            {{"width", width}, {"height", height}, {"deviceScaleFactor", 1}, {"mobile", mobile}});
}

void ChromiumPage::grant_clipboard(const std::string& origin) {
    Json params = {{"permissions", {"clipboardReadWrite", "clipboardSanitizedWrite"}}};
    if (!origin.empty()) params["origin"] = origin;
    command("Browser.grantPermissions", params, true);
}

std::string ChromiumPage::read_clipboard() {
    const Json text = evaluate("navigator.clipboard.readText()");
    if (!text.is_string()) fail("navigator.clipboard.readText() gave no text: " + text.dump());
    return text.get<std::string>();
}

void ChromiumPage::allow_downloads() {
    if (downloads_allowed_) return;
    std::filesystem::create_directories(downloads_folder());
    command("Browser.setDownloadBehavior",
            {{"behavior", "allowAndName"}, {"downloadPath", downloads_folder().string()}, {"eventsEnabled", true}},
            true);
    downloads_allowed_ = true;
}

ChromiumPage::Download ChromiumPage::wait_for_download() {
    if (!downloads_allowed_) throw std::logic_error("wait_for_download() needs allow_downloads() first");
    const auto deadline = Clock::now() + timeout_;
    while (downloads_done_.empty()) {
        if (!downloads_failed_.empty()) {
            const std::string url = downloads_failed_.front();
            downloads_failed_.erase(downloads_failed_.begin());
            fail("the download of " + url + " was canceled");
        }
        if (!pump(deadline, "a download")) fail("timed out after " + timeout_text() + " waiting for a download");
    }
    Download download = std::move(downloads_done_.front());
    downloads_done_.pop_front();
    return download;
}

}  // namespace ldn::test
