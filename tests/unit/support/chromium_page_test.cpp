// The Chromium driver the page tests use, tried on pages written to a temporary folder: loading,
// evaluating, clicking and typing, waiting with a bound, the clipboard, downloads, the errors a page
// reports, and that the browser and its helper processes are gone once the object is.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/chromium_page.hpp"
#include "tests/support/process.hpp"

using namespace ldn::test;
using Json = nlohmann::json;

namespace {

std::string write_page(const TempDir& dir, const std::string& name, const std::string& html) {
    const auto path = dir.path() / name;
    std::ofstream(path, std::ios::binary) << html;
    return "file://" + path.string();
}

std::string file_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

const char* const form_page = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Driver test</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<script src="form.js" defer></script></head>
<body>
<form id="form"><label for="q">Query</label> <input id="q" name="q"> <button id="go">Search</button></form>
<p id="out"></p>
<button id="later">Later</button>
<ul id="list"></ul>
</body></html>
)";

// The page's behaviour, in a file of its own as the search page's is (no inline script).
const char* const form_script = R"(
document.getElementById('form').addEventListener('submit', (event) => {
  event.preventDefault();
  document.getElementById('out').textContent = 'searched: ' + document.getElementById('q').value;
});
document.getElementById('later').addEventListener('click', () => {
  setTimeout(() => {
    const item = document.createElement('li');
    item.className = 'late';
    item.textContent = 'arrived';
    document.getElementById('list').appendChild(item);
  }, 150);
});
)";

