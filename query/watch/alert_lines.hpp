#pragma once
// The new records of a check as the refresh prints them on stdout, one line each:
//
//   watch NAME: PMID YEAR DESIGN TITLE
//   watch fm-rct: 90000031 2026 rct Low-dose naltrexone in fibromyalgia: a randomized trial.
//
// Space-separated, so `cut -d' ' -f3` is the PMID: NAME, PMID and DESIGN never hold a space, YEAR is
// "-" for a record without one, and TITLE (the rest of the line) is made single-line and starts with
// "[RETRACTED] " for a retracted paper. Watches in list order, records in PMID order.

#include <string>
#include <vector>

#include "query/watch/watch_check.hpp"

namespace ldn {

// Every line, each ending in "\n"; empty when nothing is new.
std::string alert_lines(const std::vector<WatchAlert>& alerts);

}  // namespace ldn
