// `ldn compact`: the store's index rewritten compactly, for faster searches after a bulk ingest
// (issue 5). The work is index/index_compaction; this is the lock, the progress and the summary.

#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "crawler/store_layout.hpp"
#include "crawler/store_lock.hpp"
#include "index/index_compaction.hpp"
#include "query/cli/commands.hpp"
#include "query/cli/locations.hpp"
#include "query/cli/messages.hpp"
#include "query/cli/progress.hpp"
#include "query/cli/run_history.hpp"
#include "query/cli/store_status.hpp"

namespace ldn::cli {

namespace {

struct CompactFlags {
    std::string store;
    bool quiet = false;
};

ExitCode run_compact(const CompactFlags& flags) {
    const StoreLayout store(store_folder(flags.store));
    require_index_to_compact(store.index());
    const StoreLock lock = StoreLock::acquire(store.root());
    ProgressLine progress("compact");
    const auto show = [&](std::size_t database, std::size_t databases, const std::string& table) {
        progress.update(database - 1, databases, "copying the " + table + " table");
    };
    const std::vector<CompactedDatabase> compacted = compact_index(store.index(), show);
    progress.clear();
    if (!flags.quiet) {
        std::uintmax_t before = 0;
        std::uintmax_t after = 0;
        for (const CompactedDatabase& database : compacted) {
            before += database.bytes_before;
            after += database.bytes_after;
        }
        print_note(fmt::format("compact: {} {}, {} -> {} in {}", compacted.size(),
                               compacted.size() == 1 ? "database" : "databases", format_bytes(before), format_bytes(after),
                               format_duration(progress.seconds_since_start())));
    }
    return ExitCode::ok;
}

}  // namespace

Command add_compact_command(CLI::App& app) {
    auto flags = std::make_shared<CompactFlags>();
    CLI::App* command =
        app.add_subcommand("compact", "Rewrite the index compactly (64 KiB blocks): faster searches after a large ingest");
    add_store_option(*command, flags->store);
    command->add_flag("-q,--quiet", flags->quiet, "No summary line; errors only");
    command->footer("Each database (each shard) is copied, then swapped in atomically: searches and 'ldn serve' go on\n"
                    "meanwhile. Needs free disk space for a copy of the largest shard.\n"
                    "Exit codes: 0 ok, 1 no index, 74 I/O error (the database being copied is left as it was),\n"
                    "75 store in use by another run.");
    return {command, [flags] { return run_compact(*flags); }};
}

}  // namespace ldn::cli
