#pragma once
// Opening the index for reading: a clear message for a missing index (how to fill it) and for one
// built by another schema version (how to rebuild it), never wrong answers.

#include <xapian.h>

#include <filesystem>

namespace ldn {

// Throws ldn::Error: 1 for a missing or empty index (with "run 'ldn refresh' or 'ldn ingest FILE'"),
// 65 for another schema version, 74 for an unreadable one, 75 when a remote shard of a stub cannot
// be reached (down, or behind a firewall).
Xapian::Database open_index(const std::filesystem::path& database);

}  // namespace ldn
