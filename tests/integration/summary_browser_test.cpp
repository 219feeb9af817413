// The HTML evidence report in a real browser: headless Chromium loads the file under the page's own
// Content-Security-Policy, keeps its tables and SVG charts in the DOM, and paints them. Skipped, with a
// warning, where Chromium is not installed (scripts/setup installs it).
#include <catch2/catch.hpp>

#include <unistd.h>
#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "query/summary/html_report.hpp"
#include "tests/support/process.hpp"
#include "tests/unit/summary/html_sample_summary.hpp"

using namespace ldn;
using namespace ldn::test;

namespace {

std::optional<std::filesystem::path> find_chromium() {
    const char* path = std::getenv("PATH");
    if (path == nullptr) return std::nullopt;
    std::stringstream folders(path);
    for (std::string folder; std::getline(folders, folder, ':');)
        for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
            const std::filesystem::path candidate = std::filesystem::path(folder) / name;
            if (::access(candidate.c_str(), X_OK) == 0) return candidate;
        }
    return std::nullopt;
}

#define LDN_REQUIRE_CHROMIUM(var)                                                             \
    const auto var##_found = find_chromium();                                                 \
    if (!var##_found) {                                                                       \
        WARN("skipped: chromium is not installed (scripts/setup installs it)");               \
        return;                                                                               \
    }                                                                                         \
    const std::filesystem::path& var = *var##_found

// Flags for a quiet, self-contained run: a throw-away profile in the test's folder, no first-run UI,
// and the page's console (where Chromium reports CSP violations) copied to stderr.
std::vector<std::string> chromium_args(const TempDir& dir, std::vector<std::string> extra) {
    std::vector<std::string> args{"--headless",          "--disable-gpu",       "--no-sandbox",
                                  "--no-first-run",      "--hide-scrollbars",   "--enable-logging=stderr",
                                  "--user-data-dir=" + (dir.path() / "profile").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

std::filesystem::path write_report(const TempDir& dir) {
    const std::filesystem::path file = dir.path() / "report.html";
    std::ofstream(file, std::ios::binary) << render_html_report(sample_summary());
    return file;
}

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t found = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++found;
    return found;
}

// The pixels of an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes), as RGB triples packed
// into integers; empty when the file is anything else. Enough to tell a painted page from a blank one.
std::vector<std::uint32_t> png_pixels(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() < 8 || bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return {};
    const auto be32 = [&bytes](std::size_t at) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at]) << 24 |
                                          static_cast<unsigned char>(bytes[at + 1]) << 16 |
                                          static_cast<unsigned char>(bytes[at + 2]) << 8 |
                                          static_cast<unsigned char>(bytes[at + 3]));
    };
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::size_t channels = 0;
    std::string compressed;
    for (std::size_t at = 8; at + 12 <= bytes.size();) {
        const std::uint32_t length = be32(at);
        const std::string type = bytes.substr(at + 4, 4);
        if (at + 12 + length > bytes.size()) return {};
        if (type == "IHDR") {
            width = be32(at + 8);
            height = be32(at + 12);
            const int depth = bytes[at + 16];
            const int colour_type = bytes[at + 17];
            const int interlace = bytes[at + 20];
            if (depth != 8 || interlace != 0 || (colour_type != 2 && colour_type != 6)) return {};
            channels = colour_type == 2 ? 3 : 4;
        } else if (type == "IDAT") {
            compressed += bytes.substr(at + 8, length);
        }
        at += 12 + length;
    }
    if (channels == 0) return {};
    const std::size_t stride = width * channels;
    std::vector<unsigned char> raw((stride + 1) * height);
    uLongf raw_size = raw.size();
    if (::uncompress(raw.data(), &raw_size, reinterpret_cast<const Bytef*>(compressed.data()), compressed.size()) != Z_OK ||
        raw_size != raw.size())
        return {};

    // Undo the per-row filters (PNG specification, section 9).
    std::vector<unsigned char> previous(stride, 0);
    std::vector<unsigned char> row(stride);
    std::vector<std::uint32_t> pixels;
    pixels.reserve(static_cast<std::size_t>(width) * height);
    for (std::uint32_t y = 0; y < height; ++y) {
        const unsigned char* line = raw.data() + y * (stride + 1);
        const int filter = line[0];
        for (std::size_t x = 0; x < stride; ++x) {
            const int left = x >= channels ? row[x - channels] : 0;
            const int up = previous[x];
            const int up_left = x >= channels ? previous[x - channels] : 0;
            int predictor = 0;
            if (filter == 1) predictor = left;
            if (filter == 2) predictor = up;
            if (filter == 3) predictor = (left + up) / 2;
            if (filter == 4) {
                const int estimate = left + up - up_left;
                const int to_left = std::abs(estimate - left);
                const int to_up = std::abs(estimate - up);
                const int to_up_left = std::abs(estimate - up_left);
                predictor = to_left <= to_up && to_left <= to_up_left ? left : to_up <= to_up_left ? up : up_left;
            }
            row[x] = static_cast<unsigned char>(line[1 + x] + predictor);
        }
        for (std::size_t x = 0; x < stride; x += channels)
            pixels.push_back(static_cast<std::uint32_t>(row[x]) << 16 | static_cast<std::uint32_t>(row[x + 1]) << 8 |
                             row[x + 2]);
        previous = row;
    }
    return pixels;
}

}  // namespace

