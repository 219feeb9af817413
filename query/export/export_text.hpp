#pragma once
// Text clean-up shared by the export formats. Every format here is line-based or quotes its values,
// so a value never carries a line break: titles and abstracts come out of PubMed with stray newlines
// and tabs, and a hostile record may hold any control character.

#include <string>
#include <string_view>
#include <vector>

#include "crawler/article.hpp"

namespace ldn {

// Line breaks (CR, LF, U+2028, U+2029, U+0085), tabs and other C0, DEL and C1 control characters
// become spaces;
// runs of spaces collapse to one; leading and trailing spaces go. UTF-8 passes through untouched.
std::string single_line(std::string_view text);

// The abstract as one line: sections in order, a labelled section as "LABEL: text".
std::string abstract_text(const Article& article);

// True when `text` already ends a sentence (".", "?" or "!"), so a style must not add a period.
bool ends_sentence(std::string_view text);

// `text` followed by a period unless it already ends a sentence.
std::string with_final_period(std::string_view text);

// The shortest decimal form of a number: 4.5 -> "4.5", 50 -> "50".
std::string decimal_text(double value);

// Values joined by ", " after each is made single-line; empty values are skipped (keyword lists).
std::string comma_joined(const std::vector<std::string>& values);

// The record's PubMed page, "https://pubmed.ncbi.nlm.nih.gov/PMID/"; empty without a PMID.
std::string pubmed_url(std::string_view pmid);

// The title, single-line, without the final period PubMed ends titles with: reference managers and
// citation styles add their own punctuation, and "trial.." is what keeping it would print. Zotero's
// PubMed import drops it the same way. A "?" or "!" stays.
std::string title_without_final_period(std::string_view title);

// A DOI without the "doi:" or "https://doi.org/" prefix some records carry.
std::string bare_doi(std::string_view doi);

// The note every format carries for a retracted paper.
inline constexpr std::string_view retraction_note = "Retracted publication";
// The marker text references and titles start with.
inline constexpr std::string_view retraction_marker = "[RETRACTED]";

}  // namespace ldn
