#pragma once
// Pages as PubMed gives them (MedlinePgn) and the forms the styles want. PubMed abbreviates an end
// page by dropping the digits it shares with the start page ("1865-76" is 1865 to 1876); AMA, APA,
// RIS, BibTeX and CSL want the full end page, NLM/Vancouver the abbreviated one. A MedlinePgn may list
// several ranges ("123-5, 130") and carry letter prefixes ("S12-4", "e1-e9").

#include <string>
#include <string_view>

namespace ldn {

struct PageRange {
    std::string first;  // "1865"; empty when there are no pages
    std::string last;   // "1876", expanded; empty for a single page
};

// The first range of `pages`, with its end page expanded.
PageRange first_page_range(std::string_view pages);

// The end page written in full: ("1865", "76") -> "1876", ("S12", "4") -> "S14". An end page that is
// not a shortened number of the same kind is returned as it is.
std::string expanded_end_page(std::string_view first, std::string_view last);

// Every range of `pages` with full end pages, joined by `dash` ("-", "\u2013", "--").
std::string expanded_pages(std::string_view pages, std::string_view dash);

// Every range with NLM's abbreviated end pages ("1865-1876" -> "1865-76", "123-129" -> "123-9").
std::string nlm_pages(std::string_view pages);

}  // namespace ldn
