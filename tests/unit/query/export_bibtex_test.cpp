// BibTeX: @article entries keyed by PMID, LaTeX specials escaped, braces always balanced, UTF-8 kept.
#include <catch2/catch.hpp>

#include "query/export/bibtex_sink.hpp"
#include "query/export/export_format.hpp"
#include "tests/unit/query/export_test_records.hpp"

using namespace ldn;
using namespace ldn::test;

namespace {

std::string bibtex(const std::vector<ExportRecord>& records) {
    return format_records(ExportFormat::bibtex, records);
}

// BibTeX counts every brace, escaped or not: the depth must never go below zero and must end at zero.
bool braces_balanced(const std::string& text) {
    int depth = 0;
    for (const char c : text) {
        if (c == '{') ++depth;
        if (c == '}' && --depth < 0) return false;
    }
    return depth == 0;
}

}  // namespace

TEST_CASE("LaTeX specials and braces are escaped", "[export][bibtex]") {
    struct Row {
        const char* text;
        const char* escaped;
    };
    const Row rows[] = {
        {"100% & #1", "100\\% \\& \\#1"},
        {"a_b $x", "a\\_b \\$x"},
        {"~^", "\\textasciitilde{}\\textasciicircum{}"},
        {"C:\\dir", "C:\\textbackslash{}dir"},
        {"{B}-cells", "\\{B\\}-cells"},
        {"{unbalanced", "\\textbraceleft{}unbalanced"},
        {"close}", "close\\textbraceright{}"},
        {"}{", "\\textbraceright{}\\textbraceleft{}"},
        {"line\nbreak", "line break"},
        {"Müller 中文 <script>", "Müller 中文 <script>"},
        {"=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        CHECK(bibtex_escape(row.text) == row.escaped);
        CHECK(braces_balanced(bibtex_escape(row.text)));
    }
}

TEST_CASE("a full record in BibTeX", "[export][bibtex]") {
    const std::string expected =
        "@article{pmid31234567,\n"
        "  author = {Doe, Jr, John F and Müller, Jörg and Zhang, Wei},\n"
        "  title = {{Low-dose naltrexone for fibromyalgia: a randomized, placebo-controlled trial}},\n"
        "  journal = {The New England journal of medicine},\n"
        "  shortjournal = {N. Engl. J. Med.},\n"
        "  year = {2020},\n"
        "  month = mar,\n"
        "  volume = {12},\n"
        "  number = {3},\n"
        "  pages = {1865--1876},\n"
        "  issn = {0028-4793},\n"
        "  doi = {10.1000/ldn.2020.12},\n"
        "  pmid = {31234567},\n"
        "  pmcid = {PMC7654321},\n"
        "  abstract = {BACKGROUND: Fibromyalgia is common. RESULTS: Pain fell by 30\\%.},\n"
        "  keywords = {low-dose naltrexone, fibromyalgia},\n"
        "  language = {eng},\n"
        "}\n";
    CHECK(bibtex({full_record()}) == expected);
}

TEST_CASE("BibTeX edge records", "[export][bibtex]") {
    ExportRecord no_pmid = small_record();
    no_pmid.article.pmid = "";
    struct Row {
        const char* what;
        ExportRecord record;
        std::vector<std::string> present;
        std::vector<std::string> absent;
    };
    const Row rows[] = {
        {"a group author is braced whole", with_authors({group("Pain and Sleep Group"), person("Doe", "John", "J")}),
         {"  author = {{Pain and Sleep Group} and Doe, John},\n"}, {}},
        {"a surname with a comma is protected", with_authors({person("Smith, Jones", "Ann", "A")}),
         {"  author = {{Smith, Jones}, Ann},\n"}, {}},
        {"no fore name but initials", with_authors({person("Doe", "", "JF")}), {"  author = {Doe, J. F.},\n"}, {}},
        {"no fore name", with_authors({person("Doe", "", "")}), {"  author = {Doe},\n"}, {}},
        {"no authors", with_authors({}), {"  title = {{Naltrexone in chronic pain}},\n"}, {"author ="}},
        {"no pages", elocation_only_record(), {"  doi = {10.1371/journal.pone.0123456},\n"}, {"pages ="}},
        {"retracted", retracted_record(), {"  note = {Retracted publication},\n"}, {}},
        {"not retracted", small_record(), {}, {"note ="}},
        {"no PMID: a key from the position", no_pmid, {"@article{record1,\n"}, {}},
        {"hostile", hostile_record(),
         {"  title = {{=cmd|' /C calc'!A0}},\n",
          "  abstract = {<script>alert(1)</script> \\textbraceleft{}unbalanced and 100\\% \\& \\$x\\_1\\textasciicircum{}2 "
          "\\#1 \\textasciitilde{} \\textbackslash{}cmd second line},\n"},
         {}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.what);
        const std::string text = bibtex({row.record});
        CHECK(braces_balanced(text));
        for (const std::string& line : row.present) CHECK(text.find(line) != std::string::npos);
        for (const std::string& line : row.absent) CHECK(text.find(line) == std::string::npos);
    }
}
