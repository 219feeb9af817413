#pragma once
// Journal names for the reference styles. PubMed's ISO abbreviation has periods ("N. Engl. J. Med.");
// AMA and NLM write the abbreviation without them ("N Engl J Med"). PubMed's full journal title is in
// sentence case ("Arthritis research & therapy"); APA wants title case.

#include <string>
#include <string_view>

#include "crawler/article.hpp"

namespace ldn {

// The abbreviation without periods, or the full title when the record has no abbreviation.
std::string nlm_journal_abbreviation(const Journal& journal);

// Title case per APA 7 (6.17): every word capitalised except articles, short conjunctions and short
// prepositions that are not the first word or the first word after a colon; both parts of a
// hyphenated compound count as words. A word with a capital or a digit inside ("mBio",
// "eLife", "BMJ") is left as it is.
std::string apa_title_case(std::string_view title);

}  // namespace ldn