TEST_CASE("headless Chromium keeps the report's tables and SVG charts in the DOM", "[summary-browser]") {
    LDN_REQUIRE_CHROMIUM(chromium);
    TempDir dir;
    const std::filesystem::path report = write_report(dir);
    const ProcessResult run = run_process(chromium, chromium_args(dir, {"--dump-dom", "file://" + report.string()}));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const std::string& dom = run.out;
    CHECK(occurrences(dom, "<table") == 7);
    CHECK(occurrences(dom, "<caption>") == 7);
    CHECK(occurrences(dom, "<svg ") == 2);
    CHECK(occurrences(dom, "role=\"img\"") == 2);
    CHECK(dom.find("<title id=\"timeline-chart-title\">") != std::string::npos);
    CHECK(occurrences(dom, "<rect ") > 10);
    CHECK(occurrences(dom, "<h2 ") == 8);
    CHECK(dom.find("<blockquote>") != std::string::npos);
    // The page's own policy blocks every request; a violation would mean the page tried one.
    CHECK(run.err.find("Content Security Policy") == std::string::npos);
    CHECK(run.err.find("Refused to") == std::string::npos);
}

TEST_CASE("headless Chromium paints the report, charts and shaded cells included", "[summary-browser]") {
    LDN_REQUIRE_CHROMIUM(chromium);
    TempDir dir;
    const std::filesystem::path report = write_report(dir);
    const std::filesystem::path screenshot = dir.path() / "report.png";
    const ProcessResult run = run_process(
        chromium, chromium_args(dir, {"--screenshot=" + screenshot.string(), "--window-size=1200,2000",
                                      "file://" + report.string()}));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    REQUIRE(std::filesystem::exists(screenshot));
    CHECK(std::filesystem::file_size(screenshot) > 10 * 1024);

    const std::vector<std::uint32_t> pixels = png_pixels(screenshot);
    REQUIRE(pixels.size() == 1200u * 2000u);
    const std::set<std::uint32_t> colours(pixels.begin(), pixels.end());
    CHECK(colours.size() > 16);
    CHECK(colours.count(0xffffff) == 1);  // the page
    CHECK(colours.count(0x6baed6) == 1);  // the evidence map's darkest cells
    CHECK(colours.count(0x1b4f9c) == 1);  // the timeline's systematic reviews, a solid fill
}

TEST_CASE("headless Chromium prints the report to PDF", "[summary-browser]") {
    LDN_REQUIRE_CHROMIUM(chromium);
    TempDir dir;
    const std::filesystem::path report = write_report(dir);
    const std::filesystem::path pdf = dir.path() / "report.pdf";
    const ProcessResult run = run_process(
        chromium,
        chromium_args(dir, {"--no-pdf-header-footer", "--print-to-pdf=" + pdf.string(), "file://" + report.string()}));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    REQUIRE(std::filesystem::exists(pdf));
    std::ifstream in(pdf, std::ios::binary);
    std::string start(5, '\0');
    in.read(start.data(), 5);
    CHECK(start == "%PDF-");
    CHECK(std::filesystem::file_size(pdf) > 10 * 1024);
}
