// html_escape: the five characters that can end a text node or a quoted attribute become references.
#include <catch2/catch.hpp>

#include "query/summary/html_escape.hpp"

using namespace ldn;

TEST_CASE("html_escape neutralises markup, quotes and entities", "[html-report]") {
    struct Row {
        const char* text;
        const char* escaped;
    };
    const Row rows[] = {
        {"", ""},
        {"plain text", "plain text"},
        {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
        {"x\" onmouseover=\"alert(1)", "x&quot; onmouseover=&quot;alert(1)"},
        {"=cmd|' /C calc'!A0", "=cmd|&#39; /C calc&#39;!A0"},
        {"&amp;", "&amp;amp;"},
        {"a & b < c > d", "a &amp; b &lt; c &gt; d"},
        {"Sjögren 中文 ≥ 4.5 mg", "Sjögren 中文 ≥ 4.5 mg"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        CHECK(html_escape(row.text) == row.escaped);
    }
}
