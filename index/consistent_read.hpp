#pragma once
// Reading an index that a refresh may be writing. A Xapian reader sees one committed revision; when
// the writer commits twice while a read is under way, that revision's blocks can be reused and the
// read fails with DatabaseModifiedError. The cure Xapian documents is to reopen() at the newest
// revision and do the read again.

#include <xapian.h>

#include "crawler/errors.hpp"

namespace ldn {

// How many times a read is tried before giving up: each try sees a fresh revision, so only a writer
// committing faster than one read can finish makes them all fail.
inline constexpr int consistent_read_attempts = 10;

// Runs `read` (which reads only through `database`) until it completes on one revision. Throws
// ldn::Error (75: try again later) when the index kept changing under every attempt.
template <typename Read>
auto read_consistently(Xapian::Database& database, Read&& read) -> decltype(read()) {
    for (int attempt = 1;; ++attempt) {
        try {
            return read();
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == consistent_read_attempts) {
                throw Error(ExitCode::temporary, "the index kept changing while it was read (a refresh is "
                                                 "committing); try again");
            }
            database.reopen();
        }
    }
}

}  // namespace ldn
