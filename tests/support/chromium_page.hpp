#pragma once
// One headless Chromium with one page, driven over the DevTools protocol, for tests of the search page
// that `ldn serve` serves. The browser runs with --remote-debugging-pipe: it reads commands from its
// fd 3 and writes answers and events to its fd 4, as JSON texts each ended by a NUL byte. Both fds are
// one end of a socket pair rather than two pipes, so that writing to a browser that died is an error
// (send with MSG_NOSIGNAL), not a SIGPIPE that kills the test runner. No port is opened: two test runs
// cannot reach each other's browser. Each page is one Target (createTarget, attachToTarget with
// flatten) whose commands carry its sessionId.
//
// Every wait is bounded (the timeout given to the constructor, 15 s unless said): a page that never
// loads, a promise that never settles or a browser that crashed throws ChromiumError naming what was
// awaited, so a test fails instead of hanging.
//
// Usage:
//     LDN_REQUIRE_CHROMIUM();                 // skips the test (WARN) when there is no browser
//     ldn::test::ChromiumPage page;
//     page.navigate(url);
//     page.click("#search-form button");
//     page.wait_for("document.querySelectorAll('.result').length > 0", "search results");
//     CHECK(page.evaluate("document.title") == "…");
//
// Wait for the effect itself (a text that changes), not for a state the page may still be in from
// before the action: events such as hashchange and fetch answers arrive after evaluate() returns.

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/process.hpp"

