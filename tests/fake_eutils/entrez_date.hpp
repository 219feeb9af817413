#pragma once
// Dates as E-utilities compares them. A date is kept as one integer YYYYMMDD so that the date
// windows of esearch (`mindate`/`maxdate`, `reldate`) are plain integer comparisons.
//
// A record's date may lack its month or day (PubDate 2020, or 2020 Oct): the missing parts count as
// the start of the period (2020 -> 20200101), the way a record dated "2020" falls in a window that
// starts on 2020/01/01 but not in one that starts on 2020/06/01. A query's maxdate is the other way
// round: "2020" as maxdate means up to the end of 2020 (20201231).

#include <optional>
#include <string>
#include <string_view>

namespace ldn::fake {

using DateKey = int;  // YYYYMMDD; 0 means "unknown" and matches no window

// Year, month (0 = absent) and day (0 = absent) to a key, absent parts as the start of the period.
DateKey date_key(int year, int month = 0, int day = 0);

// The forms PubMed uses for mindate/maxdate: YYYY, YYYY/MM, YYYY/MM/DD. For an end bound the
// missing parts are the end of the period (month 12, day 31). nullopt when the text has another shape.
std::optional<DateKey> parse_query_date(std::string_view text, bool end_of_period);

// The Article model's pubdate (YYYY, YYYY-MM or YYYY-MM-DD), missing parts as the start of the
// period. nullopt for an empty or malformed value.
std::optional<DateKey> parse_article_pubdate(std::string_view text);

// The key `days` days before `today` (for reldate). Calendar arithmetic, so month ends are right.
DateKey days_before(DateKey today, int days);

// The system's current date (UTC) as a key.
DateKey today_utc();

// YYYY/MM/DD, the form QueryTranslation shows date ranges in.
std::string format_query_date(DateKey key);

}  // namespace ldn::fake