// A loopback port nothing listens on: one the kernel just handed out and that was closed again.
int unused_port() {
    const int probe = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    REQUIRE(probe >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    REQUIRE(::bind(probe, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(::getsockname(probe, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    ::close(probe);
    return ntohs(address.sin_port);
}

// The processes of a process group that have not exited (zombies are dead: they only await reaping).
std::vector<pid_t> running_in_group(pid_t group) {
    std::vector<pid_t> running;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        // /proc/PID/stat: pid (comm) state ppid pgrp …; comm may hold spaces, so read after the last ')'.
        const std::string stat = file_text(entry.path() / "stat");
        const auto close = stat.rfind(')');
        if (close == std::string::npos) continue;
        std::istringstream fields(stat.substr(close + 1));
        char state = '?';
        long parent = 0;
        long process_group = 0;
        fields >> state >> parent >> process_group;
        if (process_group == group && state != 'Z' && state != 'X') running.push_back(std::stoi(name));
    }
    return running;
}

}  // namespace

TEST_CASE("ChromiumPage reports whether a browser is installed", "[chromium]") {
    const char* saved = std::getenv("LDN_CHROMIUM");
    const std::string previous = saved != nullptr ? saved : "";
    ::setenv("LDN_CHROMIUM", "/nonexistent/chromium", 1);
    CHECK_FALSE(ChromiumPage::available());
    CHECK(ChromiumPage::executable() == "/nonexistent/chromium");
    if (saved != nullptr)
        ::setenv("LDN_CHROMIUM", previous.c_str(), 1);
    else
        ::unsetenv("LDN_CHROMIUM");
}

TEST_CASE("ChromiumPage loads a page, evaluates, clicks, types and waits", "[chromium]") {
    LDN_REQUIRE_CHROMIUM();
    const TempDir dir;
    std::ofstream(dir.path() / "form.js", std::ios::binary) << form_script;
    const std::string url = write_page(dir, "form.html", form_page);

    ChromiumPage page;
    page.navigate(url);
    CHECK(page.evaluate("document.title") == "Driver test");
    CHECK(page.evaluate("document.readyState") == "complete");
    CHECK(page.evaluate("1 + 2") == 3);
    CHECK(page.evaluate("({a: [1, 'two'], b: null})") == Json{{"a", {1, "two"}}, {"b", nullptr}});
    CHECK(page.evaluate("undefined").is_null());
    CHECK(page.evaluate("new Promise((resolve) => setTimeout(() => resolve('settled'), 20))") == "settled");

    {
        INFO("a click whose effect comes later is awaited");
        page.navigate(url);
        page.click("#later");
        CHECK(page.evaluate("document.querySelectorAll('.late').length") == 0);
        page.wait_for("document.querySelector('.late').textContent === 'arrived'", "the late item");
        CHECK(page.evaluate("document.querySelectorAll('#list li').length") == 1);
    }
    {
        INFO("typing and Enter submit the form through the browser's own input handling");
        page.navigate(url);
        page.type_into("#q", "low dose");
        CHECK(page.evaluate("document.activeElement.id") == "q");
        page.press_key("Enter");
        page.wait_for("document.getElementById('out').textContent !== ''", "the submitted form");
        CHECK(page.evaluate("document.getElementById('out').textContent") == "searched: low dose");
    }
    {
        INFO("Tab moves the focus");
        page.navigate(url);
        page.evaluate("document.getElementById('q').focus()");
        page.press_key("Tab");
        CHECK(page.evaluate("document.activeElement.id") == "go");
        page.press_key("Shift+Tab");
        CHECK(page.evaluate("document.activeElement.id") == "q");
    }
    {
        INFO("a script's exception is thrown with its message");
        page.navigate(url);
        CHECK_THROWS_WITH(page.evaluate("null.property"), Catch::Contains("TypeError"));
        CHECK_THROWS_AS(page.evaluate("Promise.reject(new Error('refused'))"), JavaScriptError);
        CHECK_THROWS_WITH(page.evaluate("Promise.reject(new Error('refused'))"), Catch::Contains("refused"));
        CHECK_THROWS_WITH(page.click("#absent"), Catch::Contains("nothing matches #absent"));
        CHECK(page.evaluate("'still usable'") == "still usable");
    }
    {
        INFO("a wait that is never satisfied fails in time and names what it waited for");
        page.navigate(url);
        const auto start = std::chrono::steady_clock::now();
        CHECK_THROWS_WITH(page.wait_for("document.querySelector('.never') !== null", "the impossible element",
                                        std::chrono::milliseconds(300)),
                          Catch::Contains("timed out after 0.3 s waiting for the impossible element"));
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
        CHECK_THROWS_WITH(page.wait_for("document.querySelector('.never').id", "", std::chrono::milliseconds(100)),
                          Catch::Contains("last exception: TypeError"));
    }
    {
        INFO("a fragment change is a navigation without a load");
        page.navigate(url);
        page.navigate(url + "#results");
        CHECK(page.evaluate("location.hash") == "#results");
    }
    {
        INFO("a page that cannot be loaded is an error, not a hang");
        page.navigate(url);
        const std::string nowhere = "http://127.0.0.1:" + std::to_string(unused_port()) + "/";
        CHECK_THROWS_WITH(page.navigate(nowhere), Catch::Contains("could not open " + nowhere) &&
                                                      Catch::Contains("ERR_CONNECTION_REFUSED"));
        page.navigate(url);
        CHECK(page.evaluate("document.title") == "Driver test");
    }
    {
        INFO("a phone-sized viewport");
        page.navigate(url);
        page.set_viewport(360, 740, true);
        CHECK(page.evaluate("window.innerWidth") == 360);
    }
    CHECK(page.errors().empty());
}

TEST_CASE("ChromiumPage lets a page use the clipboard and downloads files", "[chromium]") {
    LDN_REQUIRE_CHROMIUM();
    const TempDir dir;
    const std::string url = write_page(dir, "page.html", R"(<!DOCTYPE html><html lang="en"><head>
<meta charset="utf-8"><title>Clipboard</title><link rel="icon" href="data:,"></head><body>
<a id="save" download="notes.txt" href="data:text/plain;charset=utf-8,Sj%C3%B6gren%20notes">Save</a>
</body></html>)");

    ChromiumPage page;
    page.grant_clipboard();
    page.navigate(url);
    const std::string text = "Younger J, Noor N. Low-dose naltrexone for fibromyalgia. 2013;65(2):529–538.";
    page.evaluate("navigator.clipboard.writeText(" + Json(text).dump() + ")");
    CHECK(page.read_clipboard() == text);

    page.allow_downloads();
    page.click("#save");
    const ChromiumPage::Download download = page.wait_for_download();
    CHECK(download.suggested_filename == "notes.txt");
    CHECK(download.path.parent_path() == page.downloads_folder());
    CHECK(file_text(download.path) == "Sjögren notes");
    CHECK(page.errors().empty());
}

TEST_CASE("ChromiumPage collects what a page reports and leaves no process behind", "[chromium]") {
    LDN_REQUIRE_CHROMIUM();
    const TempDir dir;
    // An inline script under a policy that forbids it: the violation the search page must never cause.
    const std::string url = write_page(dir, "csp.html", R"(<!DOCTYPE html><html lang="en"><head>
<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'">
<title>Policy</title><link rel="icon" href="data:,"></head><body><script>document.title = 'ran';</script>
</body></html>)");

    pid_t browser = -1;
    {
        ChromiumPage page;
        browser = page.pid();
        REQUIRE(::kill(-browser, 0) == 0);
        page.navigate(url);
        CHECK(page.evaluate("document.title") == "Policy");
        page.wait_for("true");
        page.evaluate("console.error('bad thing', 42); setTimeout(() => { throw new Error('late failure'); }, 0)");
        page.wait_for("new Promise((resolve) => setTimeout(() => resolve(true), 10))", "the timer to run");
        std::string all;
        for (const std::string& line : page.errors()) all += line + "\n";
        CHECK_THAT(all, Catch::Contains("Content Security Policy"));
        CHECK_THAT(all, Catch::Contains("console.error: bad thing 42"));
        CHECK_THAT(all, Catch::Contains("uncaught exception: Error: late failure"));
        page.clear_errors();
        CHECK(page.errors().empty());
    }
    // Reaped: the main process cannot be waited for again. Its helpers, in its process group, are
    // killed with it; they may linger as zombies until init reaps them, but none still runs.
    CHECK(::waitpid(browser, nullptr, WNOHANG) == -1);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    std::vector<pid_t> running = running_in_group(browser);
    while (!running.empty() && std::chrono::steady_clock::now() < deadline) {
        ::usleep(20'000);
        running = running_in_group(browser);
    }
    CHECK(running.empty());
}