namespace ldn::test {

// The browser or the protocol failed: a timeout, the browser gone, a command refused.
class ChromiumError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A command the browser answered with an error (e.g. "Execution context was destroyed" while a
// page navigates): the browser still works.
class ChromiumCommandError : public ChromiumError {
public:
    using ChromiumError::ChromiumError;
};

// Script given to evaluate() threw (or returned a promise that rejected); what() has its message.
class JavaScriptError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class ChromiumPage {
public:
    static constexpr std::chrono::milliseconds default_timeout{15000};

    // $LDN_CHROMIUM when set, else /usr/bin/chromium (Debian's package).
    static std::filesystem::path executable();
    // Whether executable() can be run; tests check this first (LDN_REQUIRE_CHROMIUM).
    static bool available();

    // Starts the browser with a fresh profile and opens one blank page. Throws ChromiumError when
    // the browser does not answer in time.
    explicit ChromiumPage(std::chrono::milliseconds timeout = default_timeout);
    ~ChromiumPage();
    ChromiumPage(const ChromiumPage&) = delete;
    ChromiumPage& operator=(const ChromiumPage&) = delete;

    // Opens `url` and returns once its load event fired (at once for a change of the fragment only).
    // Throws when the browser reports the navigation failed (connection refused, bad URL).
    void navigate(const std::string& url);

    // The value of a JavaScript expression, evaluated in the page as if from a user gesture (so
    // clipboard writes and other activation-gated APIs are allowed). A promise is awaited. Values
    // come back as JSON (undefined as null; DOM nodes cannot be returned). Throws JavaScriptError
    // with the exception's text when the script throws or the promise rejects.
    nlohmann::json evaluate(const std::string& expression);

    // Polls the expression until it is truthy. Exceptions while polling (an element not there yet,
    // a page in mid-navigation) count as false. Throws ChromiumError naming `what` (or the
    // expression) and the last exception seen when `timeout` (default: the page's) runs out.
    void wait_for(const std::string& condition, const std::string& what = "",
                  std::optional<std::chrono::milliseconds> timeout = std::nullopt);

    // element.click() on document.querySelector(selector); throws JavaScriptError when nothing matches.
    void click(const std::string& selector);
    // Focuses the element and types `text` at the end of its value, as keystrokes would (input
    // events fire).
    void type_into(const std::string& selector, const std::string& text);
    // A key press (down and up) delivered to the focused element through the browser's input
    // pipeline, so default actions happen (Enter submits a form, Tab moves the focus). Keys:
    // Enter, Tab, Shift+Tab, Escape, Space, Backspace, ArrowUp, ArrowDown, ArrowLeft, ArrowRight,
    // Home, End, or one printable ASCII character.
    void press_key(const std::string& key);

    // The layout viewport in CSS pixels; `mobile` emulates a phone (meta viewport honoured).
    void set_viewport(int width, int height, bool mobile = false);

    // Lets pages read and write the clipboard (all origins when `origin` is empty).
    void grant_clipboard(const std::string& origin = "");
    // navigator.clipboard.readText() in the page (needs grant_clipboard first).
    std::string read_clipboard();

    // Downloads (a link with Content-Disposition: attachment) are saved under downloads_folder(),
    // each named by the browser's id for it; wait_for_download() returns the next one completed.
    struct Download {
        std::string url;
        std::string suggested_filename;  // from Content-Disposition or the URL
        std::filesystem::path path;      // the file as saved
    };
    void allow_downloads();
    std::filesystem::path downloads_folder() const;
    Download wait_for_download();

    // What the page reported since the start (or clear_errors()): uncaught exceptions, unhandled
    // rejections, console.error calls, and the browser's own error messages (Content-Security-Policy
    // violations, failed loads), one line each.
    const std::vector<std::string>& errors() const { return errors_; }
    void clear_errors() { errors_.clear(); }

    // A raw DevTools command, to the page (default) or to the browser. Returns its "result";
    // throws ChromiumCommandError with the browser's message on an error answer.
    nlohmann::json command(const std::string& method, const nlohmann::json& params = nlohmann::json::object(),
                           bool to_browser = false);

    std::chrono::milliseconds timeout() const { return timeout_; }
    pid_t pid() const { return pid_; }  // the browser's main process, also its process group
    // Chromium's stdout and stderr; kept when LDN_KEEP_TEST_DIRS is set.
    std::filesystem::path log_file() const;

private:
    using Clock = std::chrono::steady_clock;

    std::int64_t send(const std::string& method, const nlohmann::json& params, bool to_browser);
    nlohmann::json await_response(std::int64_t id, const std::string& what, Clock::time_point deadline);
    // Reads and handles what the browser sent, waiting at most until `deadline`; false when
    // nothing arrived by then.
    bool pump(Clock::time_point deadline, const std::string& what);
    void handle(nlohmann::json message);
    void handle_event(const std::string& method, const nlohmann::json& params);
    [[noreturn]] void fail(const std::string& message) const;
    std::string timeout_text() const;
    void stop() noexcept;

    TempDir folder_;  // first: outlives the browser, whose profile it holds
    std::chrono::milliseconds timeout_;
    pid_t pid_ = -1;
    int fd_ = -1;  // our end of the socket the browser has as fds 3 and 4
    bool browser_gone_ = false;
    std::string input_;  // received bytes not yet ending in a NUL
    std::int64_t next_id_ = 1;
    std::string session_;
    std::map<std::int64_t, nlohmann::json> responses_;
    std::uint64_t load_events_ = 0;
    std::string page_gone_;  // why the page stopped answering (crash, detach), when it did
    std::vector<std::string> errors_;
    std::map<std::string, Download> downloads_started_;  // by the browser's guid
    std::deque<Download> downloads_done_;
    std::vector<std::string> downloads_failed_;
    bool downloads_allowed_ = false;
};

}  // namespace ldn::test

// Use at the top of a test: returns from it, with a WARN saying why, when no browser is installed.
#define LDN_REQUIRE_CHROMIUM()                                                                    \
    do {                                                                                          \
        if (!::ldn::test::ChromiumPage::available()) {                                            \
            WARN("skipped: no Chromium at " << ::ldn::test::ChromiumPage::executable().string()    \
                                            << " (apt-get install chromium, or set LDN_CHROMIUM)"); \
            return;                                                                               \
        }                                                                                         \
    } while (false)
