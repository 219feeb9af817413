#pragma once
// What an index run did to the records, as the summary line and the run report tell it.

#include <cstddef>

namespace ldn {

struct IndexCounts {
    std::size_t added = 0;
    std::size_t updated = 0;    // a record that was there, now with different content
    std::size_t unchanged = 0;  // the same record again (idempotent re-ingest)
    std::size_t deleted = 0;
    std::size_t newly_retracted = 0;
    std::size_t failed = 0;

    IndexCounts& operator+=(const IndexCounts& more) {
        added += more.added;
        updated += more.updated;
        unchanged += more.unchanged;
        deleted += more.deleted;
        newly_retracted += more.newly_retracted;
        failed += more.failed;
        return *this;
    }
};

// What happened between two readings of the counts.
inline IndexCounts operator-(IndexCounts after, const IndexCounts& before) {
    after.added -= before.added;
    after.updated -= before.updated;
    after.unchanged -= before.unchanged;
    after.deleted -= before.deleted;
    after.newly_retracted -= before.newly_retracted;
    after.failed -= before.failed;
    return after;
}

}  // namespace ldn
