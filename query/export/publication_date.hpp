#pragma once
// The publication date of an Article in the pieces the formats need. The Article's `pubdate` is
// YYYY, YYYY-MM or YYYY-MM-DD; `year` is authoritative when the date is missing.

#include <string>
#include <string_view>

#include "crawler/article.hpp"

namespace ldn {

struct PublicationDate {
    int year = 0;   // 0: unknown
    int month = 0;  // 1-12, 0: unknown
    int day = 0;    // 1-31, 0: unknown
};

PublicationDate publication_date(const Article& article);

// "Jan" … "Dec" (NLM's and PubMed's month abbreviations); empty for 0 or out of range.
std::string_view month_abbreviation(int month);

// NLM's date: "2020", "2020 Mar", "2020 Mar 15", or the raw MedlineDate ("2015 Jan-Feb") when the
// record has one, since that is what the journal printed. Empty when nothing is known.
std::string nlm_date(const Article& article);

}  // namespace ldn
