// Text laid out in terminal columns: widths of UTF-8 text, cutting with an ellipsis, wrapping.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "query/cli/terminal.hpp"

using ldn::cli::cut_to_width;
using ldn::cli::display_width;
using ldn::cli::pad_left;
using ldn::cli::pad_right;
using ldn::cli::wrap_text;

TEST_CASE("display width counts characters, wide ones twice and combining marks not at all", "[terminal][result-table]") {
    CHECK(display_width("") == 0);
    CHECK(display_width("naltrexone") == 10);
    CHECK(display_width("Müller") == 6);
    CHECK(display_width("中文") == 4);
    CHECK(display_width("e\xcc\x81") == 1);  // e + combining acute accent
    CHECK(display_width("\xff") == 1);       // an invalid byte stands for one column
}

TEST_CASE("cut to width keeps text that fits and ends cut text with an ellipsis", "[terminal][result-table]") {
    CHECK(cut_to_width("Low-dose naltrexone", 19) == "Low-dose naltrexone");
    CHECK(cut_to_width("Low-dose naltrexone", 10) == "Low-dose\u2026");  // the space before the cut goes too
    CHECK(cut_to_width("Müller Kjær", 5) == "Müll\u2026");
    CHECK(cut_to_width("中文中文", 5) == "中文\u2026");             // never half of a wide character
    CHECK(display_width(cut_to_width("中文中文", 5)) == 5);
    CHECK(cut_to_width("abc", 0).empty());
}

TEST_CASE("padding aligns by columns, not bytes", "[terminal][result-table]") {
    CHECK(pad_right("Müller", 8) == "Müller  ");
    CHECK(pad_left("31", 4) == "  31");
    CHECK(pad_right("toolong", 3) == "toolong");
}

TEST_CASE("wrap text breaks at spaces and never cuts a word", "[terminal][record-view]") {
    CHECK(wrap_text("one two three four", 9) == std::vector<std::string>{"one two", "three", "four"});
    CHECK(wrap_text("  spaced \n out  ", 80) == std::vector<std::string>{"spaced out"});
    CHECK(wrap_text("https://doi.org/10.1002/art.90001 x", 10) ==
          std::vector<std::string>{"https://doi.org/10.1002/art.90001", "x"});
    CHECK(wrap_text("", 10).empty());
}
