#pragma once
// A date given on the command line (--since, --until, --now), worded the same for every command.

#include <string>

#include "crawler/calendar.hpp"

namespace ldn::cli {

// "YYYY-MM-DD" as a Day; throws ldn::Error (2) naming the flag and the text.
Day parse_day_flag(const std::string& text, const char* flag);

}  // namespace ldn::cli
