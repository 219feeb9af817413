#include "index/index_compaction.hpp"

#include <fcntl.h>
#include <xapian.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

#include "crawler/atomic_file.hpp"
#include "crawler/disk_usage.hpp"
#include "crawler/errors.hpp"
#include "index/index_layout.hpp"

namespace ldn {

namespace {

namespace fs = std::filesystem;

class ProgressReporter : public Xapian::Compactor {
public:
    ProgressReporter(const CompactionProgress& progress, std::size_t database, std::size_t databases)
        : progress_(progress), database_(database), databases_(databases) {}

    // Xapian calls this with an empty status as a table starts, then with its outcome.
    void set_status(const std::string& table, const std::string& status) override {
        if (status.empty() && progress_) progress_(database_, databases_, table);
    }

private:
    const CompactionProgress& progress_;
    std::size_t database_;
    std::size_t databases_;
};

void remove_or_fail(const fs::path& path) {
    std::error_code error;
    fs::remove_all(path, error);
    if (error) throw io_error(path.string() + ": cannot remove: " + error.message());
}

// A copy needs at most the room of the original, plus a block for each table: a database of a few
// blocks can grow, since every table takes at least one 64 KiB block.
void check_room_for_copy(const fs::path& database, std::uintmax_t database_bytes) {
    constexpr std::uintmax_t tables = 6;
    const std::uintmax_t bytes = database_bytes + tables * compacted_block_size;
    std::error_code error;
    const fs::space_info space = fs::space(database.parent_path(), error);
    if (!error && space.available < bytes) {
        throw io_error("cannot compact " + database.string() + ": its copy may need " + std::to_string(bytes) +
                       " bytes and " + std::to_string(space.available) + " are free");
    }
}

CompactedDatabase compact_database(const fs::path& database, const CompactionProgress& progress, std::size_t number,
                                   std::size_t count) {
    CompactedDatabase result{database, bytes_under(database), 0};
    // A run killed before its exchange leaves a partial copy here, one killed after it the original:
    // in both cases the database under its own name is whole, and the leftover is not needed.
    fs::path copy = database;
    copy += ".compacting";
    remove_or_fail(copy);
    check_room_for_copy(database, result.bytes_before);

    try {
        ProgressReporter reporter(progress, number, count);
        // No renumbering: old and new files then hold the same documents under the same ids, which
        // is what lets a reader switch from one to the other at any moment.
        Xapian::Database(database.string())
            .compact(copy.string(), Xapian::DBCOMPACT_NO_RENUMBER, static_cast<int>(compacted_block_size), reporter);
    } catch (const Xapian::Error& error) {
        std::error_code ignored;
        fs::remove_all(copy, ignored);
        throw io_error("cannot compact " + database.string() + ": " + error.get_description());
    }

    if (::renameat2(AT_FDCWD, copy.c_str(), AT_FDCWD, database.c_str(), RENAME_EXCHANGE) != 0) {
        const int error = errno;
        std::error_code ignored;
        fs::remove_all(copy, ignored);
        throw io_error("cannot put the compacted copy of " + database.string() + " in place: " + std::strerror(error));
    }
    sync_folder(database.parent_path());
    remove_or_fail(copy);
    result.bytes_after = bytes_under(database);
    return result;
}

}  // namespace

void require_index_to_compact(const fs::path& index) {
    if (existing_shards(index) == 0) {
        throw Error(ExitCode::failure, "no index at " + index.string() +
                                           " to compact: fill it with 'ldn refresh' or 'ldn ingest FILE...'");
    }
}

std::vector<CompactedDatabase> compact_index(const fs::path& index, const CompactionProgress& progress) {
    const fs::path absolute = fs::absolute(index);  // so that every database has a parent folder
    require_index_to_compact(absolute);
    const std::size_t shards = existing_shards(absolute);
    std::vector<CompactedDatabase> compacted;
    const std::vector<fs::path> databases = shard_paths(absolute, shards);
    for (std::size_t i = 0; i < databases.size(); ++i) {
        compacted.push_back(compact_database(databases[i], progress, i + 1, databases.size()));
    }
    return compacted;
}

}  // namespace ldn
