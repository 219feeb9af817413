// PubMed's page ranges and the forms the styles need: full end pages (AMA, APA, RIS, BibTeX, CSL)
// and NLM's abbreviated ones (Vancouver).
#include <catch2/catch.hpp>

#include "query/export/page_range.hpp"

using namespace ldn;

TEST_CASE("the first page range splits into start and full end page", "[export][pages]") {
    struct Row {
        const char* pages;
        const char* first;
        const char* last;
    };
    const Row rows[] = {
        {"1865-76", "1865", "1876"},   {"123-9", "123", "129"},      {"100-110", "100", "110"},
        {"99-101", "99", "101"},       {"S12-4", "S12", "S14"},      {"e1-e9", "e1", "e9"},
        {"e0123456", "e0123456", ""},  {"iii-v", "iii", "v"},        {"123-5, 130", "123", "125"},
        {"", "", ""},                  {" 12 - 15 ", "12", "15"},    {"45\u201352", "45", "52"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.pages);
        const PageRange range = first_page_range(row.pages);
        CHECK(range.first == row.first);
        CHECK(range.last == row.last);
    }
}

TEST_CASE("pages are written in full or NLM-abbreviated", "[export][pages]") {
    struct Row {
        const char* pages;
        const char* full;
        const char* nlm;
    };
    const Row rows[] = {
        {"1865-76", "1865-1876", "1865-76"}, {"1865-1876", "1865-1876", "1865-76"},
        {"123-129", "123-129", "123-9"},     {"100-110", "100-110", "100-10"},
        {"99-101", "99-101", "99-101"},      {"S12-4", "S12-S14", "S12-4"},
        {"123-5, 130", "123-125, 130", "123-5, 130"}, {"e0123456", "e0123456", "e0123456"},
        {"12-12", "12", "12"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.pages);
        CHECK(expanded_pages(row.pages, "-") == row.full);
        CHECK(nlm_pages(row.pages) == row.nlm);
    }
    CHECK(expanded_pages("1865-76", "--") == "1865--1876");
}
