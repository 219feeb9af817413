#pragma once
// PubMed publication dates in their many shapes (EUTILS.md, "Records"): Year/Month/Day with month
// names or numbers, Year/Season, and free-text MedlineDate ("1998 Dec-1999 Jan", "2000 Spring",
// "1978-1979", "2022 Jan-Feb 01").

#include <optional>
#include <string>
#include <string_view>

namespace ldn {

struct PublicationDate {
    std::optional<int> year;
    std::string iso;  // "YYYY", "YYYY-MM" or "YYYY-MM-DD"; empty when no year is known
};

// Month 1-12 from "Jan", "january", "01" or "1"; nullopt for anything else (seasons included).
std::optional<int> parse_month(std::string_view text);

// From the parts of a <PubDate>: any may be empty. A day without a month is dropped.
PublicationDate date_from_parts(std::string_view year, std::string_view month, std::string_view day);

// The first year, and the month that follows it when one does, of a MedlineDate. Never a day:
// in "2022 Jan-Feb 01" the day belongs to the range, not to January.
PublicationDate date_from_medline_date(std::string_view text);

}  // namespace ldn
