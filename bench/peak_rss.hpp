#pragma once
// The process's peak resident set size, the memory figure every benchmark prints.

#include <sys/resource.h>

namespace ldn::bench {

inline long peak_rss_kb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;  // kilobytes on Linux
}

}  // namespace ldn::bench
