#include "query/cli/day_flag.hpp"

#include "crawler/errors.hpp"

namespace ldn::cli {

Day parse_day_flag(const std::string& text, const char* flag) {
    auto day = Day::parse(text);
    if (!day) throw Error(ExitCode::usage, std::string(flag) + " wants a date as YYYY-MM-DD, not '" + text + "'");
    return *day;
}

}  // namespace ldn::cli
